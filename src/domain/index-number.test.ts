import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_PATTERN, formatIndexNumber, serialScope, validateIndexPattern } from './index-number.js';

describe('索引号', () => {
  it('formats the gov.cn default', () => {
    expect(formatIndexNumber(DEFAULT_INDEX_PATTERN, { orgCode: 'jyj', date: '2024-03-05', serial: 17 })).toBe('jyj/2024-00017');
  });

  it('formats custom patterns', () => {
    expect(formatIndexNumber('{orgCode}-{YYYY}{MM}-{NNNN}', { orgCode: '11330382MB1234567X', date: '2026-11-23', serial: 305 })).toBe('11330382MB1234567X-202611-0305');
    expect(formatIndexNumber('{YY}.{topicCode}.{NNN}', { orgCode: 'x', date: '2026-01-02', serial: 1, topicCode: '11.02' })).toBe('26.11.02.001');
  });

  it('refuses a serial that does not fit', () => {
    expect(() => formatIndexNumber('{orgCode}-{NNN}', { orgCode: 'a', date: '2026-01-01', serial: 1000 })).toThrow(RangeError);
    expect(() => formatIndexNumber('{orgCode}-{NNN}', { orgCode: 'a', date: '2026-01-01', serial: 0 })).toThrow(RangeError);
  });

  it('validates patterns with Chinese reasons', () => {
    expect(validateIndexPattern(DEFAULT_INDEX_PATTERN)).toBeNull();
    expect(validateIndexPattern('{orgCode}/{YYYY}')).toContain('流水号');
    expect(validateIndexPattern('{orgCode}/{NN}-{NNN}')).toContain('只包含一个');
    expect(validateIndexPattern('{orgCode}/{NNNNNNNNN}')).toBe('流水号最多 8 位');
    expect(validateIndexPattern('{dept}/{NNNN}')).toContain('{dept}');
    expect(validateIndexPattern('{orgCode}第{NNNN}号')).toContain('固定字符');
  });

  it('restarts serials each year only when the pattern has the year', () => {
    const a = serialScope(DEFAULT_INDEX_PATTERN, { orgCode: 'jyj', date: '2024-12-31' });
    const b = serialScope(DEFAULT_INDEX_PATTERN, { orgCode: 'jyj', date: '2025-01-01' });
    expect(a).not.toBe(b);
    expect(serialScope('{orgCode}-{NNNNNN}', { orgCode: 'jyj', date: '2024-12-31' })).toBe(serialScope('{orgCode}-{NNNNNN}', { orgCode: 'jyj', date: '2025-01-01' }));
    expect(serialScope(DEFAULT_INDEX_PATTERN, { orgCode: 'zjj', date: '2024-01-01' })).not.toBe(a);
  });
});
