import { describe, expect, it } from 'vitest';
import { relationProblem, validityHistory, validityOn, type ValidityRelation } from './validity.js';

const repeal: ValidityRelation = { kind: 'repeals', byDocumentId: 9, byTitle: '关于废止部分规范性文件的决定', byDocNumber: '示政发〔2024〕3号', effectiveOn: '2024-03-05' };
const amend: ValidityRelation = { kind: 'amends', byDocumentId: 7, byTitle: '关于修改《示例县农村建房管理办法》的决定', effectiveOn: '2023-06-01' };

describe('validity', () => {
  it('is in force from its effective date with nothing acting on it', () => {
    expect(validityOn({ effectiveOn: '2022-01-01', relations: [] }, '2026-11-23')).toBe('in_force');
  });

  it('follows amendment then repeal over time', () => {
    const input = { effectiveOn: '2022-01-01', relations: [repeal, amend] };
    expect(validityOn(input, '2023-05-31')).toBe('in_force');
    expect(validityOn(input, '2023-06-01')).toBe('amended');
    expect(validityOn(input, '2024-03-04')).toBe('amended');
    expect(validityOn(input, '2024-03-05')).toBe('repealed');
  });

  it('does not count a repeal that takes effect later', () => {
    expect(validityOn({ relations: [repeal] }, '2024-02-01')).toBe('in_force');
  });

  it('counts replacement as repeal', () => {
    expect(validityOn({ relations: [{ ...repeal, kind: 'replaces' }] }, '2025-01-01')).toBe('repealed');
  });

  it('stays in force through its expiry day and expires the next day', () => {
    const input = { effectiveOn: '2021-01-01', expiresOn: '2025-12-31', relations: [amend] };
    expect(validityOn(input, '2025-12-31')).toBe('amended');
    expect(validityOn(input, '2026-01-01')).toBe('expired');
    // A repeal outranks expiry.
    expect(validityOn({ ...input, relations: [{ ...repeal, effectiveOn: '2026-03-01' }] }, '2026-06-01')).toBe('repealed');
  });

  it('tells its history in order, in Chinese', () => {
    const history = validityHistory({ effectiveOn: '2022-01-01', expiresOn: '2026-12-31', relations: [repeal, amend] });
    expect(history.map((e) => [e.date, e.validity])).toEqual([
      ['2022-01-01', 'in_force'],
      ['2023-06-01', 'amended'],
      ['2024-03-05', 'repealed'],
      ['2027-01-01', 'expired'],
    ]);
    expect(history[2].reason).toBe('2024年3月5日起被《关于废止部分规范性文件的决定》（示政发〔2024〕3号）废止');
    expect(history[3].reason).toBe('有效期至2026年12月31日，2027年1月1日起失效');
  });
});

describe('relationProblem', () => {
  it('refuses acting on a repealed or expired document, or before it takes effect', () => {
    expect(relationProblem('repeals', 'repealed', '2024-01-01')).toBe('该文件已废止，不能再废止');
    expect(relationProblem('amends', 'expired', '2024-01-01')).toBe('该文件已失效，不能再修改');
    expect(relationProblem('repeals', 'in_force', '2021-12-31', '2022-01-01')).toContain('早于该文件的施行日期');
    expect(relationProblem('replaces', 'amended', '2024-01-01', '2022-01-01')).toBeNull();
  });
});
