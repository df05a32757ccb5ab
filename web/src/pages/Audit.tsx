// 审计日志: read-only, filtered and paged on the server.
import { useEffect, useState } from 'react';
import { App, Card, DatePicker, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, query } from '../api';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { chineseDateTime, isoDay } from '../format';

interface Entry {
  id: number;
  at: string;
  actorName: string;
  orgName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  summary: string;
  ip: string;
}

/** Chinese names of the actions the server records (src/features/*: recordAudit calls). */
const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lockout': '账号锁定',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.unlock': '解除锁定',
  'user.change_password': '修改本人密码',
  'org.create': '新建机构',
  'org.update': '修改机构',
  'calendar.add_year': '新增节假日安排',
  'calendar.update_year': '更正节假日安排',
  'settings.check_rules': '修改发布检查规则',
  'document.create': '起草文件',
  'document.update': '修改草稿',
  'document.revise': '发起修订',
  'document.submit': '提交审核',
  'document.approve': '审核通过',
  'document.secrecy_approve': '保密审查通过',
  'document.return': '退回修改',
  'document.schedule': '定时发布',
  'document.publish': '发布文件',
  'document.withdraw': '撤回文件',
  'document.relate': '登记修改/废止',
  'document.attach': '上传附件',
  'document.detach': '删除附件',
  'document.import': '导入文件',
  'column.create': '新建栏目',
  'column.update': '修改栏目',
  'column.delete': '删除栏目',
  'gazette.create': '新建公报',
  'gazette.update': '修改公报',
  'gazette.delete': '删除公报草稿',
  'gazette.entry_add': '公报收录文件',
  'gazette.entry_remove': '公报移除文件',
  'gazette.entry_section': '公报目录分栏',
  'gazette.reorder': '调整公报目录',
  'gazette.publish': '发布公报',
  'cleanup.create': '组织文件清理',
  'cleanup.decide': '清理决定',
  'cleanup.finalize': '公布清理结果',
  'knowledge.create': '新建问答',
  'knowledge.update': '修改问答',
  'knowledge.delete': '删除问答草稿',
  'knowledge.source_add': '问答添加依据',
  'knowledge.source_remove': '问答移除依据',
  'knowledge.source_note': '修改依据说明',
  'knowledge.publish': '发布问答',
  'knowledge.archive': '下线问答',
  'application.submit': '收到网上申请',
  'application.register': '登记申请',
  'application.transfer_in': '收到转送的申请',
  'application.import': '导入历史申请',
  'application.assign': '确定承办人',
  'application.correction_notice': '告知补正',
  'application.correction_received': '收到补正',
  'application.correction_lapsed': '逾期未补正',
  'application.consultation_sent': '征求意见',
  'application.consultation_answered': '登记征求意见答复',
  'application.joint_review': '会商',
  'application.legal_review': '法制审核',
  'application.note': '内部备注',
  'application.extension': '延长答复期限',
  'application.fee_notice': '收费通知',
  'application.fee_paid': '登记缴费',
  'application.fee_lapsed': '逾期未缴费',
  'application.later_date': '确定延迟答复期限',
  'application.reply': '作出答复',
  'application.delivered': '登记送达',
  'application.close': '办结',
  'application.archive': '归档',
  'application.transfer': '转送其他机关',
  'application.appeal': '登记复议或诉讼',
  'application.make_proactive': '转为主动公开',
  'application.export_case_file': '导出卷宗',
  'application.letter_issue': '出具文书',
  'application.letter_template_save': '修改文书模板',
  'application.letter_template_reset': '恢复默认文书模板',
  'annual_report.draft': '起草年度报告',
  'annual_report.refresh': '更新年度报告数据',
  'annual_report.rewrite': '重写年度报告正文',
  'annual_report.figures': '修改年度报告数据',
  'annual_report.section': '修改年度报告正文',
  'annual_report.publish': '发布年度报告',
  'annual_report.enter': '录入往年年度报告',
  'consultation.create': '新建征求意见',
  'consultation.update': '修改征求意见',
  'consultation.publish': '发布征求意见',
  'consultation.hearing': '登记听证会',
  'consultation.moderate': '审核意见',
  'consultation.dispose': '意见采纳处理',
  'consultation.report': '公布意见采纳情况',
  'consultation.link': '关联正式文件',
  'decision.catalog_create': '新建决策事项目录',
  'decision.catalog_update': '修改决策事项目录说明',
  'decision.catalog_publish': '公布决策事项目录',
  'decision.item_add': '新增决策事项',
  'decision.item_update': '调整决策事项',
  'decision.item_delete': '删除未公布的决策事项',
  'decision.item_remove': '决策事项调出目录',
  'decision.link': '关联征求意见和决策文件',
  'decision.stage_add': '登记决策办理阶段',
  'decision.stage_update': '修改决策办理阶段',
  'meeting.create': '登记列席会议',
  'meeting.update': '修改列席会议',
  'meeting.delete': '删除列席会议',
  'meeting.publish': '发布列席会议',
  'meeting.withdraw': '撤回列席会议',
  'meeting.representative': '列席代表',
  'meeting.opinion': '代表意见',
  'meeting.handle': '意见办理情况',
};

