// Chinese names for document values, shared by the documents screens.
// The names live with the rules they name (src/domain), shared with the server.
export { STATUS_LABELS } from '../../src/domain/document-workflow';
export { DISCLOSURE_LABELS, DOC_TYPE_LABELS, FORM_LABELS } from '../../src/domain/document-metadata';
export { RELATION_LABELS } from '../../src/domain/validity';
import type { DocumentStatus } from '../../src/domain/document-workflow';

export const STATUS_COLORS: Record<DocumentStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  reviewed: 'processing',
  approved: 'warning',
  scheduled: 'purple',
  published: 'success',
  withdrawn: 'error',
};


export const EVENT_LABELS: Record<string, string> = {
  create: '起草',
  edit: '修改',
  revise: '发起修订',
  relate: '登记文件关系',
  import: '导入',
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
