import { describe, expect, it } from 'vitest';
import { anyOf, bucketsFor, facetLexemes, facetVectorLiteral, recentYears, SAMPLE_BUCKETS, withTerms } from './search-facets.js';
import { parseQuery } from './search-text.js';

const policy = { kind: 'policy', orgId: 12, year: 2024, docType: 'normative', topic: '11.02', validity: 'in_force', publishedYear: 2025, sampleKey: 130 };

describe('facet lexemes', () => {
  it('marks every facet value, both topic levels, the publication year and the sample bucket', () => {
    expect(facetLexemes(policy).sort()).toEqual(['§b:2', '§d:normative', '§k:policy', '§o:12', '§p:2025', '§t:11', '§t:11.02', '§v:in_force', '§y:2024'].sort());
  });

  it('leaves out what an answer does not have', () => {
    expect(facetLexemes({ kind: 'answer', orgId: 3, year: null, docType: null, topic: '', validity: null, publishedYear: 2026, sampleKey: 64 })).toEqual(['§k:answer', '§o:3', '§p:2026', '§b:0']);
  });

  it('writes them as tsvector entries and tsquery terms', () => {
    expect(facetVectorLiteral(policy)).toContain("'§o:12'");
    expect(withTerms("'道路' & '管理'", [anyOf('b', [0, 1])])).toBe("('道路' & '管理') & ('§b:0' | '§b:1')");
    expect(withTerms("'道路'", [])).toBe("'道路'");
  });

  it('cannot be reached from a citizen query: the mark does not survive normalization', () => {
    expect(parseQuery('§o:12 §k:policy').tsquery).not.toContain('§');
  });
});

describe('sampling', () => {
  it('reads every bucket for a small total and a share for a large one', () => {
    expect(bucketsFor(900, 2000)).toBe(SAMPLE_BUCKETS);
    expect(bucketsFor(64_000, 2000)).toBe(2);
    expect(bucketsFor(10_000_000, 2000)).toBe(1);
    expect(bucketsFor(3000, 2000)).toBe(43);
  });

  it('takes the newest years until enough matches are reached', () => {
    const counts = [
      { year: 2024, count: 500 },
      { year: 2026, count: 300 },
      { year: 2025, count: 400 },
      { year: 2023, count: 900 },
    ];
    expect(recentYears(counts, 600)).toEqual([2026, 2025]);
    expect(recentYears(counts, 5000)).toEqual([2026, 2025, 2024, 2023]);
  });
});
