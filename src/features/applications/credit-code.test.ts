// 统一社会信用代码 check characters (GB 32100-2015).
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code.js';

describe('统一社会信用代码', () => {
  it('accepts codes whose check character is right, in either case', () => {
    // The worked example of GB 32100-2015 (91350100M000100Y4 → 3), and one ending in a letter.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91512081MA62K0260E')).toBe(true);
    expect(isValidCreditCode('91512081ma62k0260e')).toBe(true);
  });

  it('refuses a wrong check character, a wrong length and letters outside the alphabet', () => {
    // The standard's own counter-example: Z instead of 3.
    expect(isValidCreditCode('91350100M000100Y4Z')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M0001O0Y43')).toBe(false);
  });

  it('computes 0 when the weighted sum is a multiple of 31', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });
});
