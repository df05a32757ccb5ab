// The applicant's 查询码: with the application number it opens the tracking page (and the letters
// addressed to the applicant). Given once, at submission; only a hash is stored, so a copy of the
// database does not open anyone's case.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** Without 0/O, 1/I/L: the code is read off paper and typed by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const QUERY_CODE_LENGTH = 8;

export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What people type: lower case, spaces and dashes between groups. */
export function normalizeQueryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** sha256 of the number and the code: the same code on another application hashes differently. */
export function hashQueryCode(number: string, code: string): string {
  return createHash('sha256').update(`${number}\n${normalizeQueryCode(code)}`).digest('hex');
}

// Compared when no application has the number, so that a wrong number costs as long as a wrong code.
const NO_SUCH_HASH = hashQueryCode('', '');

/**
 * True when the code opens the application stored with this hash (null: no such number). Constant
 * time: how long the answer takes says nothing about how much of the code was right.
 */
export function verifyQueryCode(number: string, code: string, storedHash: string | null): boolean {
  const given = Buffer.from(hashQueryCode(number, code), 'hex');
  const stored = Buffer.from(storedHash ?? NO_SUCH_HASH, 'hex');
  const same = given.length === stored.length && timingSafeEqual(given, stored);
  return same && storedHash !== null;
}
