// 登记申请: an application that came in person, by registered post, by ordinary letter, by fax or by
// email. The form asks for the dates the channel's rule needs (条例第三十一条); the server fixes the
// day received and explains it, which the receipt shows with the number and the query code.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, Radio, Result, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { chineseDate } from '../../format';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { chinaToday, useApplicationOptions } from './shared';
import type { Registered } from './types';
import { spinnerWhile } from '../../spinner';

type Channel = 'in_person' | 'registered_post' | 'ordinary_letter' | 'fax' | 'email';
type DateField = 'submittedOn' | 'signedForOn' | 'arrivedOn' | 'confirmedOn';

/** The dates each channel records, with how the form names them; the first decides the day received unless told. */
const CHANNEL_DATES: Readonly<Record<Channel, { field: DateField; label: string; required: boolean }[]>> = {
  in_person: [{ field: 'submittedOn', label: '提交日期（当面提交之日）', required: true }],
  registered_post: [{ field: 'signedForOn', label: '签收日期（本机关签收之日）', required: true }],
  ordinary_letter: [
    { field: 'arrivedOn', label: '信件到达日期', required: false },
    { field: 'confirmedOn', label: '与申请人确认的日期', required: true },
  ],
  fax: [
    { field: 'submittedOn', label: '申请人发送日期', required: false },
    { field: 'confirmedOn', label: '双方确认的日期', required: true },
  ],
  email: [
    { field: 'submittedOn', label: '申请人发送日期', required: false },
    { field: 'confirmedOn', label: '双方确认的日期', required: true },
  ],
};

const CHANNEL_HINTS: Readonly<Record<Channel, string>> = {
  in_person: '当面提交的，以提交之日为收到申请之日。',
  registered_post: '以邮寄方式提交的，以本机关签收之日为收到申请之日。',
  ordinary_letter: '以平常信函等无需签收的方式提交的，以与申请人确认之日为收到申请之日；信件到达当日应当与申请人确认。',
  fax: '通过传真提交的，以双方确认之日为收到申请之日。',
  email: '通过电子邮件提交的，以双方确认之日为收到申请之日。',
};

const CHANNELS = Object.keys(CHANNEL_DATES) as Channel[];
const DATE_FIELDS: DateField[] = ['submittedOn', 'signedForOn', 'arrivedOn', 'confirmedOn'];

interface TextField {
  name: string | string[];
  label: string;
  max: number;
  /** Columns of 24 on a wide screen. */
  md: number;
  required?: boolean;
}

