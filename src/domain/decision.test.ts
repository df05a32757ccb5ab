import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar, type HolidayYear } from './calendar.js';
import {
  addedChange,
  changeReasonProblem,
  currentStage,
  describeChange,
  itemChanges,
  legalityReviewEarliestEnd,
  legalityReviewProblem,
  removedChange,
  STAGE_KINDS,
  STAGE_LABELS,
  stagePath,
  stageProblem,
  standingLabel,
  type StageFacts,
} from './decision.js';

// The real arrangements shipped in resources/holiday-cn (the State Council notices).
const SHIPPED_DIR = new URL('../../resources/holiday-cn/', import.meta.url);
const cal = new WorkingCalendar(
  readdirSync(SHIPPED_DIR)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(new URL(f, SHIPPED_DIR), 'utf8')) as HolidayYear),
);
const TODAY = '2027-12-31';
const stage = (kind: StageFacts['kind'], startedOn: string, endedOn: string | null = startedOn): StageFacts => ({ kind, startedOn, endedOn });

describe('the stages', () => {
  it('are the eight of the 条例, in its order', () => {
    expect(STAGE_KINDS.map((k) => STAGE_LABELS[k])).toEqual(['公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论', '作出决定', '决策公布', '决策执行后评估']);
  });
});

describe('legality review: at least 7 working days (第二十六条), the start day not counted', () => {
  it('counts a plain week: sent on Monday, it may end on the next Wednesday', () => {
    expect(legalityReviewEarliestEnd('2026-03-02', cal)).toBe('2026-03-11');
    expect(legalityReviewProblem('2026-03-02', '2026-03-11', cal)).toBeNull();
    expect(legalityReviewProblem('2026-03-02', '2026-03-10', cal)).toBe(
      '合法性审查时间不少于7个工作日（《重大行政决策程序暂行条例》第二十六条）：自2026年3月2日送审（当日不计入）至2026年3月10日只有 6 个工作日，最早可于2026年3月11日结束',
    );
  });

  it('skips 国庆 2025 and counts its 调休 Sunday and Saturday', () => {
    // Sent Friday 9月26日: 9月28日 (Sunday, 调休) 1, 29日 2, 30日 3, 10月1–8日 off, 9日 4, 10日 5, 11日 (Saturday, 调休) 6, 13日 7.
    expect(legalityReviewEarliestEnd('2025-09-26', cal)).toBe('2025-10-13');
    expect(legalityReviewProblem('2025-09-26', '2025-10-11', cal)).toMatch(/只有 6 个工作日，最早可于2025年10月13日结束$/);
    expect(legalityReviewProblem('2025-09-26', '2025-10-12', cal)).toMatch(/只有 6 个工作日/);
    expect(legalityReviewProblem('2025-09-26', '2025-10-13', cal)).toBeNull();
    // A review over the whole holiday is still short: eighteen calendar days, six working days.
    expect(legalityReviewProblem('2025-09-26', '2025-10-12', cal)).not.toBeNull();
  });

  it('skips 春节 2026 and counts its 调休 Saturday', () => {
    // Sent Wednesday 2月11日: 12日 1, 13日 2, 14日 (Saturday, 调休) 3, 15–23日 off, 24日 4, 25日 5, 26日 6, 27日 7.
    expect(legalityReviewEarliestEnd('2026-02-11', cal)).toBe('2026-02-27');
    expect(legalityReviewProblem('2026-02-11', '2026-02-26', cal)).toMatch(/只有 6 个工作日，最早可于2026年2月27日结束$/);
    expect(legalityReviewProblem('2026-02-11', '2026-02-27', cal)).toBeNull();
  });

  it('checks a review only once it ends', () => {
    expect(stageProblem(stage('legality_review', '2026-02-11', null), [], cal, TODAY)).toBeNull();
    expect(stageProblem(stage('legality_review', '2026-02-11', '2026-02-13'), [], cal, TODAY)).toMatch(/只有 2 个工作日/);
  });
});

