// 索引号: the catalogue number of a published document (RULES.md §3). The pattern is data per
// organization; the default follows gov.cn: `{orgCode}/{YYYY}-{NNNNN}`.
import type { IsoDate } from './dates.js';

export const DEFAULT_INDEX_PATTERN = '{orgCode}/{YYYY}-{NNNNN}';

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
const KNOWN = new Set(['orgCode', 'YYYY', 'YY', 'MM', 'topicCode']);

/** Null when the pattern is usable, otherwise why not (Chinese). */
export function validateIndexPattern(pattern: string): string | null {
  const names = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const serials = names.filter((n) => /^N+$/.test(n));
  if (serials.length !== 1) return '索引号规则须包含且只包含一个流水号占位符，如 {NNNNN}';
  if (serials[0].length > 8) return '流水号最多 8 位';
  const unknown = names.filter((n) => !/^N+$/.test(n) && !KNOWN.has(n));
  if (unknown.length) return `未知的占位符：${unknown.map((n) => `{${n}}`).join('、')}（可用 {orgCode} {YYYY} {YY} {MM} {topicCode} {NNNNN}）`;
  const literal = pattern.replace(PLACEHOLDER, '');
  if (!/^[A-Za-z0-9\-/_.]*$/.test(literal)) return '索引号规则中的固定字符只能是字母、数字和 - / _ .';
  return null;
}

interface Values {
  orgCode: string;
  date: IsoDate;
  topicCode?: string;
}

function fill(pattern: string, v: Values, serial: (width: number) => string): string {
  return pattern.replace(PLACEHOLDER, (_, name: string) => {
    if (/^N+$/.test(name)) return serial(name.length);
    switch (name) {
      case 'orgCode':
        return v.orgCode;
      case 'YYYY':
        return v.date.slice(0, 4);
      case 'YY':
        return v.date.slice(2, 4);
      case 'MM':
        return v.date.slice(5, 7);
      case 'topicCode':
        return v.topicCode ?? '';
      default:
        throw new RangeError(`unknown placeholder {${name}}`);
    }
  });
}

export function formatIndexNumber(pattern: string, v: Values & { serial: number }): string {
  return fill(pattern, v, (width) => {
    if (!Number.isInteger(v.serial) || v.serial < 1 || String(v.serial).length > width) {
      throw new RangeError(`流水号 ${v.serial} 超出 ${width} 位`);
    }
    return String(v.serial).padStart(width, '0');
  });
}

/**
 * What identifies a serial counter: the pattern filled in without its serial. With {YYYY} in the
 * pattern the serials restart each year; without it they never restart.
 */
export function serialScope(pattern: string, v: Values): string {
  return fill(pattern, v, () => '#');
}
