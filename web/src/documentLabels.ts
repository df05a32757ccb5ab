// Chinese names for document values, shared by the documents screens.
export const STATUS_LABELS = {
  draft: '草稿',
  submitted: '待审核',
  reviewed: '待保密审查',
  approved: '待发布',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
} as const;

export const STATUS_COLORS: Record<keyof typeof STATUS_LABELS, string> = {
  draft: 'default',
  submitted: 'processing',
  reviewed: 'processing',
  approved: 'warning',
  scheduled: 'purple',
  published: 'success',
  withdrawn: 'error',
};

export const DOC_TYPE_LABELS = { normative: '行政规范性文件', regulation: '政府规章', policy: '其他政策文件', general: '其他政府信息' } as const;
export const DISCLOSURE_LABELS = { proactive: '主动公开', on_request: '依申请公开', withheld: '不予公开' } as const;
export const FORM_LABELS = { text: '文字解读', graphic: '图解', qa: '问答', video: '视频', interview: '访谈' } as const;
export const RELATION_LABELS = { amends: '修改', repeals: '废止', replaces: '替代' } as const;

export const EVENT_LABELS: Record<string, string> = {
  create: '起草',
  edit: '修改',
  revise: '发起修订',
  relate: '登记文件关系',
  attach: '上传附件',
  detach: '删除附件',
  submit: '提交审核',
  approve: '审核通过',
  secrecy_approve: '保密审查通过',
  publish: '发布',
  schedule: '定时发布',
  return: '退回修改',
  withdraw: '撤回',
};
