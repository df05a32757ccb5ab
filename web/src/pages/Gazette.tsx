// 政府公报: the issues by year with their status, and an issue's editor — numbering, contents with
// sections and order, documents added from those already published, publication with a date.
import { useCallback, useEffect, useState } from 'react';
import { YearFilter } from '../components/YearFilter';
import { App, AutoComplete, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useChangeRunner } from '../hooks/useChangeRunner';
import { api, query } from '../api';
import { DocumentPicker } from '../components/DocumentPicker';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { chineseDate, isoDay } from '../format';
import { navigate, useRoute } from '../router';
import { useSession } from '../session';
import { issueLabel, SUGGESTED_SECTIONS } from '../../../src/domain/gazette';

type Status = 'draft' | 'published';
const STATUS_LABELS: Record<Status, string> = { draft: '编辑中', published: '已发布' };
const STATUS_COLORS: Record<Status, string> = { draft: 'default', published: 'success' };

interface IssueRow {
  id: number;
  orgId: number;
  orgName: string;
  year: number;
  issueNo: number;
  totalNo: number | null;
  title: string;
  publishedOn: string | null;
  status: Status;
  entryCount: number;
}

interface Entry {
  id: number;
  documentId: number;
  section: string;
  title: string;
  docNumber: string;
  orgName: string;
  isPublic: boolean;
}

interface Issue extends Omit<IssueRow, 'entryCount'> {
  entries: Entry[];
  canEdit: boolean;
  canPublish: boolean;
}

const sectionOptions = SUGGESTED_SECTIONS.map((s) => ({ value: s }));

export function GazettePage() {
  const route = useRoute();
  const match = route.match(/^\/gazette\/(\d+)$/);
  return match ? <IssueEditor key={match[1]} id={Number(match[1])} /> : <IssueList />;
}

