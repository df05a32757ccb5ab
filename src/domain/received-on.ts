// 收到申请之日 (receivedOn): the day the reply period starts from, which depends on how the application
// came in (《中华人民共和国政府信息公开条例》第三十一条, RULES.md §2). Pure: the facts are given, and
// when the fact the channel needs is missing the date cannot be known — refuse rather than guess.
import { compareDates, formatChineseDate, isIsoDate, type IsoDate } from './dates.js';

export const APPLICATION_CHANNELS = ['in_person', 'registered_post', 'ordinary_letter', 'online', 'fax', 'email'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

export const APPLICATION_CHANNEL_LABELS: Readonly<Record<ApplicationChannel, string>> = {
  in_person: '当面提交',
  registered_post: '邮寄（需签收）',
  ordinary_letter: '平常信函',
  online: '网上申请',
  fax: '传真',
  email: '电子邮件',
};

export function isApplicationChannel(s: unknown): s is ApplicationChannel {
  return typeof s === 'string' && (APPLICATION_CHANNELS as readonly string[]).includes(s);
}

/** What staff record when registering an application; which fields matter depends on the channel. */
export interface ReceivedOnFacts {
  channel: ApplicationChannel;
  /** In person: the day it was handed in. Online, fax, email: the day the applicant sent it. */
  submittedOn?: IsoDate | null;
  /** Registered post: the day the agency signed for it. */
  signedForOn?: IsoDate | null;
  /** Ordinary letter: the day it reached the disclosure office (confirmation is due that same day). */
  arrivedOn?: IsoDate | null;
  /** Ordinary letter: the day the office confirmed with the applicant. Online, fax, email: the day both sides confirmed. */
  confirmedOn?: IsoDate | null;
}

export interface ReceivedOnResult {
  receivedOn: IsoDate;
  channel: ApplicationChannel;
  /** The provision applied, e.g. '第三十一条第（二）项'. */
  basis: string;
  /** Chinese explanation for the case file and the applicant. */
  text: string;
  /** Chinese notes on lapses the facts show (the date stands, the lapse is recorded). */
  warnings: string[];
}

export type ReceivedOnErrorCode = 'unknown_channel' | 'missing_fact' | 'invalid_date' | 'inconsistent' | 'future_date';

/** Refusal with a Chinese message fit to show to the staff member registering the application. */
export class ReceivedOnError extends Error {
  constructor(
    readonly code: ReceivedOnErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReceivedOnError';
  }
}

const LAW = '《中华人民共和国政府信息公开条例》';

interface ChannelRule {
  basis: string;
  /** The fact that fixes the date and its Chinese name. */
  fact: 'submittedOn' | 'signedForOn' | 'confirmedOn';
  factLabel: string;
  /** How the text names the rule: '以…为收到申请之日'. */
  rule: string;
}

const RULES: Readonly<Record<ApplicationChannel, ChannelRule>> = {
  in_person: { basis: '第三十一条第（一）项', fact: 'submittedOn', factLabel: '提交日期', rule: '当面提交的，以提交之日为收到申请之日' },
  registered_post: { basis: '第三十一条第（二）项', fact: 'signedForOn', factLabel: '签收日期', rule: '以邮寄方式提交的，以行政机关签收之日为收到申请之日' },
  ordinary_letter: {
    basis: '第三十一条第（二）项',
    fact: 'confirmedOn',
    factLabel: '与申请人确认的日期',
    rule: '以平常信函等无需签收的方式提交的，以与申请人确认之日为收到申请之日',
  },
  online: { basis: '第三十一条第（三）项', fact: 'confirmedOn', factLabel: '双方确认的日期', rule: '通过互联网渠道提交的，以双方确认之日为收到申请之日' },
  fax: { basis: '第三十一条第（三）项', fact: 'confirmedOn', factLabel: '双方确认的日期', rule: '通过传真提交的，以双方确认之日为收到申请之日' },
  email: { basis: '第三十一条第（三）项', fact: 'confirmedOn', factLabel: '双方确认的日期', rule: '通过电子邮件（互联网渠道）提交的，以双方确认之日为收到申请之日' },
};

const FACT_LABELS: Readonly<Record<'submittedOn' | 'signedForOn' | 'arrivedOn' | 'confirmedOn', string>> = {
  submittedOn: '提交日期',
  signedForOn: '签收日期',
  arrivedOn: '信件到达日期',
  confirmedOn: '确认日期',
};

function checkDates(facts: ReceivedOnFacts, today: IsoDate | undefined): void {
  for (const key of ['submittedOn', 'signedForOn', 'arrivedOn', 'confirmedOn'] as const) {
    const v = facts[key];
    if (v == null) continue;
    if (!isIsoDate(v)) throw new ReceivedOnError('invalid_date', `${FACT_LABELS[key]}不是有效日期：${String(v)}`);
    if (today && compareDates(v, today) > 0) {
      throw new ReceivedOnError('future_date', `${FACT_LABELS[key]}（${formatChineseDate(v)}）晚于今天，不能登记`);
    }
  }
}

/** The day the application counts as received, with the provision and a Chinese explanation. */
export function determineReceivedOn(facts: ReceivedOnFacts, today?: IsoDate): ReceivedOnResult {
  if (!isApplicationChannel(facts.channel)) throw new ReceivedOnError('unknown_channel', `未知的申请渠道：${String(facts.channel)}`);
  checkDates(facts, today);
  const rule = RULES[facts.channel];
  const date = facts[rule.fact];
  const label = APPLICATION_CHANNEL_LABELS[facts.channel];
  if (!date) {
    throw new ReceivedOnError('missing_fact', `申请渠道为“${label}”时须登记${rule.factLabel}，才能确定收到申请之日（条例${rule.basis}）`);
  }
  const warnings: string[] = [];
  // A confirmation cannot come before what it confirms: the letter's arrival, or the applicant's sending.
  const earliest = facts.channel === 'ordinary_letter' ? facts.arrivedOn : rule.fact === 'confirmedOn' ? facts.submittedOn : null;
  if (earliest && compareDates(date, earliest) < 0) {
    const what = facts.channel === 'ordinary_letter' ? FACT_LABELS.arrivedOn : FACT_LABELS.submittedOn;
    throw new ReceivedOnError('inconsistent', `${rule.factLabel}（${formatChineseDate(date)}）早于${what}（${formatChineseDate(earliest)}）`);
  }
  if (facts.channel === 'ordinary_letter' && facts.arrivedOn && facts.arrivedOn !== date) {
    // 第三十一条第（二）项: the office must confirm on the day the letter arrives; the confirmation day
    // still counts as received, but the delay is the agency's and stays on the record.
    warnings.push(`平常信函于${formatChineseDate(facts.arrivedOn)}到达，应当于收到当日与申请人确认，实际于${formatChineseDate(date)}确认`);
  }
  const text = `${LAW}${rule.basis}：${rule.rule}。本申请${label}，${rule.factLabel}为${formatChineseDate(date)}，收到申请之日为${formatChineseDate(date)}。`;
  return { receivedOn: date, channel: facts.channel, basis: rule.basis, text, warnings };
}
