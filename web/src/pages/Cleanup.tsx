// 文件清理 (规范性文件清理): campaigns, their files with a decision per file, progress, and publishing
// the result — a draft notice that then goes through the normal review (#/documents/ID).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, Modal, Popconfirm, Progress, Select, Space, Table, Tag, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../api';
import { CLEANUP_DECISION_LABELS, CLEANUP_DECISION_ORDER, type CleanupDecision } from '../../../src/domain/cleanup';
import { VALIDITY_LABELS, type Validity } from '../../../src/domain/validity';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { DOC_TYPE_LABELS, STATUS_LABELS } from '../documentLabels';
import { chineseDate, chineseDateTime, isoDay } from '../format';
import { buildOrgTree } from '../orgTree';
import { navigate, useRoute } from '../router';
import { useSession } from '../session';

interface CampaignFile {
  id: number;
  title: string;
  docNumber: string;
  docType: keyof typeof DOC_TYPE_LABELS;
  issuer: string;
  writtenOn: string | null;
  validity: string;
  decision: CleanupDecision | null;
  note: string;
}

interface Campaign {
  id: number;
  title: string;
  orgName: string;
  status: 'open' | 'published';
  scope: { orgIds: number[]; docTypes: (keyof typeof DOC_TYPE_LABELS)[]; writtenBefore: string | null };
  scopeOrgs: { id: number; name: string }[];
  effectiveOn: string | null;
  resultDocumentId: number | null;
  resultDocumentStatus: keyof typeof STATUS_LABELS | null;
  resultPublished: boolean;
  createdAt: string;
  progress: { total: number; decided: number; counts: Record<CleanupDecision, number> };
  canManage: boolean;
  files?: CampaignFile[];
}

const POLICY_TYPES = ['normative', 'regulation', 'policy'] as const;
const decisionOptions = CLEANUP_DECISION_ORDER.map((d) => ({ value: d, label: CLEANUP_DECISION_LABELS[d] }));

function Counts({ progress }: { progress: Campaign['progress'] }) {
  return (
    <Space wrap>
      {CLEANUP_DECISION_ORDER.map((d) => (
        <Tag key={d}>
          {CLEANUP_DECISION_LABELS[d]} {progress.counts[d]}
        </Tag>
      ))}
    </Space>
  );
}

export function CleanupPage() {
  const route = useRoute();
  const match = route.match(/^\/cleanup\/(\d+)$/);
  return match ? <CampaignDetail key={match[1]} id={Number(match[1])} /> : <CampaignList />;
}

function CampaignList() {
  const { can, user } = useSession();
  const { message } = App.useApp();
  const [items, setItems] = useState<Campaign[]>([]);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    setLoading(true);
    api
      .get<{ items: Campaign[] }>('/cleanup/campaigns')
      .then((r) => setItems(r.items), (err: Error) => message.error(err.message))
      .finally(() => setLoading(false));
  }, [message]);

  return (
    <Card
      title="文件清理"
      extra={
        can('cleanup.manage') ? (
          <Button type="primary" onClick={() => setCreating(true)}>
            组织清理
          </Button>
        ) : null
      }
    >
      <Table<Campaign>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: '清理名称', dataIndex: 'title', render: (v: string, r) => <a href={`#/cleanup/${r.id}`}>{v}</a> },
          { title: '组织机构', dataIndex: 'orgName', width: 160 },
          { title: '状态', dataIndex: 'status', width: 120, render: (v: Campaign['status'], r) => (v === 'open' ? <Tag color="processing">进行中</Tag> : <Tag color={r.resultPublished ? 'success' : 'warning'}>{r.resultPublished ? '结果已公布' : '结果通知待发布'}</Tag>) },
          { title: '进度', dataIndex: 'progress', width: 200, render: (p: Campaign['progress']) => `已决定 ${p.decided} / ${p.total} 件` },
          { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (v: string) => chineseDateTime(v) },
        ]}
      />
      <CreateCampaign
        open={creating}
        defaultOrgId={user?.orgId}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate(`/cleanup/${id}`);
        }}
      />
    </Card>
  );
}

