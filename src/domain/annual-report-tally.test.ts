import { describe, expect, it } from 'vitest';
import { tallyApplications, type CaseHistory } from './annual-report-tally.js';

const person = (receivedOn: string, decisions: CaseHistory['decisions'] = [], reopenings: string[] = []): CaseHistory => ({ applicantKind: 'person', receivedOn, decisions, reopenings });

describe('table 三 from the cases', () => {
  const cases: CaseHistory[] = [
    // Received and answered in 2025.
    person('2025-03-02', [{ on: '2025-03-20', outcome: 'disclosed' }]),
    // Received in late December, answered in January: carried out of 2025, into 2026.
    person('2025-12-24', [{ on: '2026-01-16', outcome: 'partly_disclosed' }]),
    // A business's request still open at the end of 2026.
    { applicantKind: 'business', receivedOn: '2026-12-28', decisions: [], reopenings: [] },
    // Answered in 2025, corrected by reconsideration in 2026 and answered again in 2026.
    person('2025-05-06', [
      { on: '2025-05-30', outcome: 'withheld.third_party' },
      { on: '2026-04-10', outcome: 'partly_disclosed' },
    ], ['2026-03-02']),
    // The correction lapsed (逾期不补正) on the last day of 2026.
    person('2026-12-01', [{ on: '2026-12-31', outcome: 'other.no_correction' }]),
  ];

  it('counts each case once in each year, by receipt, decision and what is open at the year’s ends', () => {
    const y2025 = tallyApplications(cases, 2025);
    expect(y2025.received.person).toBe(3);
    expect(y2025.carriedIn.total).toBe(0);
    expect(y2025.disclosed.person).toBe(1);
    expect(y2025['withheld.third_party'].person).toBe(1);
    expect(y2025.total.total).toBe(2);
    expect(y2025.carriedOut).toMatchObject({ person: 1, total: 1 });

    const y2026 = tallyApplications(cases, 2026);
    // Received: the business's and the December 2026 person's, and the reopened case (again).
    expect(y2026.received).toMatchObject({ person: 2, business: 1, total: 3 });
    expect(y2026.carriedIn).toMatchObject({ person: 1, total: 1 });
    expect(y2026.partly_disclosed.person).toBe(2);
    expect(y2026['other.no_correction'].person).toBe(1);
    expect(y2026.carriedOut).toMatchObject({ business: 1, person: 0, total: 1 });
  });

  it('keeps the identities: received + carried in = decided + carried out, and this year’s carried-in = last year’s carried-out', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      const t = tallyApplications(cases, year);
      for (const col of ['person', 'business', 'total'] as const) expect(t.received[col] + t.carriedIn[col]).toBe(t.total[col] + t.carriedOut[col]);
      expect(t.carriedIn).toEqual(tallyApplications(cases, year - 1).carriedOut);
    }
  });

  it('counts a reopening of a case still open, or a second decision of a closed one, once', () => {
    const odd = [person('2026-02-02', [{ on: '2026-05-06', outcome: 'other.no_correction' }], ['2026-04-01']), person('2026-02-03', [{ on: '2026-03-02', outcome: 'disclosed' }, { on: '2026-03-09', outcome: 'disclosed' }])];
    const t = tallyApplications(odd, 2026);
    expect(t.received.person).toBe(2);
    expect(t.total.person).toBe(2);
    expect(t.carriedOut.person).toBe(0);
  });

  it('counts a case answered on the day it came in as received and decided, not carried out', () => {
    // 当场答复: received and replied on 2026-12-31, the last day of the year.
    const t = tallyApplications([person('2026-12-31', [{ on: '2026-12-31', outcome: 'disclosed' }])], 2026);
    expect([t.received.person, t.disclosed.person, t.total.person, t.carriedOut.person]).toEqual([1, 1, 1, 0]);
    expect(tallyApplications([person('2026-12-31', [{ on: '2026-12-31', outcome: 'disclosed' }])], 2027).carriedIn.person).toBe(0);
  });

  it('puts a decision before a reopening on the same day: the case is open again at the day’s end', () => {
    const t = tallyApplications([person('2026-03-01', [{ on: '2026-04-01', outcome: 'disclosed' }], ['2026-04-01'])], 2026);
    expect([t.received.person, t.total.person, t.carriedOut.person]).toEqual([2, 1, 1]);
  });
});
