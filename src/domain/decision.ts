// The rules of major administrative decisions (重大行政决策, RULES.md §4; 重大行政决策程序暂行条例):
// the stages of a decision in the 条例's order, the legality review's 7 working days (第二十六条),
// the order the 条例 sets between stages (第二十八条: no discussion before a finished legality review;
// 第三十条、第三十一条: the decision after the collective discussion; 第三十二条: publication after
// the decision), the evaluation at least a year after the decision, a decision's current stage and
// path, and what a change to a catalogue item records. Pure.
//
// Counting the legality review (decided here): the review runs from the day the draft is sent
// (startedOn) to the day the opinion is given (endedOn). Its length is counted as every other period
// on this platform (《民法典》第二百零一条, calendar.ts): the day it starts is not counted, the day it
// ends is, and only working days count (weekends and holidays skipped, 调休上班 days counted). A review
// sent on a Monday may thus end at the earliest on the Wednesday of the next week — the reviewer has
// seven full working days.
import type { WorkingCalendar } from './calendar.js';
import { addMonths, compareDates, formatChineseDate, type IsoDate } from './dates.js';

export const STAGE_KINDS = [
  'participation',
  'expert_review',
  'risk_assessment',
  'legality_review',
  'collective_discussion',
  'decision',
  'publication',
  'evaluation',
] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** The stages' names as the 条例 calls them (第三章第二节至第六节、第四章). */
export const STAGE_LABELS: Readonly<Record<StageKind, string>> = {
  participation: '公众参与',
  expert_review: '专家论证',
  risk_assessment: '风险评估',
  legality_review: '合法性审查',
  collective_discussion: '集体讨论',
  decision: '作出决定',
  publication: '决策公布',
  evaluation: '决策执行后评估',
};

export const isStageKind = (s: string): s is StageKind => (STAGE_KINDS as readonly string[]).includes(s);

/** 第二十六条: 送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日. */
export const LEGALITY_REVIEW_MIN_WORKING_DAYS = 7;
/** The evaluation after implementation comes at least this many months after the decision. */
export const EVALUATION_AFTER_MONTHS = 12;

export interface StageFacts {
  kind: StageKind;
  startedOn: IsoDate;
  /** null while the stage is under way. */
  endedOn: IsoDate | null;
}

/** The day a stage is done: its end, or for a stage still open nothing. */
const finished = (s: StageFacts | undefined): IsoDate | null => s?.endedOn ?? null;

/** The day the decision was made: the decision stage's end, or its start when it is a single day not closed. */
export const decisionDate = (stages: readonly StageFacts[]): IsoDate | null => {
  const d = stages.find((s) => s.kind === 'decision');
  return d ? (d.endedOn ?? d.startedOn) : null;
};

/** The latest finished stage of a kind (by end). */
function lastFinished(stages: readonly StageFacts[], kind: StageKind): StageFacts | undefined {
  return stages.filter((s) => s.kind === kind && s.endedOn).sort((a, b) => compareDates(b.endedOn!, a.endedOn!))[0];
}

/** The earliest day a legality review begun on `startedOn` may end. */
export const legalityReviewEarliestEnd = (startedOn: IsoDate, cal: WorkingCalendar): IsoDate => cal.addWorkingDays(startedOn, LEGALITY_REVIEW_MIN_WORKING_DAYS).date;

/** What is wrong with a legality review's period (null: nothing). */
export function legalityReviewProblem(startedOn: IsoDate, endedOn: IsoDate, cal: WorkingCalendar): string | null {
  const days = cal.workingDaysBetween(startedOn, endedOn);
  if (days >= LEGALITY_REVIEW_MIN_WORKING_DAYS) return null;
  return (
    `合法性审查时间不少于${LEGALITY_REVIEW_MIN_WORKING_DAYS}个工作日（《重大行政决策程序暂行条例》第二十六条）：` +
    `自${formatChineseDate(startedOn)}送审（当日不计入）至${formatChineseDate(endedOn)}只有 ${days} 个工作日，` +
    `最早可于${formatChineseDate(legalityReviewEarliestEnd(startedOn, cal))}结束`
  );
}

/**
 * Why a stage cannot be recorded as given (null: it can). `others` are the decision's other stages as
 * stored (without this one when it is being changed); the order is checked over the whole path, so that
 * changing an earlier stage cannot leave a later one standing before it.
 */
export function stageProblem(stage: StageFacts, others: readonly StageFacts[], cal: WorkingCalendar, today: IsoDate): string | null {
  if (stage.endedOn && compareDates(stage.endedOn, stage.startedOn) < 0) return '结束日期不能早于开始日期';
  if (compareDates(stage.startedOn, today) > 0) return '开始日期不能晚于今天';
  if (stage.endedOn && compareDates(stage.endedOn, today) > 0) return '结束日期不能晚于今天';
  if (stage.kind === 'legality_review' && stage.endedOn) {
    const problem = legalityReviewProblem(stage.startedOn, stage.endedOn, cal);
    if (problem) return problem;
  }
  const once: StageKind[] = ['decision', 'publication'];
  if (once.includes(stage.kind) && others.some((s) => s.kind === stage.kind)) return `已经登记过“${STAGE_LABELS[stage.kind]}”阶段`;
  return orderProblem([...others, stage]);
}

