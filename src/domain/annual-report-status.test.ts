import { describe, expect, it } from 'vitest';
import { draftSections, unfinishedSections, type DraftFacts } from './annual-report-draft.js';
import { reportDeadline, reportStanding } from './annual-report-status.js';

describe('report deadlines and statuses (条例第四十九条)', () => {
  it('gives departments and townships 31 January and the government 31 March of the next year', () => {
    expect(reportDeadline('department', 2026)).toBe('2027-01-31');
    expect(reportDeadline('township', 2026)).toBe('2027-01-31');
    expect(reportDeadline('government', 2026)).toBe('2027-03-31');
  });

  it('is late only once the deadline has passed unpublished, and keeps a late publication as published', () => {
    const at = (today: string, status: 'draft' | 'published' | null, publishedOn: string | null = null) =>
      reportStanding({ orgKind: 'department', year: 2026, status, publishedOn, today });
    expect(at('2027-01-31', null).progress).toBe('not_started');
    expect(at('2027-01-31', 'draft').progress).toBe('draft');
    expect(at('2027-02-01', 'draft').progress).toBe('late');
    expect(at('2027-02-01', null).progress).toBe('late');
    expect(at('2027-02-10', 'published', '2027-02-03')).toEqual({ progress: 'published', deadline: '2027-01-31', publishedLate: true });
    expect(at('2027-02-10', 'published', '2027-01-30').publishedLate).toBe(false);
  });
});

describe('the draft text', () => {
  const facts: DraftFacts = {
    orgName: '示例县教育局',
    year: 2026,
    documentsPublished: 120,
    interpretationsPublished: 6,
    normativeMade: 2,
    applications: { received: 10, carriedIn: 1, decided: 9, carriedOut: 2, replied: 8, repliedInTime: 8 },
    appeals: { reconsideration: 0, litigation: 0, corrected: 0 },
    feesYuan: 35.5,
    hasLastYear: true,
  };

  it('reports the figures, the fees collected and last year to follow up, and marks what staff must write', () => {
    const s = draftSections(facts);
    expect(s.overview).toContain('主动公开政府信息120条，发布政策解读6篇，制发行政规范性文件2件。');
    expect(s.overview).toContain('全年作出答复8件，其中在法定期限内答复8件，占100%。');
    expect(s.overview).toContain('全年未发生因政府信息公开引起的行政复议和行政诉讼');
    expect(s.problems).toContain('针对2025年年度报告所列问题');
    expect(s.other).toBe('本年度收取信息处理费35.50元。');
    expect(draftSections({ ...facts, feesYuan: null }).other).toBe('本年度未收取信息处理费。');
    expect(unfinishedSections(s).map((i) => i.section)).toEqual(['overview', 'problems']);
    expect(unfinishedSections({ ...s, overview: '已改写', problems: '已改写' })).toEqual([]);
  });
});
