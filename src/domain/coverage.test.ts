import { describe, expect, it } from 'vitest';
import { coverageFigures, exemptionReason } from './coverage.js';

describe('coverageFigures', () => {
  it('counts interpreted, exempted and missing files and the rate', () => {
    const f = (interpreted: boolean, exempted: boolean) => ({ interpreted, exempted });
    expect(coverageFigures([f(true, false), f(true, true), f(false, true), f(false, false)])).toEqual({ total: 4, interpreted: 2, exempted: 1, missing: 1, rate: 50 });
    expect(coverageFigures([f(true, false), f(false, false), f(false, false)]).rate).toBe(33.3);
  });

  it('has no rate when there is nothing to cover', () => {
    expect(coverageFigures([])).toEqual({ total: 0, interpreted: 0, exempted: 0, missing: 0, rate: null });
  });
});

describe('exemptionReason', () => {
  it('reads the reason from a publish note', () => {
    expect(exemptionReason('第 2 版：x；未同步发布解读，理由：内容简单，无需解读')).toBe('内容简单，无需解读');
    expect(exemptionReason('超过信息形成之日起 20 个工作日发布')).toBeNull();
  });
});