const TARGET_LABELS: Record<string, string> = {
  user: '用户',
  organization: '机构',
  holiday_year: '年度安排',
  setting: '设置',
  document: '文件',
  column: '栏目',
  gazette_issue: '公报',
  cleanup: '文件清理',
  knowledge_entry: '问答',
  application: '依申请公开',
  application_letter: '文书',
  letter_template: '文书模板',
  annual_report: '年度报告',
  consultation: '征求意见',
  decision_catalog: '决策事项目录',
  decision: '重大行政决策',
  meeting: '列席会议',
};

const FAMILIES = [
  { value: 'auth.', label: '登录与退出' },
  { value: 'user.', label: '用户' },
  { value: 'org.', label: '机构' },
  { value: 'calendar.', label: '节假日安排' },
  { value: 'document.', label: '信息发布' },
  { value: 'column.', label: '栏目' },
  { value: 'gazette.', label: '政府公报' },
  { value: 'cleanup.', label: '文件清理' },
  { value: 'knowledge.', label: '政务知识库' },
  { value: 'application.', label: '依申请公开' },
  { value: 'annual_report.', label: '年度报告' },
  { value: 'consultation.', label: '征求意见' },
  { value: 'meeting.', label: '列席会议' },
  { value: 'decision.', label: '重大行政决策' },
  { value: 'settings.', label: '设置' },
];

export function AuditPage() {
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [actor, setActor] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Entry[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setLoading(true);
    api
      .get<{ items: Entry[]; total: number }>(
        `/audit${query({ orgId, action, actor, from: range?.[0] ? isoDay(range[0]) : undefined, to: range?.[1] ? isoDay(range[1]) : undefined, page, pageSize: 20 })}`,
      )
      .then(setData, (err: Error) => message.error(err.message))
      .finally(() => setLoading(false));
  }, [orgId, action, actor, range, page, message]);

  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    setPage(1);
    set(v);
  };

  return (
    <Card title="审计日志">
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect aria-label="机构" value={orgId} onChange={reset(setOrgId)} allowClear placeholder="机构" style={{ width: 240 }} />
        <Select aria-label="操作类型" allowClear placeholder="操作类型" options={FAMILIES} value={action} onChange={reset(setAction)} style={{ width: 160 }} />
        <Input.Search placeholder="操作人" allowClear onSearch={reset(setActor)} style={{ width: 180 }} aria-label="操作人" />
        <DatePicker.RangePicker value={range} onChange={(v) => reset(setRange)(v as [Dayjs | null, Dayjs | null] | null)} />
      </Space>
      <Table<Entry>
        rowKey="id"
        loading={loading}
        dataSource={data.items}
        scroll={{ x: 1000 }}
        pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => chineseDateTime(v) },
          { title: '操作人', dataIndex: 'actorName', width: 130 },
          { title: '机构', dataIndex: 'orgName', width: 150, render: (v: string | null) => v ?? '—' },
          { title: '操作', dataIndex: 'action', width: 110, render: (v: string) => ACTION_LABELS[v] ?? v },
          { title: '对象', width: 100, render: (_, e) => `${TARGET_LABELS[e.targetType] ?? e.targetType}${e.targetId ? ` #${e.targetId}` : ''}` },
          { title: '摘要', dataIndex: 'summary', width: 320 },
          { title: 'IP', dataIndex: 'ip', width: 110 },
        ]}
      />
    </Card>
  );
}
