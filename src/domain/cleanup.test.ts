import { describe, expect, it } from 'vitest';
import { cleanupProgress, decisionProblem, finalizeProblem, resultLists } from './cleanup.js';

describe('decisionProblem', () => {
  it('needs a note to repeal or declare expired, not to keep or amend', () => {
    expect(decisionProblem('keep', '')).toBeNull();
    expect(decisionProblem('amend', '')).toBeNull();
    expect(decisionProblem('repeal', ' ')).toContain('废止');
    expect(decisionProblem('expire', '')).toContain('宣布失效');
    expect(decisionProblem('repeal', '上位法已废止')).toBeNull();
  });
});

describe('progress and finalizing', () => {
  const files = [{ decision: 'keep' as const }, { decision: 'repeal' as const }, { decision: null }];
  it('counts decided files by decision', () => {
    expect(cleanupProgress(files)).toEqual({ total: 3, decided: 2, counts: { keep: 1, amend: 0, repeal: 1, expire: 0 } });
  });

  it('publishes only when every file is decided and the effective date is given', () => {
    expect(finalizeProblem(cleanupProgress(files), '2026-12-01')).toContain('还有 1 件');
    const done = cleanupProgress(files.slice(0, 2));
    expect(finalizeProblem(done, null)).toContain('生效日期');
    expect(finalizeProblem(done, '2026-02-30')).toContain('生效日期');
    expect(finalizeProblem(done, '2026-12-01')).toBeNull();
    expect(finalizeProblem(cleanupProgress([]), '2026-12-01')).toContain('没有文件');
  });

  it('groups files into the four lists in order', () => {
    const lists = resultLists([{ decision: 'expire' as const, id: 1 }, { decision: 'keep' as const, id: 2 }, { decision: 'keep' as const, id: 3 }]);
    expect(lists.map((l) => [l.label, l.files.map((f) => f.id)])).toEqual([
      ['继续有效', [2, 3]],
      ['拟修改', []],
      ['废止', []],
      ['宣布失效', [1]],
    ]);
  });
});
