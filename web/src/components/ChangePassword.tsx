import { App, Form, Input, Modal } from 'antd';
import { api } from '../api';

export function ChangePassword({ open, onClose }: { open: boolean; onClose(): void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success('密码已修改');
      form.resetFields();
      onClose();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <Modal title="修改密码" open={open} onOk={submit} onCancel={onClose} okText="确定" cancelText="取消" destroyOnHidden>
      <Form form={form} layout="vertical" name="change-password">
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
