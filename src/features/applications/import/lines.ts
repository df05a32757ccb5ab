// The lines of a historical import file (`gongkai applications import FILE.jsonl`, issue #5 item 11):
// one JSON object per line, read and checked without the database. Every problem of a line is
// reported, in Chinese, with its line number; blank lines are skipped.
//
// Fields: org (organization code), applicantKind, channel, receivedOn (YYYY-MM-DD), closedOn
// (YYYY-MM-DD, or null / absent while open), outcome (a key of RULES.md §2, null while open), and
// optionally serial — the application's number as it was (2023-jyj-0007) or its serial alone (7),
// numbered in the year received — and description (what was asked for, when the old system kept it).
import { APPLICANT_KINDS, isApplicantKind, isOutcomeKey, OUTCOME_KEYS, type ApplicantKind, type OutcomeKey } from '../../../domain/application-outcomes.js';
import { compareDates, isIsoDate, type IsoDate } from '../../../domain/dates.js';
import { APPLICATION_CHANNELS, isApplicationChannel, type ApplicationChannel } from '../../../domain/received-on.js';

export interface ImportLine {
  line: number;
  org: string;
  applicantKind: ApplicantKind;
  channel: ApplicationChannel;
  receivedOn: IsoDate;
  closedOn: IsoDate | null;
  outcome: OutcomeKey | null;
  /** The number as it was, when given: its year and serial (the organization is the line's). */
  serial: { year: number; serial: number } | null;
  description: string;
}

export interface LineError {
  line: number;
  reason: string;
}

const FIELDS = new Set(['org', 'applicantKind', 'channel', 'receivedOn', 'closedOn', 'outcome', 'serial', 'description']);
const MAX_SERIAL = 999_999;

function serialOf(value: unknown, org: string, receivedOn: IsoDate | null, today: IsoDate, problems: string[]): ImportLine['serial'] {
  if (value === undefined || value === null) return null;
  const receivedYear = receivedOn ? Number(receivedOn.slice(0, 4)) : null;
  let year: number | null = receivedYear;
  let serial: number;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))) {
    serial = Number(value);
  } else if (typeof value === 'string' && /^\d{4}-.+-\d+$/.test(value)) {
    const [y, ...rest] = value.split('-');
    const n = rest.pop()!;
    if (rest.join('-') !== org) {
      problems.push(`申请编号“${value}”中的机构代码与 org（${org}）不一致`);
      return null;
    }
    year = Number(y);
    serial = Number(n);
    const todayYear = Number(today.slice(0, 4));
    if (receivedYear !== null && (year < receivedYear || year > todayYear)) {
      problems.push(`申请编号“${value}”的年度应在收到申请的年度（${receivedYear}）至今年之间`);
      return null;
    }
  } else {
    problems.push(`serial 应为申请编号（如 2023-${org || 'jyj'}-0007）或序号（正整数）：${JSON.stringify(value)}`);
    return null;
  }
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) {
    problems.push(`序号应为 1 至 ${MAX_SERIAL} 之间的整数：${JSON.stringify(value)}`);
    return null;
  }
  return year === null ? null : { year, serial };
}

function dateOf(value: unknown, field: string, label: string, today: IsoDate, problems: string[]): IsoDate | null {
  if (!isIsoDate(value)) {
    problems.push(`${field}（${label}）应为有效日期 YYYY-MM-DD：${JSON.stringify(value)}`);
    return null;
  }
  if (compareDates(value, today) > 0) {
    problems.push(`${field}（${label}）${value} 晚于今天`);
    return null;
  }
  return value;
}

/** One line's object checked: the row, or every problem found in it. */
export function checkLine(raw: string, line: number, today: IsoDate): ImportLine | LineError {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { line, reason: '不是有效的 JSON（每行应为一个 JSON 对象）' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, reason: '应为一个 JSON 对象' };
  const o = value as Record<string, unknown>;
  const problems: string[] = [];
  const unknown = Object.keys(o).filter((k) => !FIELDS.has(k));
  if (unknown.length) problems.push(`未知的字段：${unknown.join('、')}`);

  const org = typeof o.org === 'string' ? o.org.trim() : '';
  if (!org) problems.push('缺少 org（机构代码）');
  if (!isApplicantKind(o.applicantKind)) problems.push(`applicantKind（申请人类型）应为 ${APPLICANT_KINDS.join('、')} 之一：${JSON.stringify(o.applicantKind)}`);
  if (!isApplicationChannel(o.channel)) problems.push(`channel（申请方式）应为 ${APPLICATION_CHANNELS.join('、')} 之一：${JSON.stringify(o.channel)}`);
  const receivedOn = dateOf(o.receivedOn, 'receivedOn', '收到申请之日', today, problems);
  const closedOn = o.closedOn === undefined || o.closedOn === null ? null : dateOf(o.closedOn, 'closedOn', '办结日期', today, problems);
  if (receivedOn && closedOn && compareDates(closedOn, receivedOn) < 0) problems.push(`closedOn（办结日期）${closedOn} 早于 receivedOn（收到申请之日）${receivedOn}`);
  const outcome = o.outcome === undefined || o.outcome === null ? null : o.outcome;
  if (outcome !== null && !isOutcomeKey(outcome)) problems.push(`outcome（办理结果）应为年报表三的情形之一（${OUTCOME_KEYS[0]}、${OUTCOME_KEYS[1]}、withheld.state_secret 等）：${JSON.stringify(outcome)}`);
  const closed = o.closedOn !== undefined && o.closedOn !== null;
  if (closed && outcome === null) problems.push('已办结（有 closedOn）的申请须填写 outcome（办理结果）');
  if (!closed && outcome !== null) problems.push('未办结（closedOn 为 null）的申请不应有 outcome（办理结果）');
  const description = o.description === undefined ? '' : typeof o.description === 'string' ? o.description.trim() : null;
  if (description === null) problems.push('description（申请内容）应为文字');
  else if (description.length > 2000) problems.push('description（申请内容）不能超过 2000 个字');
  const serial = serialOf(o.serial, org, receivedOn, today, problems);

  if (problems.length) return { line, reason: problems.join('；') };
  return {
    line,
    org,
    applicantKind: o.applicantKind as ApplicantKind,
    channel: o.channel as ApplicationChannel,
    receivedOn: receivedOn!,
    closedOn,
    outcome: outcome as OutcomeKey | null,
    serial,
    description: description ?? '',
  };
}

export function isLineError(x: ImportLine | LineError): x is LineError {
  return 'reason' in x;
}

/** Every non-blank line of the file checked (lines numbered from 1, as an editor shows them). */
export function checkLines(text: string, today: IsoDate): { rows: ImportLine[]; errors: LineError[]; total: number } {
  const rows: ImportLine[] = [];
  const errors: LineError[] = [];
  let total = 0;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      total += 1;
      const checked = checkLine(raw, i + 1, today);
      if (isLineError(checked)) errors.push(checked);
      else rows.push(checked);
    });
  return { rows, errors, total };
}
