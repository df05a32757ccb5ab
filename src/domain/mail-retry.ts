// When a mail that could not be sent is tried again. An SMTP server that is down for a while (a
// restart, a night's maintenance, a weekend) must not lose the applicant's letter, but a mail that
// keeps failing must stop being tried and show as failed: after the last delay it is given up.

/** Minutes to wait after the 1st, 2nd … failed attempt; after the last of them the mail is given up. */
export const MAIL_RETRY_MINUTES = [1, 5, 30, 120, 480, 1440, 1440] as const;

/** Attempts in all: the first try and one after each delay. */
export const MAIL_MAX_ATTEMPTS = MAIL_RETRY_MINUTES.length + 1;

/**
 * How long to wait before the next attempt, given how many attempts have failed so far (≥ 1);
 * null when that was the last one (the mail is then marked failed).
 */
export function mailRetryDelayMs(failedAttempts: number): number | null {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) throw new RangeError(`失败次数必须是正整数：${failedAttempts}`);
  const minutes = MAIL_RETRY_MINUTES[failedAttempts - 1];
  return minutes === undefined ? null : minutes * 60_000;
}
