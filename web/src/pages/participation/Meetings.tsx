// 列席会议 in the workbench (issue #7 item 6): the meetings the user may see, latest first, with their
// representatives, opinions and those not yet handled; 登记会议 for those who record them;
// #/participation/meetings/ID opens a meeting (representatives and their consent, opinions and their
// handling, publishing).
import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Modal, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api';
import { chineseDate } from '../../format';
import { navigate, useRoute } from '../../router';
import { useSession } from '../../session';
import { MeetingEditor } from './meetings/MeetingEditor';
import { MeetingFieldsForm, meetingBody, type MeetingFormValues } from './meetings/MeetingFields';
import { meetingRoute, type Meeting, type MeetingRow } from './meetings/types';

export function MeetingsPage() {
  const route = useRoute();
  const match = route.match(/^\/participation\/meetings\/(\d+)$/);
  return match ? <MeetingEditor key={match[1]} id={Number(match[1])} /> : <MeetingList />;
}

function MeetingList() {
  const { can, user } = useSession();
  const { message } = App.useApp();
  const [items, setItems] = useState<MeetingRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<MeetingFormValues>();

  useEffect(() => {
    api
      .get<{ items: MeetingRow[] }>('/meetings')
      .then((r) => setItems(r.items), (err: Error) => message.error(err.message))
      .finally(() => setLoading(false));
  }, [message]);

  const create = async () => {
    const v = await form.validateFields();
    try {
      const m = await api.post<Meeting>('/meetings', { orgId: v.orgId, ...meetingBody(v) });
      message.success('已登记会议');
      setCreating(false);
      navigate(meetingRoute(m.id));
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Card
      title="列席会议"
      extra={
        can('meetings.manage') ? (
          <Button type="primary" onClick={() => (form.setFieldsValue({ orgId: user?.orgId, heldOn: dayjs() }), setCreating(true))}>
            登记会议
          </Button>
        ) : null
      }
    >
      <Table<MeetingRow>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: '尚未登记列席会议' }}
        columns={[
          { title: '会议', render: (_, r) => <a href={`#${meetingRoute(r.id)}`}>{r.title}</a> },
          { title: '召开单位', width: 180, render: (_, r) => r.org.name },
          { title: '召开日期', dataIndex: 'heldOn', width: 140, render: (v: string) => chineseDate(v) },
          { title: '列席代表', dataIndex: 'representatives', width: 90 },
          {
            title: '意见',
            width: 150,
            render: (_, r) => (
              <span>
                {r.opinions} 条{r.unhandled ? <Tag color="warning" style={{ marginLeft: 8 }}>待办理 {r.unhandled}</Tag> : null}
              </span>
            ),
          },
          {
            title: '状态',
            width: 170,
            render: (_, r) => (r.published ? <Tag color="success">{chineseDate(r.publishedOn)}已发布</Tag> : <Tag>未发布</Tag>),
          },
        ]}
      />
      <Modal title="登记会议" open={creating} onOk={create} onCancel={() => setCreating(false)} okText="登记" cancelText="取消" destroyOnHidden width={640}>
        <MeetingFieldsForm form={form} withOrg />
      </Modal>
    </Card>
  );
}
