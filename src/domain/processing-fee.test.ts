import { describe, it, expect } from 'vitest';
import { PROCESSING_FEE_DEFAULTS, feeScheduleProblems, perApplicationUnitYuan, processingFee } from './processing-fee.js';
import type { ProcessingFeeInput } from './processing-fee.js';

const perApplication = (countInMonth: number) => processingFee({ scheme: 'per_application', countInMonth });
const perPage = (pages: number) => processingFee({ scheme: 'per_page', pages });

describe('per application (按件, 收费办法第四条)', () => {
  it('RULES.md examples: the 12th application in a month costs ¥100, the 35th ¥200, the 45th ¥300', () => {
    expect(perApplication(12).amountYuan).toBe(100);
    expect(perApplication(35).amountYuan).toBe(200);
    expect(perApplication(45).amountYuan).toBe(300);
  });

  it.each([
    [1, 0], [10, 0], [11, 100], [30, 100], [31, 200], [40, 200], [41, 300], [50, 300], [51, 400], [60, 400], [61, 500],
  ])('edge: the %ith application → ¥%i', (n, expected) => {
    expect(perApplication(n).amountYuan).toBe(expected);
  });

  it('the table for counts 1–60, as RULES.md words it (1–10 free; 11–30 ¥100; then bands of 10, ¥100 more each)', () => {
    const expected = (n: number) => (n <= 10 ? 0 : n <= 30 ? 100 : 100 + 100 * Math.ceil((n - 30) / 10));
    for (let n = 1; n <= 60; n++) expect(perApplication(n).amountYuan, `第 ${n} 件`).toBe(expected(n));
    expect(Array.from({ length: 60 }, (_, i) => perApplication(i + 1).amountYuan).reduce((a, b) => a + b, 0)).toBe(
      20 * 100 + 10 * 200 + 10 * 300 + 10 * 400,
    );
  });

  it('explains the band in Chinese and cites the rules', () => {
    const r = perApplication(35);
    expect(r.scheme).toBe('per_application');
    expect(r.text).toBe('按件计收：本申请为申请人本自然月内第 35 件申请，属第 31—40 件档，每件 200 元，应缴信息处理费 200 元。');
    expect(r.basis).toContain('《政府信息公开信息处理费管理办法》第三条、第四条');
    expect(perApplication(3).text).toBe('按件计收：本申请为申请人本自然月内第 3 件申请，属第 1—10 件档，不收费，应缴信息处理费 0 元。');
    expect(perApplicationUnitYuan(45)).toEqual({ yuan: 300, from: 41, to: 50 });
  });
});

describe('per page (按量, 收费办法第五条)', () => {
  it('RULES.md example: 250 pages = 0 + 70×10 + 100×20 + 50×40 = ¥4,700', () => {
    const r = perPage(250);
    expect(r.amountYuan).toBe(4700);
    expect(r.lines.map((l) => [l.from, l.to, l.units, l.unitYuan, l.subtotalYuan])).toEqual([
      [1, 30, 30, 0, 0],
      [31, 100, 70, 10, 700],
      [101, 200, 100, 20, 2000],
      [201, 250, 50, 40, 2000],
    ]);
    expect(r.text).toBe(
      '按量计收：本申请共 250 页，第 1—30 页：不收费；第 31—100 页：70 页 × 10 元 = 700 元；第 101—200 页：100 页 × 20 元 = 2,000 元；第 201—250 页：50 页 × 40 元 = 2,000 元；合计应缴信息处理费 4,700 元。',
    );
    expect(r.basis).toContain('第三条、第五条');
  });

  it.each([
    [1, 0], [30, 0], [31, 10], [100, 700], [101, 720], [200, 2700], [201, 2740], [300, 6700],
  ])('edge: %i pages → ¥%i', (pages, expected) => {
    expect(perPage(pages).amountYuan).toBe(expected);
  });

  it('the table for pages 1–300, band by band as RULES.md words it', () => {
    const expected = (p: number) =>
      Math.max(0, Math.min(p, 100) - 30) * 10 + Math.max(0, Math.min(p, 200) - 100) * 20 + Math.max(0, p - 200) * 40;
    for (let p = 1; p <= 300; p++) {
      const r = perPage(p);
      expect(r.amountYuan, `${p} 页`).toBe(expected(p));
      expect(Number.isInteger(r.amountYuan)).toBe(true);
      expect(r.lines.reduce((sum, l) => sum + l.units, 0)).toBe(p);
    }
  });
});

describe('one scheme per application', () => {
  it('refuses both at once, and bad counts, in Chinese', () => {
    const both = { scheme: 'per_page', pages: 50, countInMonth: 12 } as unknown as ProcessingFeeInput;
    expect(() => processingFee(both)).toThrow('同一件申请只能选择按件计收或按量计收其中一种标准，不得同时适用两种标准');
    expect(() => perPage(0)).toThrow('页数须为正整数：0');
    expect(() => perApplication(2.5)).toThrow('本月申请件数须为正整数：2.5');
    expect(() => processingFee({ scheme: 'per_word' } as unknown as ProcessingFeeInput)).toThrow('未知的计费方式：per_word');
  });
});

describe('the schedule is data', () => {
  it('the defaults are usable; a changed schedule is applied', () => {
    expect(feeScheduleProblems(PROCESSING_FEE_DEFAULTS)).toEqual([]);
    const cheaper = { ...PROCESSING_FEE_DEFAULTS, perPage: { bands: [{ upTo: 50, yuanPerPage: 0 }, { upTo: null, yuanPerPage: 5 }] } };
    expect(feeScheduleProblems(cheaper)).toEqual([]);
    expect(processingFee({ scheme: 'per_page', pages: 60 }, cheaper).amountYuan).toBe(50);
  });

  it('reports a broken schedule in Chinese', () => {
    expect(feeScheduleProblems({ ...PROCESSING_FEE_DEFAULTS, perPage: { bands: [{ upTo: 30, yuanPerPage: 0 }] } })).toEqual([
      '按量计收的最后一档须不设上限',
    ]);
    expect(
      feeScheduleProblems({
        perApplication: { ...PROCESSING_FEE_DEFAULTS.perApplication, bandSize: 0 },
        perPage: { bands: [{ upTo: 100, yuanPerPage: 0 }, { upTo: 50, yuanPerPage: 10 }, { upTo: null, yuanPerPage: 1.5 }] },
      }),
    ).toEqual(['按件计收的件数和金额须为非负整数，档距至少为 1 件', '按量计收各档的页数上限须为递增的整数：50', '按量计收的每页金额须为非负整数：1.5']);
  });
});