/** The first break of the 条例's order in a decision's path (null: none). */
export function orderProblem(stages: readonly StageFacts[]): string | null {
  const review = lastFinished(stages, 'legality_review');
  const discussion = lastFinished(stages, 'collective_discussion');
  const decided = decisionDate(stages);
  for (const s of stages) {
    const label = STAGE_LABELS[s.kind];
    if (s.kind === 'collective_discussion' || s.kind === 'decision') {
      // 第二十八条: a draft not yet found lawful is not discussed, let alone decided.
      if (!finished(review)) return `合法性审查尚未完成，不能进行“${label}”（《重大行政决策程序暂行条例》第二十八条）`;
      if (compareDates(s.startedOn, review!.endedOn!) < 0) return `“${label}”不能早于合法性审查结束之日（${formatChineseDate(review!.endedOn!)}）`;
    }
    if (s.kind === 'decision') {
      if (!finished(discussion)) return '集体讨论尚未完成，不能作出决定（《重大行政决策程序暂行条例》第三十条）';
      if (compareDates(s.startedOn, discussion!.endedOn!) < 0) return `作出决定不能早于集体讨论结束之日（${formatChineseDate(discussion!.endedOn!)}）`;
    }
    if (s.kind === 'publication' || s.kind === 'evaluation') {
      if (!decided) return `尚未作出决定，不能进行“${label}”`;
      if (s.kind === 'publication' && compareDates(s.startedOn, decided) < 0) return `决策公布不能早于作出决定之日（${formatChineseDate(decided)}）`;
      const earliest = addMonths(decided, EVALUATION_AFTER_MONTHS);
      if (s.kind === 'evaluation' && compareDates(s.startedOn, earliest) < 0) {
        return `决策执行后评估应在作出决定满一年后进行：决定于${formatChineseDate(decided)}作出，评估最早可于${formatChineseDate(earliest)}开始`;
      }
    }
  }
  return null;
}

const kindIndex = (k: StageKind) => STAGE_KINDS.indexOf(k);

/** The path for display: by start, stages begun on the same day in the 条例's order. */
export function stagePath<S extends StageFacts>(stages: readonly S[]): S[] {
  return [...stages].sort((a, b) => compareDates(a.startedOn, b.startedOn) || kindIndex(a.kind) - kindIndex(b.kind));
}

/** The current stage: the latest begun (null before any). */
export function currentStage<S extends StageFacts>(stages: readonly S[]): S | null {
  const path = stagePath(stages);
  return path[path.length - 1] ?? null;
}

/** How an item stands, in words for its row in the catalogue. */
export function standingLabel(stages: readonly StageFacts[], removed: boolean): string {
  if (removed) return '已调出目录';
  const current = currentStage(stages);
  if (!current) return '尚未启动';
  return `${STAGE_LABELS[current.kind]}${current.endedOn ? '（已完成）' : '（进行中）'}`;
}

// ---- the catalogue's items and their changes ----

/** An item's fields as people read them (the organization by name). */
export interface ItemFacts {
  seq: number;
  name: string;
  undertakingOrg: string;
  basis: string;
  plannedTime: string;
}

export type ChangeKey = keyof ItemFacts | 'added' | 'removed';

export const CHANGE_LABELS: Readonly<Record<ChangeKey, string>> = {
  seq: '序号',
  name: '决策事项',
  undertakingOrg: '承办单位',
  basis: '决策依据',
  plannedTime: '计划完成时间',
  added: '新增事项',
  removed: '调出目录',
};

const ITEM_KEYS: (keyof ItemFacts)[] = ['seq', 'name', 'undertakingOrg', 'basis', 'plannedTime'];

/** What a change records: each field that changed, as [before, after]. */
export function itemChanges(before: ItemFacts, after: ItemFacts): Partial<Record<ChangeKey, [string, string]>> {
  const out: Partial<Record<ChangeKey, [string, string]>> = {};
  for (const k of ITEM_KEYS) if (String(before[k]) !== String(after[k])) out[k] = [String(before[k]), String(after[k])];
  return out;
}

/** An item added to a published catalogue records the item as it was added. */
export const addedChange = (item: ItemFacts): Partial<Record<ChangeKey, [string, string]>> => ({ added: ['', `${item.seq}. ${item.name}（${item.undertakingOrg}）`] });

/** An item taken out records what it was. */
export const removedChange = (item: ItemFacts): Partial<Record<ChangeKey, [string, string]>> => ({ removed: [`${item.seq}. ${item.name}（${item.undertakingOrg}）`, ''] });

/** A change to a published catalogue states its reason, which is public (null: nothing wrong). */
export function changeReasonProblem(published: boolean, reason: string | undefined): string | null {
  return published && !(reason ?? '').trim() ? '决策事项目录已经公布，调整事项须说明理由（理由向社会公开）' : null;
}

/** One recorded change in words: '计划完成时间：2026年9月 → 2026年12月'. */
export function describeChange(changes: Partial<Record<ChangeKey, [string, string]>>): string[] {
  return Object.entries(changes).map(([k, [before, after]]) => {
    const label = CHANGE_LABELS[k as ChangeKey] ?? k;
    if (k === 'added') return `${label}：${after}`;
    if (k === 'removed') return `${label}：${before}`;
    return `${label}：${before || '（空）'} → ${after || '（空）'}`;
  });
}
