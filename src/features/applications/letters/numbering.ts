// 文号 of a letter: 机关代字 + 〔year〕 + serial + 号 (GB/T 9704-2012 7.2.4: the year in 六角括号,
// the serial without leading zeros and without 第). Numbered per organization, kind and year in
// application_serials (scope letter/<orgCode>/<kind>/<year>), so each kind of letter of each
// organization has its own run that starts again at 1 every year.
import type { LetterKind } from '../schema.js';

/** The second part of the default 机关代字: 依申请公开 + what the letter is. */
const KIND_MARK: Readonly<Record<LetterKind, string>> = {
  acknowledgement: '依登',
  correction_notice: '依补',
  extension_notice: '依延',
  consultation_letter: '依征',
  fee_notice: '依费',
  reply: '依复',
};

const LOCALITY = /^(.+?)(?:自治州|自治县|省|市|县|区|旗|盟)(.+)$/;
const TOWNSHIP = /^(.+?)(?:镇|乡|街道)(?:人民政府|办事处)?$/;
const UNIT_SUFFIX = /(?:委员会|办公室|管理局|局|委|厅|办|中心|所|站)$/;

/**
 * A short form of an organization's name for its 文号, as county documents abbreviate: the first
 * character of the place, then the unit (示例县教育局 → 示教, 示例县人民政府办公室 → 示政办,
 * 示例县人民政府 → 示政, 示例县东山镇人民政府 → 东政). A default only: the template's numberPrefix
 * replaces it wherever the organization uses another 代字.
 */
export function orgAbbreviation(name: string): string {
  const n = name.replace(/\s+/g, '');
  const m = LOCALITY.exec(n);
  if (!m) return n.slice(0, 2);
  const place = m[1][0];
  const rest = m[2];
  if (rest === '人民政府') return `${place}政`;
  if (rest === '人民政府办公室') return `${place}政办`;
  const township = TOWNSHIP.exec(rest);
  if (township) return `${township[1][0]}政`;
  const unit = rest.replace(UNIT_SUFFIX, '');
  return `${place}${(unit || rest)[0]}`;
}

/** The 代字 before the year: the template's own prefix, else the organization's abbreviation and the kind's mark. */
export function numberPrefix(templatePrefix: string, orgName: string, kind: LetterKind): string {
  return templatePrefix.trim() || `${orgAbbreviation(orgName)}${KIND_MARK[kind]}`;
}

/** 示教依复〔2026〕3号. */
export function letterNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}〔${year}〕${serial}号`;
}

export function letterSerialScope(orgCode: string, kind: LetterKind, year: number): string {
  return `letter/${orgCode}/${kind}/${year}`;
}