function IssueList() {
  const { can, user } = useSession();
  const { message } = App.useApp();
  const [year, setYear] = useState<number | undefined>();
  const [items, setItems] = useState<IssueRow[]>([]);
  const [years, setYears] = useState<number[]>([]);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();

  useEffect(() => {
    setLoading(true);
    api
      .get<{ items: IssueRow[] }>(`/gazette/issues${query({ year })}`)
      .then((r) => {
        setItems(r.items);
        if (!year) setYears([...new Set(r.items.map((i) => i.year))]);
      }, (err: Error) => message.error(err.message))
      .finally(() => setLoading(false));
  }, [year, message]);

  const create = async () => {
    const v = await form.validateFields();
    try {
      const issue = await api.post<IssueRow>('/gazette/issues', {
        orgId: v.orgId,
        year: v.year,
        ...(v.issueNo ? { issueNo: v.issueNo } : {}),
        ...(v.totalNo ? { totalNo: v.totalNo } : {}),
        title: v.title ?? '',
      });
      message.success(`已新建 ${issueLabel(issue)}`);
      setCreating(false);
      navigate(`/gazette/${issue.id}`);
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Card
      title="政府公报"
      extra={
        can('gazette.compose') ? (
          <Button type="primary" onClick={() => (form.setFieldsValue({ orgId: user?.orgId, year: dayjs().year() }), setCreating(true))}>
            新建一期
          </Button>
        ) : null
      }
    >
      <YearFilter id="gazette-year" years={years} value={year} onChange={setYear} />
      <Table<IssueRow>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { title: '期次', render: (_, r) => <a href={`#/gazette/${r.id}`}>{issueLabel(r)}</a> },
          { title: '标题', dataIndex: 'title' },
          { title: '编印机构', dataIndex: 'orgName', width: 180 },
          { title: '文件数', dataIndex: 'entryCount', width: 90 },
          { title: '状态', dataIndex: 'status', width: 100, render: (v: Status) => <Tag color={STATUS_COLORS[v]}>{STATUS_LABELS[v]}</Tag> },
          { title: '发布日期', dataIndex: 'publishedOn', width: 150, render: (v: string | null) => chineseDate(v) },
        ]}
      />
      <Modal title="新建一期政府公报" open={creating} onOk={create} onCancel={() => setCreating(false)} okText="新建" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="orgId" label="编印机构" rules={[{ required: true, message: '请选择机构' }]}>
            <OrgTreeSelect id="gazette-org" />
          </Form.Item>
          <Form.Item name="year" label="年份" rules={[{ required: true, message: '请填写年份' }]}>
            <InputNumber min={1949} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="issueNo" label="期号" extra="不填则为当年下一期">
            <InputNumber min={1} max={999} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="totalNo" label="总期号" extra="不填则为上一期的总期号加一">
            <InputNumber min={1} max={99999} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="title" label="标题（可选）">
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function IssueEditor({ id }: { id: number }) {
  const { message } = App.useApp();
  const [issue, setIssue] = useState<Issue | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [section, setSection] = useState('');
  const [publishOn, setPublishOn] = useState<Dayjs | null>(dayjs());
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    try {
      const i = await api.get<Issue>(`/gazette/issues/${id}`);
      setIssue(i);
      form.setFieldsValue({ year: i.year, issueNo: i.issueNo, totalNo: i.totalNo, title: i.title });
    } catch (err) {
      message.error((err as Error).message);
    }
  }, [id, form, message]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Runs a change, reports its error in Chinese, and reloads the issue. */
  const run = useChangeRunner(load);

  if (!issue) return null;
  const editable = issue.canEdit;

  const save = async () => {
    const v = await form.validateFields();
    await run(() => api.patch(`/gazette/issues/${id}`, { year: v.year, issueNo: v.issueNo, totalNo: v.totalNo ?? null, title: v.title ?? '' }), '已保存');
  };
  const move = (index: number, delta: number) => {
    const ids = issue.entries.map((e) => e.id);
    [ids[index], ids[index + delta]] = [ids[index + delta]!, ids[index]!];
    return run(() => api.put(`/gazette/issues/${id}/order`, { entryIds: ids }));
  };
  const add = () =>
    picked &&
    run(async () => {
      await api.post(`/gazette/issues/${id}/entries`, { documentId: picked, section });
      setPicked(null);
    }, '已收录');

  return (
    <Card
      title={
        <Space>
          <a href="#/gazette">政府公报</a>/<span>{`《${issue.orgName}公报》${issueLabel(issue)}`}</span>
          <Tag color={STATUS_COLORS[issue.status]}>{STATUS_LABELS[issue.status]}</Tag>
        </Space>
      }
      extra={
        editable ? (
          <Popconfirm title="删除这期公报草稿？" okText="删除" cancelText="取消" onConfirm={() => run(() => api.delete(`/gazette/issues/${id}`)).then(() => navigate('/gazette'))}>
            <Button danger>删除草稿</Button>
          </Popconfirm>
        ) : null
      }
    >
      {issue.status === 'published' ? (
        <Typography.Paragraph>
          已于 {chineseDate(issue.publishedOn)} 发布，不能再修改。<a href={`/zfxxgk/gb/${issue.id}`} target="_blank" rel="noreferrer">在门户查看</a>
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="inline" disabled={!editable} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="year" label="年份" rules={[{ required: true, message: '请填写年份' }]}>
          <InputNumber min={1949} max={2100} />
        </Form.Item>
        <Form.Item name="issueNo" label="期号" rules={[{ required: true, message: '请填写期号' }]}>
          <InputNumber min={1} max={999} />
        </Form.Item>
        <Form.Item name="totalNo" label="总期号">
          <InputNumber min={1} max={99999} />
        </Form.Item>
        <Form.Item name="title" label="标题">
          <Input maxLength={200} style={{ width: 240 }} />
        </Form.Item>
        {editable ? (
          <Form.Item>
            <Button onClick={save}>保存</Button>
          </Form.Item>
        ) : null}
      </Form>

      <Typography.Title level={5}>目录</Typography.Title>
      <Table<Entry>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={issue.entries}
        scroll={{ x: 900 }}
        locale={{ emptyText: '尚未收录文件' }}
        columns={[
          { title: '序号', width: 60, render: (_, __, i) => i + 1 },
          {
            title: '栏目',
            width: 200,
            render: (_, e) => (
              <AutoComplete
                aria-label={`《${e.title}》的栏目`}
                defaultValue={e.section}
                disabled={!editable}
                options={sectionOptions}
                style={{ width: '100%' }}
                onBlur={(ev) => {
                  const v = (ev.target as HTMLInputElement).value;
                  if (v !== e.section) void run(() => api.patch(`/gazette/issues/${id}/entries/${e.id}`, { section: v }));
                }}
                onSelect={(v: string) => v !== e.section && run(() => api.patch(`/gazette/issues/${id}/entries/${e.id}`, { section: v }))}
              />
            ),
          },
          {
            title: '文件标题',
            render: (_, e) => (
              <>
                <a href={`#/documents/${e.documentId}`}>{e.title}</a>
                {e.isPublic ? null : <Tag color="error" style={{ marginLeft: 8 }}>已撤回</Tag>}
              </>
            ),
          },
          { title: '文号', dataIndex: 'docNumber', width: 160 },
          { title: '发文机关', dataIndex: 'orgName', width: 170 },
          {
            title: '操作',
            width: 170,
            render: (_, e, i) =>
              editable ? (
                <Space size="small">
                  <Button size="small" disabled={i === 0} onClick={() => move(i, -1)}>
                    上移
                  </Button>
                  <Button size="small" disabled={i === issue.entries.length - 1} onClick={() => move(i, 1)}>
                    下移
                  </Button>
                  <Popconfirm title="从本期移除该文件？" okText="移除" cancelText="取消" onConfirm={() => run(() => api.delete(`/gazette/issues/${id}/entries/${e.id}`))}>
                    <Button size="small" danger>
                      移除
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />

      {editable ? (
        <Space wrap style={{ marginTop: 16, width: '100%' }}>
          <div style={{ width: 420 }}>
            <DocumentPicker publishedOnly value={picked} onChange={(v) => setPicked(v)} aria-label="要收录的已发布文件" placeholder="输入标题或文号，搜索已发布的文件" />
          </div>
          <AutoComplete aria-label="栏目" placeholder="栏目，如 县政府文件" options={sectionOptions} value={section} onChange={setSection} style={{ width: 200 }} />
          <Button type="primary" disabled={!picked} onClick={add}>
            收录
          </Button>
        </Space>
      ) : null}

      {issue.canPublish ? (
        <Space style={{ marginTop: 24 }}>
          <label htmlFor="gazette-publish-on">发布日期</label>
          <DatePicker id="gazette-publish-on" value={publishOn} onChange={setPublishOn} />
          <Popconfirm
            title="发布后这期公报不能再修改，确定发布？"
            okText="发布"
            cancelText="取消"
            onConfirm={() => run(() => api.post(`/gazette/issues/${id}/publish`, { publishedOn: publishOn ? isoDay(publishOn) : '' }), '已发布')}
          >
            <Button type="primary">发布</Button>
          </Popconfirm>
        </Space>
      ) : null}
    </Card>
  );
}
