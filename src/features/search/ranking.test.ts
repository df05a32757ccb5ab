// Which matches are ranked (rankedSet): all of a few; of very many, the newest years', sampled when
// even the newest year alone holds far more than are ranked.
import { describe, expect, it } from 'vitest';
import { rankedSet, RANKED_MATCHES } from './ranking.js';

const q = "'道路' & '管理'";
const years = (counts: Record<number, number>) => Object.entries(counts).map(([year, count]) => ({ year: Number(year), count }));

describe('rankedSet', () => {
  it('ranks every match when there are few', () => {
    expect(rankedSet(q, 900, years({ 2026: 300, 2025: 600 }))).toBe(q);
  });

  it('ranks the newest years until they hold enough, with every answer', () => {
    expect(rankedSet(q, 13_000, years({ 2026: 900, 2025: 1700, 2024: 1100 }))).toBe(`(${q}) & ((('§p:2026' | '§p:2025')) | '§k:answer')`);
    expect(rankedSet(q, 39_000, years({ 2026: 3900, 2025: 3200 }))).toBe(`(${q}) & ((('§p:2026')) | '§k:answer')`);
  });

  it('samples the newest year when a sample of at most four buckets holds the matches ranked, with a quarter to spare', () => {
    const set = rankedSet(q, 117_000, years({ 2026: 12_000, 2025: 10_500 }));
    expect(set).toBe(`(${q}) & ((('§p:2026') & ('§b:0' | '§b:1' | '§b:2' | '§b:3')) | '§k:answer')`);
    // 4 of 64 buckets of 12,000: 750, the RANKED_MATCHES with a quarter to spare.
    expect((12_000 * 4) / 64).toBeGreaterThanOrEqual(1.25 * RANKED_MATCHES);
    // 9,000 sampled the same way would be 562 (too close to the 500 ranked), 3,900 244: read whole.
    expect(rankedSet(q, 39_000, years({ 2026: 9000 }))).not.toContain('§b:');
    expect(rankedSet(q, 39_000, years({ 2026: 3900 }))).not.toContain('§b:');
  });
});
