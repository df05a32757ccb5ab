import { describe, expect, it } from 'vitest';
import { idCheckDigit, isValidIdNumber, maskIdNumber } from './id-number.js';

const withCheck = (first17: string) => first17 + idCheckDigit(first17);

describe('居民身份证号码 (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '11010519491231002x'])('accepts the well-known valid number %s', (n) => {
    expect(isValidIdNumber(n)).toBe(true);
  });

  it('accepts numbers built with the MOD 11-2 check digit, including leap days', () => {
    for (const first17 of ['33038219850615001', '11010120000229123', '65010219991231456', '53010219000101000']) {
      expect(isValidIdNumber(withCheck(first17))).toBe(true);
    }
  });

  it('refuses a wrong check digit', () => {
    expect(isValidIdNumber('110101199003077777')).toBe(false);
    expect(isValidIdNumber('11010519491231002Y')).toBe(false);
    const good = withCheck('33038219850615001');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(isValidIdNumber(wrong)).toBe(false);
  });

  it('refuses impossible birth dates, bad area codes and wrong lengths', () => {
    expect(isValidIdNumber(withCheck('33038219900230001'))).toBe(false); // 2月30日
    expect(isValidIdNumber(withCheck('11010119010229001'))).toBe(false); // 1901 is no leap year
    expect(isValidIdNumber(withCheck('33038218991231001'))).toBe(false); // before 1900
    expect(isValidIdNumber(withCheck('93038219850615001'))).toBe(false); // area code starts with 9
    expect(isValidIdNumber('1101051949123100')).toBe(false);
    expect(isValidIdNumber('11010519491231002XX')).toBe(false);
    expect(isValidIdNumber('11010519491231A02X')).toBe(false);
  });

  it('masks all but the area code and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
