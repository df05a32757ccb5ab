// 信息处理费 (processingFee): 《中华人民共和国政府信息公开条例》第四十二条 and 《政府信息公开信息处理费管理办法》
// (国办函〔2020〕109号, "收费办法"), RULES.md §2. Charged only when the quantity or frequency of requests
// clearly exceeds reason — the handler decides that; this computes the amount. Both schemes are
// progressive (超额累进, 收费办法第三条), one scheme per application, never both. Amounts are integer yuan.

export type FeeScheme = 'per_application' | 'per_page';

export const FEE_SCHEME_LABELS: Readonly<Record<FeeScheme, string>> = { per_application: '按件计收', per_page: '按量计收' };

export interface PageBand {
  /** The last page of the band (inclusive); null for the open last band. */
  upTo: number | null;
  yuanPerPage: number;
}

/** The schedule as data: the national one by default; an administrator could enter a changed one. */
export interface ProcessingFeeSchedule {
  /** 收费办法第四条: by the applicant's count of applications in the calendar month, this one included. */
  perApplication: {
    /** Applications 1…freeUpTo are free. */
    freeUpTo: number;
    /** Applications freeUpTo+1…firstBandUpTo cost firstBandYuan each. */
    firstBandUpTo: number;
    firstBandYuan: number;
    /** Beyond firstBandUpTo, every band of bandSize costs bandStepYuan more per application than the one before. */
    bandSize: number;
    bandStepYuan: number;
  };
  /** 收费办法第五条: pages of one application, progressive bands. */
  perPage: { bands: readonly PageBand[] };
}

export const PROCESSING_FEE_DEFAULTS: Readonly<ProcessingFeeSchedule> = Object.freeze({
  perApplication: { freeUpTo: 10, firstBandUpTo: 30, firstBandYuan: 100, bandSize: 10, bandStepYuan: 100 },
  perPage: {
    bands: [
      { upTo: 30, yuanPerPage: 0 },
      { upTo: 100, yuanPerPage: 10 },
      { upTo: 200, yuanPerPage: 20 },
      { upTo: null, yuanPerPage: 40 },
    ],
  },
});

export type ProcessingFeeInput = { scheme: 'per_application'; countInMonth: number } | { scheme: 'per_page'; pages: number };

export interface FeeLine {
  /** First and last unit (application ordinal or page) of the band charged. */
  from: number;
  to: number;
  units: number;
  unitYuan: number;
  subtotalYuan: number;
  text: string;
}

export interface ProcessingFeeResult {
  scheme: FeeScheme;
  /** Integer yuan. */
  amountYuan: number;
  lines: FeeLine[];
  /** The provision the fee notice cites. */
  basis: string;
  /** Chinese explanation for the fee notice. */
  text: string;
}

const BASIS: Readonly<Record<FeeScheme, string>> = {
  per_application: '《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》第三条、第四条',
  per_page: '《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》第三条、第五条',
};

/** Chinese problems with a schedule an administrator entered (empty when usable). */
export function feeScheduleProblems(schedule: ProcessingFeeSchedule): string[] {
  const problems: string[] = [];
  const p = schedule.perApplication;
  const whole = (v: number) => Number.isInteger(v) && v >= 0;
  if (![p.freeUpTo, p.firstBandUpTo, p.firstBandYuan, p.bandStepYuan].every(whole) || !(Number.isInteger(p.bandSize) && p.bandSize >= 1)) {
    problems.push('按件计收的件数和金额须为非负整数，档距至少为 1 件');
  } else if (p.firstBandUpTo < p.freeUpTo) {
    problems.push('按件计收的第一收费档不能止于免费件数之前');
  }
  const bands = schedule.perPage.bands;
  if (bands.length === 0 || bands[bands.length - 1]!.upTo !== null) problems.push('按量计收的最后一档须不设上限');
  let last = 0;
  for (const b of bands) {
    if (!whole(b.yuanPerPage)) problems.push(`按量计收的每页金额须为非负整数：${b.yuanPerPage}`);
    if (b.upTo === null) continue;
    if (!Number.isInteger(b.upTo) || b.upTo <= last) problems.push(`按量计收各档的页数上限须为递增的整数：${b.upTo}`);
    else last = b.upTo;
  }
  return problems;
}