describe('the order of the stages', () => {
  const review = stage('legality_review', '2026-03-02', '2026-03-11');
  const discussion = stage('collective_discussion', '2026-03-20');
  const decision = stage('decision', '2026-03-20');

  it('refuses a discussion or a decision before a finished legality review (第二十八条)', () => {
    expect(stageProblem(discussion, [], cal, TODAY)).toBe('合法性审查尚未完成，不能进行“集体讨论”（《重大行政决策程序暂行条例》第二十八条）');
    expect(stageProblem(discussion, [stage('legality_review', '2026-03-02', null)], cal, TODAY)).toMatch(/合法性审查尚未完成/);
    expect(stageProblem(decision, [], cal, TODAY)).toMatch(/合法性审查尚未完成，不能进行“作出决定”/);
    expect(stageProblem(stage('collective_discussion', '2026-03-10'), [review], cal, TODAY)).toBe('“集体讨论”不能早于合法性审查结束之日（2026年3月11日）');
    expect(stageProblem(discussion, [review], cal, TODAY)).toBeNull();
  });

  it('refuses a decision before a finished collective discussion; the same day is fine', () => {
    expect(stageProblem(decision, [review], cal, TODAY)).toBe('集体讨论尚未完成，不能作出决定（《重大行政决策程序暂行条例》第三十条）');
    expect(stageProblem(decision, [review, stage('collective_discussion', '2026-03-20', null)], cal, TODAY)).toMatch(/集体讨论尚未完成/);
    expect(stageProblem(stage('decision', '2026-03-19'), [review, discussion], cal, TODAY)).toBe('作出决定不能早于集体讨论结束之日（2026年3月20日）');
    expect(stageProblem(decision, [review, discussion], cal, TODAY)).toBeNull();
    expect(stageProblem(stage('decision', '2026-03-25'), [review, discussion, decision], cal, TODAY)).toBe('已经登记过“作出决定”阶段');
  });

  it('keeps the path in order when an earlier stage changes', () => {
    // Ending the review after the discussion began would leave the discussion before it.
    expect(stageProblem(stage('legality_review', '2026-03-02', '2026-03-23'), [discussion, decision], cal, TODAY)).toBe('“集体讨论”不能早于合法性审查结束之日（2026年3月23日）');
  });

  it('publishes after the decision, and evaluates a year after it at the earliest', () => {
    const path = [review, discussion, decision];
    expect(stageProblem(stage('publication', '2026-03-25'), [review, discussion], cal, TODAY)).toBe('尚未作出决定，不能进行“决策公布”');
    expect(stageProblem(stage('publication', '2026-03-19'), path, cal, TODAY)).toMatch(/不能早于作出决定之日/);
    expect(stageProblem(stage('publication', '2026-03-25'), path, cal, TODAY)).toBeNull();
    expect(stageProblem(stage('evaluation', '2027-03-19', null), path, cal, TODAY)).toBe('决策执行后评估应在作出决定满一年后进行：决定于2026年3月20日作出，评估最早可于2027年3月20日开始');
    expect(stageProblem(stage('evaluation', '2027-03-20', null), path, cal, TODAY)).toBeNull();
  });

  it('refuses dates in the future and an end before the start', () => {
    expect(stageProblem(stage('participation', '2026-12-01', null), [], cal, '2026-11-26')).toBe('开始日期不能晚于今天');
    expect(stageProblem(stage('participation', '2026-11-01', '2026-11-27'), [], cal, '2026-11-26')).toBe('结束日期不能晚于今天');
    expect(stageProblem(stage('participation', '2026-11-01', '2026-10-31'), [], cal, '2026-11-26')).toBe('结束日期不能早于开始日期');
    expect(stageProblem(stage('expert_review', '2026-11-01', null), [], cal, '2026-11-26')).toBeNull();
  });
});

describe('current stage and path', () => {
  it('is the latest begun, stages of one day in the 条例 order', () => {
    const path = [stage('decision', '2026-03-20'), stage('participation', '2026-01-05', '2026-02-05'), stage('collective_discussion', '2026-03-20'), stage('legality_review', '2026-03-02', '2026-03-11')];
    expect(stagePath(path).map((s) => s.kind)).toEqual(['participation', 'legality_review', 'collective_discussion', 'decision']);
    expect(currentStage(path)?.kind).toBe('decision');
    expect(currentStage([])).toBeNull();
    expect(standingLabel(path, false)).toBe('作出决定（已完成）');
    expect(standingLabel([stage('participation', '2026-11-01', null)], false)).toBe('公众参与（进行中）');
    expect(standingLabel([], false)).toBe('尚未启动');
    expect(standingLabel(path, true)).toBe('已调出目录');
  });
});

describe('changes to a catalogue item', () => {
  const item = { seq: 3, name: '示例县城区停车收费标准调整', undertakingOrg: '示例县发展和改革局', basis: '《价格法》', plannedTime: '2026年9月' };

  it('records each changed field before and after', () => {
    const changes = itemChanges(item, { ...item, plannedTime: '2026年12月', basis: '' });
    expect(changes).toEqual({ basis: ['《价格法》', ''], plannedTime: ['2026年9月', '2026年12月'] });
    expect(describeChange(changes)).toEqual(['决策依据：《价格法》 → （空）', '计划完成时间：2026年9月 → 2026年12月']);
    expect(itemChanges(item, { ...item })).toEqual({});
  });

  it('records an added or removed item as such', () => {
    expect(describeChange(addedChange(item))).toEqual(['新增事项：3. 示例县城区停车收费标准调整（示例县发展和改革局）']);
    expect(describeChange(removedChange(item))).toEqual(['调出目录：3. 示例县城区停车收费标准调整（示例县发展和改革局）']);
  });

  it('asks a reason once the catalogue is published', () => {
    expect(changeReasonProblem(false, '')).toBeNull();
    expect(changeReasonProblem(true, ' ')).toBe('决策事项目录已经公布，调整事项须说明理由（理由向社会公开）');
    expect(changeReasonProblem(true, '上级政策调整')).toBeNull();
  });
});
