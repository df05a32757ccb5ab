// A fictional case for the template editor's preview: every placeholder of every kind gets a
// plausible value, so staff see the letter their template makes before saving it. The applicant is
// obviously fictional (张三); no real person's data ever feeds a preview.
import { addDays, type IsoDate } from '../../../domain/dates.js';
import type { ApplicationClock } from '../../../domain/application-clock.js';
import type { OutcomeKey } from '../../../domain/application-outcomes.js';
import type { LetterKind } from '../schema.js';
import type { ReplyGroup } from './templates.js';
import type { LetterCase, LetterExtra } from './values.js';

/** The outcome a group's template is previewed with. */
const GROUP_SAMPLE: Readonly<Record<ReplyGroup, OutcomeKey>> = {
  disclosed: 'disclosed',
  partly_disclosed: 'partly_disclosed',
  withheld: 'withheld.third_party',
  unavailable: 'unavailable.not_held',
  not_processed: 'not_processed.repeated',
  other: 'other.no_correction',
};

export function sampleOutcome(outcome: string): OutcomeKey {
  return outcome.includes('.') ? (outcome as OutcomeKey) : GROUP_SAMPLE[outcome as ReplyGroup] ?? 'disclosed';
}

export function sampleCase(orgCode: string, today: IsoDate, addWorkingDays: (from: IsoDate, n: number) => IsoDate, kind: LetterKind, outcome: string): LetterCase {
  const receivedOn = addDays(today, -7);
  const dueOn = addWorkingDays(receivedOn, kind === 'extension_notice' ? 40 : 20);
  const clock: ApplicationClock = {
    state: 'running',
    dueOn,
    statutoryDueOn: dueOn,
    startOn: receivedOn,
    replyDays: 20,
    extensionDays: kind === 'extension_notice' ? 20 : 0,
    pauses: [],
    paused: false,
    deadlines: { correctionNoticeLastDay: addWorkingDays(receivedOn, 7), consultations: [] },
    steps: [],
    warnings: [],
    missingYears: [],
  };
  return {
    number: `${today.slice(0, 4)}-${orgCode}-0001`,
    applicantName: '张三',
    receivedOn,
    description: '2025年度本机关部门预算中“三公”经费的支出明细',
    docTitle: '',
    docNumber: '',
    forms: ['electronic'],
    delivery: ['email'],
    dueOn,
    clock,
    outcome: kind === 'reply' ? sampleOutcome(outcome) : null,
    outcomeBasis: '',
  };
}

export const SAMPLE_EXTRA: Readonly<LetterExtra> = {
  withheldPart: '第三方企业的银行账户、联系人及其联系方式',
  withheldReason: '涉及商业秘密和个人隐私，经征求意见，第三方不同意公开',
  details: '',
  correctionItems: '请写明所需政府信息的名称、文号或者便于查询的其他特征性描述',
  extensionReason: '所申请的信息涉及多个内设机构，需要检索、汇总的档案较多',
  party: '示例县某某建材有限公司',
  consultedInformation: '该公司2025年度项目申报材料中的财务数据',
  fee: { scheme: 'per_application', countInMonth: 12 },
};

/** What staff would add for this outcome: the article behind a withheld part, or the facts of 其他处理 (no sentence of ours fits it). */
export function sampleExtra(outcome: OutcomeKey | null): LetterExtra {
  if (outcome === 'partly_disclosed') return { ...SAMPLE_EXTRA, basis: '《中华人民共和国政府信息公开条例》第十五条' };
  if (outcome === 'other.other') return { ...SAMPLE_EXTRA, details: '（承办人写明处理的事实和理由）', basis: '（承办人写明所依据的条款）' };
  return SAMPLE_EXTRA;
}
