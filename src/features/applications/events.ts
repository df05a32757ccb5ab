// The kinds of fact a case's timeline records, with the Chinese label the workbench and the
// applicant's tracking page show. Internal kinds (assignment, 会商, 法制审核, notes) never reach the
// applicant; for the others the event's `note` is written for the applicant too, and whatever is
// for staff only (the party consulted, the answer's gist) goes into `data`.
import type { ApplicationStatus } from './schema.js';

export const EVENT_KINDS = {
  received: { label: '收到申请', internal: false },
  assigned: { label: '确定承办人', internal: true },
  correction_notice: { label: '告知补正', internal: false },
  correction_received: { label: '收到补正的申请', internal: false },
  correction_lapsed: { label: '逾期未补正', internal: false },
  consultation_sent: { label: '征求意见', internal: false },
  consultation_answered: { label: '收到征求意见的答复', internal: false },
  joint_review: { label: '会商', internal: true },
  legal_review: { label: '法制审核', internal: true },
  extension: { label: '延长答复期限', internal: false },
  fee_notice: { label: '收费通知', internal: false },
  fee_paid: { label: '缴纳信息处理费', internal: false },
  fee_lapsed: { label: '逾期未缴费', internal: false },
  later_date: { label: '确定延迟答复的期限', internal: false },
  replied: { label: '作出答复', internal: false },
  delivered: { label: '送达', internal: false },
  closed: { label: '办结', internal: false },
  archived: { label: '归档', internal: false },
  transferred_out: { label: '转送其他机关办理', internal: false },
  transferred_in: { label: '由其他机关转来', internal: false },
  note: { label: '内部备注', internal: true },
  clock_changed: { label: '期限重新计算', internal: false },
  // 复议机关 or 人民法院 corrected the handling: handled again by the date the decision sets.
  reopened: { label: '纠正后重新办理', internal: false },
  // A case migrated from an earlier system (gongkai applications import).
  imported: { label: '历史数据导入', internal: false },
  // 第四十四条: a document draft started from the reply (internal: the draft may never be published).
  made_proactive: { label: '转为主动公开', internal: true },
} as const satisfies Record<string, { label: string; internal: boolean }>;

export type EventKind = keyof typeof EVENT_KINDS;

export const STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  registered: '已登记',
  in_progress: '办理中',
  replied: '已答复',
  closed: '已办结',
  archived: '已归档',
};

/** Statuses in which the reply period runs and facts about the request may still be recorded. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['registered', 'in_progress'];

export function isOpen(status: ApplicationStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