function CreateCampaign(props: { open: boolean; defaultOrgId?: number; onClose(): void; onCreated(id: number): void }) {
  const { orgs } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const tree = useMemo(() => buildOrgTree(orgs), [orgs]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      const created = await api.post<{ id: number }>('/cleanup/campaigns', {
        title: v.title,
        orgId: v.orgId,
        scope: { orgIds: v.orgIds, docTypes: v.docTypes, writtenBefore: v.writtenBefore ? isoDay(v.writtenBefore as Dayjs) : null },
      });
      message.success('清理已创建');
      props.onCreated(created.id);
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Modal title="组织文件清理" open={props.open} onOk={save} onCancel={props.onClose} okText="创建" cancelText="取消" destroyOnHidden width={600}>
      <Form form={form} layout="vertical" name="cleanup" initialValues={{ orgId: props.defaultOrgId, orgIds: props.defaultOrgId ? [props.defaultOrgId] : [], docTypes: ['normative'] }}>
        <Form.Item label="清理名称" name="title" rules={[{ required: true, message: '请填写清理名称' }]} extra="如：2026年度行政规范性文件清理；结果通知标题为“…关于公布（清理名称）结果的通知”">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="组织清理的机构" name="orgId" rules={[{ required: true, message: '请选择机构' }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item label="清理范围（所选机构及其下级机构）" name="orgIds" rules={[{ required: true, message: '请选择清理范围' }]}>
          <TreeSelect treeData={tree} multiple treeDefaultExpandAll showSearch treeNodeFilterProp="title" placeholder="选择机构" />
        </Form.Item>
        <Form.Item label="文件类型" name="docTypes" rules={[{ required: true, message: '请选择文件类型' }]}>
          <Checkbox.Group options={POLICY_TYPES.map((t) => ({ value: t, label: DOC_TYPE_LABELS[t] }))} />
        </Form.Item>
        <Form.Item label="成文日期早于（可不填）" name="writtenBefore">
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CampaignDetail({ id }: { id: number }) {
  const { message } = App.useApp();
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [edits, setEdits] = useState<Record<number, { decision?: CleanupDecision; note?: string }>>({});
  const [effectiveOn, setEffectiveOn] = useState<Dayjs | null>(null);

  const load = useCallback(() => {
    api.get<Campaign>(`/cleanup/campaigns/${id}`).then(setCampaign, (err: Error) => message.error(err.message));
  }, [id, message]);
  useEffect(load, [load]);

  if (!campaign) return <Card loading title="文件清理" />;
  const editable = campaign.canManage;

  const saveDecision = async (file: CampaignFile) => {
    const edit = edits[file.id] ?? {};
    const decision = edit.decision ?? file.decision;
    if (!decision) return void message.warning('请先选择清理决定');
    try {
      await api.put(`/cleanup/campaigns/${id}/decisions/${file.id}`, { decision, note: edit.note ?? file.note });
      setEdits(({ [file.id]: _done, ...rest }) => rest);
      message.success(`已保存：${CLEANUP_DECISION_LABELS[decision]}`);
      load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const finalize = async () => {
    if (!effectiveOn) return void message.warning('请选择生效日期');
    try {
      await api.post(`/cleanup/campaigns/${id}/finalize`, { effectiveOn: isoDay(effectiveOn) });
      message.success('清理结果通知已起草');
      load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const { progress } = campaign;
  return (
    <Card title={campaign.title} extra={<a href="#/cleanup">返回清理列表</a>}>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label="组织机构">{campaign.orgName}</Descriptions.Item>
        <Descriptions.Item label="状态">{campaign.status === 'open' ? '进行中' : '结果已发布'}</Descriptions.Item>
        <Descriptions.Item label="清理范围">{campaign.scopeOrgs.map((o) => o.name).join('、')}（含下级机构）</Descriptions.Item>
        <Descriptions.Item label="文件类型">{campaign.scope.docTypes.map((t) => DOC_TYPE_LABELS[t]).join('、')}</Descriptions.Item>
        <Descriptions.Item label="成文日期早于">{campaign.scope.writtenBefore ? chineseDate(campaign.scope.writtenBefore) : '不限'}</Descriptions.Item>
        <Descriptions.Item label="生效日期">{chineseDate(campaign.effectiveOn)}</Descriptions.Item>
      </Descriptions>
      <Space direction="vertical" style={{ width: '100%', margin: '16px 0' }}>
        <Progress percent={progress.total ? Math.round((progress.decided / progress.total) * 100) : 0} format={() => `${progress.decided} / ${progress.total}`} aria-label="清理进度" />
        <Counts progress={progress} />
      </Space>
      {campaign.resultDocumentId ? (
        <Alert
          style={{ marginBottom: 16 }}
          type={campaign.resultPublished ? 'success' : 'info'}
          showIcon
          message={
            <span>
              结果通知（{STATUS_LABELS[campaign.resultDocumentStatus ?? 'draft']}）：<a href={`#/documents/${campaign.resultDocumentId}`}>打开通知送审、发布</a>
              {campaign.resultPublished ? (
                <>
                  {' '}
                  · <a href={`/zfxxgk/qlwj/${campaign.id}`} target="_blank" rel="noreferrer">门户上的清理结果</a>
                </>
              ) : '。通知发布后，废止和宣布失效的文件自生效日期起改变有效性。'}
            </span>
          }
        />
      ) : null}
      <Table<CampaignFile>
        rowKey="id"
        dataSource={campaign.files ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 件` }}
        scroll={{ x: 1100 }}
        columns={[
          { title: '文件名称', dataIndex: 'title', render: (v: string, r) => <a href={`/zfxxgk/wj/${r.id}`} target="_blank" rel="noreferrer">{v}</a> },
          { title: '文号', dataIndex: 'docNumber', width: 150 },
          { title: '发文机关', dataIndex: 'issuer', width: 150 },
          { title: '成文日期', dataIndex: 'writtenOn', width: 120, render: (v: string | null) => chineseDate(v) },
          { title: '有效性', dataIndex: 'validity', width: 90, render: (v: string) => VALIDITY_LABELS[v as Validity] ?? '已撤回' },
          {
            title: '清理决定',
            key: 'decision',
            width: 140,
            render: (_: unknown, r) =>
              editable ? (
                <Select<CleanupDecision>
                  aria-label={`《${r.title}》的清理决定`}
                  style={{ width: 120 }}
                  placeholder="未决定"
                  value={edits[r.id]?.decision ?? r.decision ?? undefined}
                  options={decisionOptions}
                  onChange={(decision) => setEdits({ ...edits, [r.id]: { ...edits[r.id], decision } })}
                />
              ) : r.decision ? (
                CLEANUP_DECISION_LABELS[r.decision]
              ) : (
                '未决定'
              ),
          },
          {
            title: '说明（废止、宣布失效须写明理由）',
            key: 'note',
            width: 300,
            render: (_: unknown, r) =>
              editable ? (
                <Space.Compact style={{ width: '100%' }}>
                  <Input
                    aria-label={`《${r.title}》的说明`}
                    maxLength={1000}
                    value={edits[r.id]?.note ?? r.note}
                    onChange={(e) => setEdits({ ...edits, [r.id]: { ...edits[r.id], note: e.target.value } })}
                    onPressEnter={() => void saveDecision(r)}
                  />
                  <Button type={edits[r.id] ? 'primary' : 'default'} onClick={() => void saveDecision(r)}>
                    保存
                  </Button>
                </Space.Compact>
              ) : (
                r.note || '—'
              ),
          },
        ]}
      />
      {editable ? (
        <Space style={{ marginTop: 16 }} wrap>
          <DatePicker placeholder="废止、宣布失效的生效日期" value={effectiveOn} onChange={setEffectiveOn} aria-label="生效日期" style={{ width: 220 }} />
          <Popconfirm title="发布清理结果" description="将起草结果通知并登记废止、宣布失效关系，此后不能再修改决定。" okText="发布" cancelText="取消" onConfirm={() => void finalize()}>
            <Button type="primary" disabled={progress.total === 0 || progress.decided < progress.total}>
              发布清理结果
            </Button>
          </Popconfirm>
          {progress.decided < progress.total ? <span>还有 {progress.total - progress.decided} 件未决定</span> : null}
        </Space>
      ) : null}
    </Card>
  );
}
