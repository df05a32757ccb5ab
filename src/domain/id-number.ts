// 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence, and a check
// digit by ISO 7064 MOD 11-2. Used to find personal data in documents and to validate applicants.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

function realDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidIdNumber(s: string): boolean {
  if (!/^[1-8]\d{5}\d{8}\d{3}[\dXx]$/.test(s)) return false;
  if (!realDate(s.slice(6, 14))) return false;
  return idCheckDigit(s.slice(0, 17)) === s[17].toUpperCase();
}

/** '110105********002X': enough to locate the number without repeating it. */
export function maskIdNumber(s: string): string {
  return `${s.slice(0, 6)}${'*'.repeat(Math.max(s.length - 10, 0))}${s.slice(-4)}`;
}