/** A row of plain text fields of the form. */
function TextRow({ fields }: { fields: TextField[] }) {
  return (
    <Row gutter={12}>
      {fields.map((f) => (
        <Col xs={24} md={f.md} key={f.label}>
          <Form.Item label={f.label} name={f.name} rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}>
            <Input maxLength={f.max} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

export function RegisterPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const { options, staff } = useApplicationOptions(user?.id);
  const [form] = Form.useForm();
  const channel = (Form.useWatch('channel', form) ?? 'in_person') as Channel;
  const kind = Form.useWatch('applicantKind', form) ?? 'person';
  const [receipt, setReceipt] = useState<Registered | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const orgChoices = staff?.organizations ?? [];
  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = {
      orgId: v.orgId,
      applicantKind: v.applicantKind,
      channel: v.channel,
      applicant: Object.fromEntries(Object.entries(v.applicant ?? {}).filter(([, x]) => typeof x === 'string' && x.trim() !== '')),
      description: v.description,
      docTitle: v.docTitle || undefined,
      docNumber: v.docNumber || undefined,
      purpose: v.purpose || undefined,
      forms: v.forms,
      delivery: v.delivery,
    };
    for (const { field } of CHANNEL_DATES[v.channel as Channel]) if (v[field]) body[field] = (v[field] as Dayjs).format('YYYY-MM-DD');
    setSaving(true);
    setError(null);
    try {
      setReceipt(await api.post<Registered>('/applications/register', body));
      message.success('申请已登记');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  if (receipt) {
    return (
      <Card>
        <Result
          status="success"
          title={`申请已登记，申请编号 ${receipt.number}`}
          subTitle="请将申请编号和查询码告知申请人（可出具登记回执）。查询码只显示这一次。"
          extra={[
            <Button type="primary" key="open" onClick={() => navigate(`/applications/${receipt.id}`)}>
              打开该申请
            </Button>,
            <Button
              key="again"
              onClick={() => {
                setReceipt(null);
                form.resetFields();
              }}
            >
              继续登记
            </Button>,
          ]}
        />
        <Descriptions bordered column={1} size="small" data-testid="registration-receipt">
          <Descriptions.Item label="申请编号">{receipt.number}</Descriptions.Item>
          <Descriptions.Item label="查询码">
            <strong>{receipt.queryCode}</strong>
          </Descriptions.Item>
          <Descriptions.Item label="收到申请之日">{chineseDate(receipt.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label="确定依据">{receipt.receivedExplanation}</Descriptions.Item>
          <Descriptions.Item label="答复期限">{receipt.dueOn ? chineseDate(receipt.dueOn) : '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
    );
  }

  const today = dayjs(chinaToday());
  const initial = {
    orgId: orgChoices.find((o) => o.id === user?.orgId)?.id ?? (orgChoices.length === 1 ? orgChoices[0]!.id : undefined),
    channel: 'in_person',
    applicantKind: 'person',
    applicant: { idType: options?.idTypes[0]?.value },
    forms: ['paper'],
    delivery: ['post'],
    ...Object.fromEntries(DATE_FIELDS.map((f) => [f, today])),
  };
  const organization = kind !== 'person';

  return (
    <Card title="登记申请（当面、邮寄、平常信函、传真、电子邮件）">
      {options && staff ? (
        <Form form={form} layout="vertical" name="register" initialValues={initial} onValuesChange={() => setError(null)}>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label="受理机关" name="orgId" rules={[{ required: true, message: '请选择受理机关' }]}>
                <Select showSearch optionFilterProp="label" options={orgChoices.map((o) => ({ value: o.id, label: o.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label="申请渠道" name="channel" rules={[{ required: true }]}>
                <Radio.Group options={CHANNELS.map((c) => ({ value: c, label: options.channels.find((o) => o.value === c)?.label ?? c }))} />
              </Form.Item>
            </Col>
          </Row>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`条例第三十一条：${CHANNEL_HINTS[channel]}`} />
          <Row gutter={12}>
            {CHANNEL_DATES[channel].map((d) => (
              <Col xs={24} md={8} key={d.field}>
                <Form.Item label={d.label} name={d.field} rules={d.required ? [{ required: true, message: `请填写${d.label}` }] : []}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(x) => x.isAfter(today, 'day')} />
                </Form.Item>
              </Col>
            ))}
          </Row>

          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label="申请人类型" name="applicantKind" rules={[{ required: true }]}>
                <Select options={options.applicantKinds} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label={organization ? '法人或者其他组织名称' : '申请人姓名'} name={['applicant', 'name']} rules={[{ required: true, message: '请填写申请人' }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
          {organization ? (
            <TextRow
              fields={[
                { name: ['applicant', 'creditCode'], label: '统一社会信用代码', max: 18, md: 8, required: true },
                { name: ['applicant', 'legalRepresentative'], label: '法定代表人或者负责人', max: 50, md: 8, required: true },
                { name: ['applicant', 'contactName'], label: '联系人', max: 50, md: 8, required: true },
              ]}
            />
          ) : (
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item label="证件类型" name={['applicant', 'idType']} rules={[{ required: true, message: '请选择证件类型' }]}>
                  <Select options={options.idTypes} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item label="证件号码" name={['applicant', 'idNumber']} rules={[{ required: true, message: '请填写证件号码' }]}>
                  <Input maxLength={30} />
                </Form.Item>
              </Col>
            </Row>
          )}
          <TextRow
            fields={[
              { name: ['applicant', 'phone'], label: '联系电话', max: 30, md: 6, required: true },
              { name: ['applicant', 'email'], label: '电子邮箱', max: 100, md: 6 },
              { name: ['applicant', 'address'], label: '通信地址', max: 200, md: 8 },
              { name: ['applicant', 'postcode'], label: '邮政编码', max: 6, md: 4 },
            ]}
          />
          <TextRow
            fields={[
              { name: 'docTitle', label: '所需信息的名称', max: 200, md: 12 },
              { name: 'docNumber', label: '所需信息的文号', max: 100, md: 12 },
            ]}
          />
          <Form.Item label="所需政府信息的内容描述" name="description" rules={[{ required: true, message: '请填写所需政府信息的内容描述' }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item label="用途（选填）" name="purpose">
            <Input maxLength={500} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item label="所需信息的提供形式" name="forms" rules={[{ required: true, message: '请选择提供形式' }]}>
                <Checkbox.Group options={options.forms} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="获取信息的方式" name="delivery" rules={[{ required: true, message: '请选择获取方式' }]}>
                <Checkbox.Group options={options.delivery} />
              </Form.Item>
            </Col>
          </Row>
          {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} /> : null}
          <Space>
            <Button type="primary" loading={spinnerWhile(saving)} onClick={() => void submit().catch(() => undefined)}>
              登记
            </Button>
            <Button onClick={() => navigate('/applications')}>返回收件箱</Button>
          </Space>
        </Form>
      ) : null}
    </Card>
  );
}
