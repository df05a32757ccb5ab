import { describe, expect, it } from 'vitest';
import { dcg, evaluateRuns, mean, ndcgAt, recallAt } from './relevance.js';

// a exactly what was asked, b and c relevant.
const judged = new Map([
  ['a', 2],
  ['b', 1],
  ['c', 1],
  ['z', 0],
]);

describe('dcg', () => {
  it('sums gains 2^grade − 1 discounted by log2(rank + 1), over the first k', () => {
    // 3/log2(2) + 0 + 1/log2(4)
    expect(dcg([2, 0, 1], 10)).toBeCloseTo(3.5, 10);
    expect(dcg([2, 0, 1], 1)).toBe(3);
    expect(dcg([], 10)).toBe(0);
  });
});

describe('ndcgAt', () => {
  it('is 1 for the ideal order and less for any other', () => {
    expect(ndcgAt(['a', 'b', 'c'], judged, 10)).toBeCloseTo(1, 10);
    expect(ndcgAt(['a', 'c', 'b', 'x'], judged, 10)).toBeCloseTo(1, 10);
    expect(ndcgAt(['b', 'a', 'c'], judged, 10)).toBeLessThan(1);
  });

  it('matches a hand computation', () => {
    // DCG = 3/log2(3) + 1/log2(4) = 2.392789…; ideal = 3 + 1/log2(3) + 1/2 = 4.130930…
    expect(ndcgAt(['x', 'a', 'c', 'y'], judged, 10)).toBeCloseTo(0.579237, 6);
    // One relevant item at rank 2 of a binary judgment: 1/log2(3).
    expect(ndcgAt(['x', 'y'], new Map([['y', 1]]), 10)).toBeCloseTo(0.63093, 5);
  });

  it('counts only the first k results, and a repeated result once', () => {
    expect(ndcgAt(['x', 'y', 'a'], judged, 2)).toBe(0);
    // Ideal at k = 1 is the grade-2 item alone.
    expect(ndcgAt(['a', 'x'], judged, 1)).toBe(1);
    expect(ndcgAt(['a', 'a', 'b'], new Map([['a', 2], ['b', 1]]), 10)).toBeCloseTo(1, 10);
  });

  it('is 0 when nothing relevant is found and refuses a query without relevant judgments', () => {
    expect(ndcgAt([], judged, 10)).toBe(0);
    expect(ndcgAt(['z', 'x'], judged, 10)).toBe(0);
    expect(() => ndcgAt(['a'], new Map([['a', 0]]), 10)).toThrow();
  });
});

describe('recallAt', () => {
  it('is the share of relevant items in the first k, whatever their grade', () => {
    expect(recallAt(['x', 'a', 'c', 'y'], judged, 10)).toBeCloseTo(2 / 3, 10);
    expect(recallAt(['x', 'a', 'c', 'y'], judged, 2)).toBeCloseTo(1 / 3, 10);
    expect(recallAt(['c', 'b', 'a'], judged, 10)).toBe(1);
    expect(recallAt(['z', 'b', 'b'], judged, 10)).toBeCloseTo(1 / 3, 10);
    expect(recallAt([], judged, 10)).toBe(0);
  });
});

describe('evaluateRuns', () => {
  it('averages over queries and lists the worst first', () => {
    const report = evaluateRuns(
      [
        { query: 'perfect', ranked: ['a', 'b', 'c'], judged },
        { query: 'half', ranked: ['x', 'a', 'c', 'y'], judged },
        { query: 'none', ranked: ['x'], judged },
      ],
      10,
    );
    expect(report.queries).toBe(3);
    expect(report.ndcg).toBeCloseTo((1 + 0.5792375 + 0) / 3, 6);
    expect(report.recall).toBeCloseTo((1 + 2 / 3 + 0) / 3, 10);
    expect(report.scores.map((s) => s.query)).toEqual(['none', 'half', 'perfect']);
  });

  it('has no mean of nothing', () => {
    expect(mean([1, 0])).toBe(0.5);
    expect(() => mean([])).toThrow();
  });
});
