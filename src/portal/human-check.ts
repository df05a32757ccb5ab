// The human check of the portal's application form. It has to work without JavaScript and without
// any outside service: a CAPTCHA provider would learn who applies to which agency, may be
// unreachable from a government network, and most shut out readers who cannot see a picture. So:
//
// - a small sum asked in words (五加七等于几？), which a screen reader reads aloud and an older reader
//   answers in digits or in 汉字 (12, １２ or 十二);
// - nothing is remembered on the server: the page carries a token with the time it was issued, a
//   nonce and the step it is for, sealed by an HMAC over those, the visitor's CSRF token and the
//   right answer. The answer given is checked by computing the HMAC again, so a token is worth
//   nothing to another visitor, and the answer cannot be read from it;
// - a token expires after two hours, and is refused when it comes back sooner than a person could
//   have read and filled the page (robots post at once);
// - a honeypot field (HONEYPOT) that people never see (hidden by CSS and from screen readers) but
//   form-filling robots fill in.
// Without a store, a solved token can be replayed until it expires; the rate limits of the routes
// (20 applications an hour per address) bound what that buys. The key comes from the caller
// (portalHumanCheck derives it from the deployment's data key, so every process accepts what another issued).
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { dataKey } from '../data-key.js';

/** The posts it guards: the application form's check for published documents and its submission, and a comment on a consultation. */
export type Stage = 'check' | 'submit' | 'comment';

export const HONEYPOT = 'homepage';
const MAX_AGE_MS = 2 * 60 * 60 * 1000;
/** A person needs longer than this to fill the form (check) or to read the matches and press the button (submit). */
export const MIN_FILL_MS: Record<Stage, number> = { check: 3000, submit: 2000, comment: 3000 };

export interface Challenge {
  question: string;
  token: string;
}

export type CheckFailure = 'wrong' | 'expired' | 'too_fast' | 'robot';

export const FAILURE_MESSAGES: Record<CheckFailure, string> = {
  wrong: '验证题的答案不正确，请重新作答',
  expired: '验证题已过期，请重新作答后提交',
  too_fast: '提交过快。为防止自动程序批量提交，请核对填写的内容后再次提交',
  robot: '未通过人机验证，请刷新页面后重新填写',
};

const DIGITS = '零一二三四五六七八九';

/** 0–99 in 汉字 as people write them: 七, 十二, 二十, 二十三. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** What a person typed as a whole number (digits of either width, or 汉字 up to 九十九); null if none. */
export function readAnswer(raw: string): number | null {
  const s = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s/g, '');
  if (/^\d{1,3}$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九])?(十)?([零一二三四五六七八九])?$/.exec(s.replace(/^〇$/, '零'));
  if (!m || !s) return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? DIGITS.indexOf(tens) : ones && !tens ? DIGITS.indexOf(ones) : null;
  return (tens ? DIGITS.indexOf(tens) : 1) * 10 + (ones ? DIGITS.indexOf(ones) : 0);
}

export class HumanCheck {
  constructor(private readonly key: Buffer) {}

  private mac(stage: Stage, issued: number, nonce: string, csrf: string, answer: number): string {
    return createHmac('sha256', this.key).update(`${stage}|${issued}|${nonce}|${csrf}|${answer}`).digest('base64url');
  }

  issue(stage: Stage, csrf: string, now = Date.now()): Challenge {
    const a = randomInt(1, 10);
    const b = randomInt(1, 10);
    const nonce = randomBytes(9).toString('base64url');
    return {
      question: `${chineseNumber(a)}加${chineseNumber(b)}等于几？`,
      token: `${stage}.${now}.${nonce}.${this.mac(stage, now, nonce, csrf, a + b)}`,
    };
  }

  /** null when the answer is right and the token fits this step, this visitor and the time. */
  verify(stage: Stage, csrf: string, token: string, answer: string, honeypot: string, now = Date.now()): CheckFailure | null {
    if (honeypot.trim()) return 'robot';
    const [tokenStage, issuedText, nonce, mac, ...rest] = token.split('.');
    const issued = Number(issuedText);
    if (tokenStage !== stage || !nonce || !mac || rest.length || !Number.isSafeInteger(issued)) return 'robot';
    if (now - issued > MAX_AGE_MS) return 'expired';
    if (now - issued < MIN_FILL_MS[stage]) return 'too_fast';
    const given = readAnswer(answer);
    if (given === null) return 'wrong';
    const expected = Buffer.from(this.mac(stage, issued, nonce, csrf, given));
    const sent = Buffer.from(mac);
    return expected.length === sent.length && timingSafeEqual(expected, sent) ? null : 'wrong';
  }
}

/**
 * The portal's human check, its key derived from the deployment's data key (DATA_KEY): every process
 * of a scaled-out deployment has the same, so a challenge one issued is checked by another, and
 * nothing new needs configuring. A keyed hash of a fixed label is a key of its own, useless for
 * opening data.
 */
export function portalHumanCheck(): HumanCheck {
  const key = dataKey();
  if (cached?.id !== key.id) cached = { id: key.id, check: new HumanCheck(Buffer.from(key.blindIndex('gongkai portal human check'), 'hex')) };
  return cached.check;
}
let cached: { id: string; check: HumanCheck } | null = null;
