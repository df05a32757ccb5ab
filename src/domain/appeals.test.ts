import { describe, expect, it } from 'vitest';
import { appealProblem, appealResultAtYearEnd, tallyAppeals, type AppealContext, type AppealFacts } from './appeals.js';

const ctx: AppealContext = { today: '2026-03-10', floor: { date: '2025-11-03', label: '答复日期' }, reconsiderationsFiledOn: [] };
const pending = (over: Partial<AppealFacts> = {}): AppealFacts => ({ kind: 'reconsideration', filedOn: '2025-12-01', result: 'pending', decidedOn: null, ...over });

describe('appealProblem', () => {
  it('accepts a pending reconsideration and a decided one', () => {
    expect(appealProblem(pending(), ctx)).toBeNull();
    expect(appealProblem(pending({ result: 'upheld', decidedOn: '2026-02-01' }), ctx)).toBeNull();
    expect(appealProblem(pending({ result: 'corrected', decidedOn: '2026-02-01', reopenDueOn: '2026-03-02' }), ctx)).toBeNull();
  });

  it('refuses a filing before the reply, in the future or not a date', () => {
    expect(appealProblem(pending({ filedOn: '2025-11-02' }), ctx)).toBe('申请行政复议日期（2025年11月2日）早于答复日期（2025年11月3日）');
    expect(appealProblem(pending({ kind: 'litigation_direct', filedOn: '2026-03-11' }), ctx)).toBe('起诉日期（2026年3月11日）晚于今天，不能登记');
    expect(appealProblem(pending({ filedOn: '2025-02-29' }), ctx)).toMatch(/不是有效日期/);
  });

  it('a lawsuit after reconsideration needs a reconsideration filed no later', () => {
    const suit = pending({ kind: 'litigation_after_reconsideration', filedOn: '2026-01-05' });
    expect(appealProblem(suit, ctx)).toBe('复议后起诉须先登记该申请的行政复议');
    expect(appealProblem(suit, { ...ctx, reconsiderationsFiledOn: ['2026-01-06'] })).toMatch(/早于该申请的行政复议申请日期/);
    expect(appealProblem(suit, { ...ctx, reconsiderationsFiledOn: ['2025-12-01'] })).toBeNull();
  });

  it('the decision date: required iff decided, not before filing, not in the future', () => {
    expect(appealProblem(pending({ decidedOn: '2026-01-01' }), ctx)).toBe('尚未审结的，不填写审结日期');
    expect(appealProblem(pending({ result: 'other' }), ctx)).toBe('其他结果的，请填写复议机关作出决定（裁判）的日期');
    expect(appealProblem(pending({ kind: 'litigation_direct', result: 'upheld' }), ctx)).toMatch(/人民法院/);
    expect(appealProblem(pending({ result: 'upheld', decidedOn: '2025-11-30' }), ctx)).toBe('审结日期（2025年11月30日）早于申请行政复议日期（2025年12月1日）');
    expect(appealProblem(pending({ result: 'upheld', decidedOn: '2026-03-11' }), ctx)).toMatch(/晚于今天/);
  });

  it('a corrected result needs the new reply date, after the decision', () => {
    expect(appealProblem(pending({ result: 'corrected', decidedOn: '2026-02-01' }), ctx)).toBe('结果纠正的，请填写决定（裁判）确定的重新答复期限');
    expect(appealProblem(pending({ result: 'corrected', decidedOn: '2026-02-01', reopenDueOn: '2026-02-01' }), ctx)).toBe('重新答复期限（2026年2月1日）须晚于审结日期（2026年2月1日）');
    expect(appealProblem(pending({ result: 'upheld', decidedOn: '2026-02-01', reopenDueOn: '2026-03-02' }), ctx)).toBe('只有结果纠正的，才填写重新答复期限');
  });
});

describe('table 四: filed in the year, by the result at year end', () => {
  it('a decision after 31 December counts as pending', () => {
    expect(appealResultAtYearEnd({ result: 'upheld', decidedOn: '2026-01-05' }, 2025)).toBe('pending');
    expect(appealResultAtYearEnd({ result: 'upheld', decidedOn: '2025-12-31' }, 2025)).toBe('upheld');
    expect(appealResultAtYearEnd({ result: 'pending', decidedOn: null }, 2025)).toBe('pending');
  });

  it('counts each group and leaves out appeals filed in other years', () => {
    const t = tallyAppeals(
      [
        { kind: 'reconsideration', filedOn: '2025-03-01', result: 'upheld', decidedOn: '2025-05-01' },
        { kind: 'reconsideration', filedOn: '2025-06-01', result: 'corrected', decidedOn: '2025-08-01' },
        { kind: 'reconsideration', filedOn: '2025-12-20', result: 'other', decidedOn: '2026-02-01' },
        { kind: 'reconsideration', filedOn: '2024-12-20', result: 'upheld', decidedOn: '2025-02-01' },
        { kind: 'litigation_direct', filedOn: '2025-01-02', result: 'pending', decidedOn: null },
        { kind: 'litigation_after_reconsideration', filedOn: '2025-09-09', result: 'other', decidedOn: '2025-12-01' },
        { kind: 'litigation_after_reconsideration', filedOn: '2026-01-01', result: 'upheld', decidedOn: '2026-02-01' },
      ],
      2025,
    );
    expect(t).toEqual({
      reconsideration: { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 },
    });
  });
});
