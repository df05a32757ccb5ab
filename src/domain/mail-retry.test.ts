import { describe, expect, it } from 'vitest';
import { MAIL_MAX_ATTEMPTS, mailRetryDelayMs } from './mail-retry.js';

describe('mail retry schedule', () => {
  it('waits longer after each failure: 1, 5, 30 minutes, 2 and 8 hours, then a day twice', () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7].map((n) => mailRetryDelayMs(n)! / 60_000);
    expect(minutes).toEqual([1, 5, 30, 120, 480, 1440, 1440]);
  });

  it('gives up after the last attempt (about two and a half days after the first)', () => {
    expect(MAIL_MAX_ATTEMPTS).toBe(8);
    expect(mailRetryDelayMs(MAIL_MAX_ATTEMPTS)).toBeNull();
    expect(mailRetryDelayMs(MAIL_MAX_ATTEMPTS + 3)).toBeNull();
  });

  it('refuses a count that is not a failure count', () => {
    expect(() => mailRetryDelayMs(0)).toThrow(RangeError);
    expect(() => mailRetryDelayMs(1.5)).toThrow(RangeError);
  });
});
