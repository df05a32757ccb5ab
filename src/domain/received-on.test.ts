import { describe, it, expect } from 'vitest';
import { APPLICATION_CHANNELS, APPLICATION_CHANNEL_LABELS, ReceivedOnError, determineReceivedOn, isApplicationChannel } from './received-on.js';
import type { ReceivedOnFacts } from './received-on.js';

function refusal(facts: ReceivedOnFacts, today?: string): ReceivedOnError {
  try {
    determineReceivedOn(facts, today);
  } catch (e) {
    expect(e).toBeInstanceOf(ReceivedOnError);
    return e as ReceivedOnError;
  }
  throw new Error('expected a refusal');
}

describe('收到申请之日 by channel (条例第三十一条)', () => {
  it('in person: the day submitted (（一）)', () => {
    const r = determineReceivedOn({ channel: 'in_person', submittedOn: '2024-09-27' });
    expect(r.receivedOn).toBe('2024-09-27');
    expect(r.basis).toBe('第三十一条第（一）项');
    expect(r.text).toBe(
      '《中华人民共和国政府信息公开条例》第三十一条第（一）项：当面提交的，以提交之日为收到申请之日。本申请当面提交，提交日期为2024年9月27日，收到申请之日为2024年9月27日。',
    );
    expect(r.warnings).toEqual([]);
  });

  it('registered post: the day the agency signs for it, not the day it was posted (（二）)', () => {
    const r = determineReceivedOn({ channel: 'registered_post', submittedOn: '2025-01-20', signedForOn: '2025-01-24' });
    expect(r.receivedOn).toBe('2025-01-24');
    expect(r.basis).toBe('第三十一条第（二）项');
    expect(r.text).toContain('以行政机关签收之日为收到申请之日');
  });

  it('ordinary letter: the day the office confirms with the applicant (（二）)', () => {
    const r = determineReceivedOn({ channel: 'ordinary_letter', arrivedOn: '2024-04-03', confirmedOn: '2024-04-03' });
    expect(r.receivedOn).toBe('2024-04-03');
    expect(r.warnings).toEqual([]);
    expect(r.text).toContain('与申请人确认之日');
  });

  it('ordinary letter confirmed late: the confirmation day counts, the delay is noted', () => {
    const r = determineReceivedOn({ channel: 'ordinary_letter', arrivedOn: '2024-04-03', confirmedOn: '2024-04-08' });
    expect(r.receivedOn).toBe('2024-04-08');
    expect(r.warnings).toEqual(['平常信函于2024年4月3日到达，应当于收到当日与申请人确认，实际于2024年4月8日确认']);
  });

  it.each(['online', 'fax', 'email'] as const)('%s: the day both sides confirm (（三）)', (channel) => {
    const r = determineReceivedOn({ channel, submittedOn: '2024-12-31', confirmedOn: '2025-01-02' });
    expect(r.receivedOn).toBe('2025-01-02');
    expect(r.basis).toBe('第三十一条第（三）项');
    expect(r.text).toContain('以双方确认之日为收到申请之日');
  });
});

describe('refusals (Chinese messages)', () => {
  it('refuses when the fact the channel needs is missing', () => {
    expect(refusal({ channel: 'in_person' }).message).toBe('申请渠道为“当面提交”时须登记提交日期，才能确定收到申请之日（条例第三十一条第（一）项）');
    expect(refusal({ channel: 'registered_post', submittedOn: '2024-01-02' }).message).toContain('须登记签收日期');
    expect(refusal({ channel: 'ordinary_letter', arrivedOn: '2024-01-02' }).message).toContain('须登记与申请人确认的日期');
    const e = refusal({ channel: 'online', submittedOn: '2024-01-02', confirmedOn: null });
    expect(e.code).toBe('missing_fact');
    expect(e.message).toContain('须登记双方确认的日期');
  });

  it('refuses an unknown channel, an invalid date, a date after today', () => {
    expect(refusal({ channel: 'pigeon' as never, submittedOn: '2024-01-02' }).code).toBe('unknown_channel');
    const bad = refusal({ channel: 'in_person', submittedOn: '2024-02-30' });
    expect(bad.code).toBe('invalid_date');
    expect(bad.message).toBe('提交日期不是有效日期：2024-02-30');
    const future = refusal({ channel: 'fax', submittedOn: '2024-05-06', confirmedOn: '2024-05-08' }, '2024-05-07');
    expect(future.code).toBe('future_date');
    expect(future.message).toBe('确认日期（2024年5月8日）晚于今天，不能登记');
  });

  it('refuses a confirmation before what it confirms', () => {
    expect(refusal({ channel: 'email', submittedOn: '2024-05-06', confirmedOn: '2024-05-05' }).message).toBe(
      '双方确认的日期（2024年5月5日）早于提交日期（2024年5月6日）',
    );
    expect(refusal({ channel: 'ordinary_letter', arrivedOn: '2024-05-06', confirmedOn: '2024-05-01' }).code).toBe('inconsistent');
  });
});

describe('channels as data', () => {
  it('each has a Chinese label', () => {
    for (const c of APPLICATION_CHANNELS) expect(APPLICATION_CHANNEL_LABELS[c]).toMatch(/[\u4e00-\u9fff]/);
    expect(isApplicationChannel('registered_post')).toBe(true);
    expect(isApplicationChannel('post')).toBe(false);
  });
});