function requireCount(n: unknown, label: string): asserts n is number {
  if (!Number.isInteger(n) || (n as number) < 1) throw new RangeError(`${label}须为正整数：${String(n)}`);
}

function yuan(n: number): string {
  return `${n.toLocaleString('en-US')} 元`;
}

/** The price of the n-th application of the month (收费办法第四条). */
export function perApplicationUnitYuan(n: number, schedule: ProcessingFeeSchedule = PROCESSING_FEE_DEFAULTS): { yuan: number; from: number; to: number } {
  requireCount(n, '本月申请件数');
  const p = schedule.perApplication;
  if (n <= p.freeUpTo) return { yuan: 0, from: 1, to: p.freeUpTo };
  if (n <= p.firstBandUpTo) return { yuan: p.firstBandYuan, from: p.freeUpTo + 1, to: p.firstBandUpTo };
  const band = Math.ceil((n - p.firstBandUpTo) / p.bandSize);
  const from = p.firstBandUpTo + (band - 1) * p.bandSize + 1;
  return { yuan: p.firstBandYuan + band * p.bandStepYuan, from, to: from + p.bandSize - 1 };
}

function perApplicationFee(countInMonth: number, schedule: ProcessingFeeSchedule): ProcessingFeeResult {
  const unit = perApplicationUnitYuan(countInMonth, schedule);
  const line: FeeLine = {
    from: countInMonth,
    to: countInMonth,
    units: 1,
    unitYuan: unit.yuan,
    subtotalYuan: unit.yuan,
    text: `本申请为申请人本自然月内第 ${countInMonth} 件申请，属第 ${unit.from}—${unit.to} 件档，${unit.yuan === 0 ? '不收费' : `每件 ${yuan(unit.yuan)}`}`,
  };
  const text = `按件计收：${line.text}，应缴信息处理费 ${yuan(unit.yuan)}。`;
  return { scheme: 'per_application', amountYuan: unit.yuan, lines: [line], basis: BASIS.per_application, text };
}

function perPageFee(pages: number, schedule: ProcessingFeeSchedule): ProcessingFeeResult {
  const lines: FeeLine[] = [];
  let from = 1;
  for (const band of schedule.perPage.bands) {
    if (from > pages) break;
    const to = band.upTo === null ? pages : Math.min(band.upTo, pages);
    if (to < from) continue;
    const units = to - from + 1;
    const subtotalYuan = units * band.yuanPerPage;
    const price = band.yuanPerPage === 0 ? '不收费' : `${units} 页 × ${band.yuanPerPage} 元 = ${yuan(subtotalYuan)}`;
    lines.push({ from, to, units, unitYuan: band.yuanPerPage, subtotalYuan, text: `第 ${from}—${to} 页：${price}` });
    from = to + 1;
  }
  const amountYuan = lines.reduce((sum, l) => sum + l.subtotalYuan, 0);
  const text = `按量计收：本申请共 ${pages} 页，${lines.map((l) => l.text).join('；')}；合计应缴信息处理费 ${yuan(amountYuan)}。`;
  return { scheme: 'per_page', amountYuan, lines, basis: BASIS.per_page, text };
}

/** The fee of one application under one scheme, with its explanation. Throws RangeError (Chinese) on bad input. */
export function processingFee(input: ProcessingFeeInput, schedule: ProcessingFeeSchedule = PROCESSING_FEE_DEFAULTS): ProcessingFeeResult {
  const both = input as { countInMonth?: unknown; pages?: unknown };
  if (both.countInMonth !== undefined && both.pages !== undefined) {
    // 收费办法第三条: 行政机关对每件申请可以选择适用其中一种标准，但不得同时按照两种标准重复计算.
    throw new RangeError('同一件申请只能选择按件计收或按量计收其中一种标准，不得同时适用两种标准');
  }
  if (input.scheme === 'per_application') {
    requireCount(input.countInMonth, '本月申请件数');
    return perApplicationFee(input.countInMonth, schedule);
  }
  if (input.scheme === 'per_page') {
    requireCount(input.pages, '页数');
    return perPageFee(input.pages, schedule);
  }
  throw new RangeError(`未知的计费方式：${String((input as { scheme: unknown }).scheme)}`);
}
