// The annual report's figures computed from what was recorded: table 三 from cases registered and
// answered on real dates across a year end, table 四 from the demo's appeals, a government's report
// covering its departments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { findOrgByCode } from '../orgs/organizations.js';
import { fact, registerInPerson } from '../applications/test-fixtures.js';
import { annualReportCommand, ReportUsageError } from './command.js';
import { computeTables } from './tables.js';

let t: TestApp;
let handler: TestClient;

const tables = async (code: string, year: number) => computeTables(t.database.db, (await findOrgByCode(t.database.db, code))!, year);

beforeAll(async () => {
  t = await startTestApp();
  handler = await t.client('jyj_handler');
  const jyj = (await findOrgByCode(t.database.db, 'jyj'))!.id;
  // 2024: one answered in the year, one received on 30 December and answered in January 2025.
  const a = await registerInPerson(handler, jyj, '2024-03-04');
  await fact(handler, a.id, 'reply', { outcome: 'disclosed', on: '2024-03-20' });
  const b = await registerInPerson(handler, jyj, '2024-12-30');
  await fact(handler, b.id, 'reply', { outcome: 'unavailable.not_held', on: '2025-01-10' });
  // A business's request in 2024, partly disclosed in 2024.
  const c = await registerInPerson(handler, jyj, '2024-06-03', {
    applicantKind: 'business',
    applicant: { name: '示例县某某建材有限公司', creditCode: '91110101MA00000018', legalRepresentative: '李四', contactName: '王五', phone: '0000-62109999', address: '示例县工业园区1号' },
    forms: ['paper'],
    delivery: ['post'],
  });
  await fact(handler, c.id, 'reply', { outcome: 'partly_disclosed', basis: '《中华人民共和国政府信息公开条例》第十五条', on: '2024-06-28' });
});
afterAll(() => t.close());

describe('table 三 computed from the cases', () => {
  it('counts receipts, decisions by outcome and what is carried across the year end, by applicant kind', async () => {
    const y2024 = (await tables('jyj', 2024)).applications;
    expect(y2024.received).toMatchObject({ person: 2, business: 1, total: 3 });
    expect(y2024.carriedIn.total).toBe(0);
    expect(y2024.disclosed).toMatchObject({ person: 1, total: 1 });
    expect(y2024.partly_disclosed).toMatchObject({ business: 1, total: 1 });
    expect(y2024.total).toMatchObject({ person: 1, business: 1, total: 2 });
    expect(y2024.carriedOut).toMatchObject({ person: 1, total: 1 });

    const y2025 = (await tables('jyj', 2025)).applications;
    expect(y2025.carriedIn).toEqual(y2024.carriedOut);
    expect(y2025['unavailable.not_held']).toMatchObject({ person: 1, total: 1 });
  });

  it('keeps received + carried in = total + carried out in every column, for the department and its government', async () => {
    for (const code of ['jyj', 'sxx']) {
      for (const year of [2024, 2025, 2026]) {
        const a = (await tables(code, year)).applications;
        for (const col of ['person', 'business', 'research', 'nonprofit', 'legal_services', 'other', 'total'] as const) {
          expect(a.received[col] + a.carriedIn[col], `${code} ${year} ${col}`).toBe(a.total[col] + a.carriedOut[col]);
        }
      }
    }
  });

  it('covers the departments in the government’s report, and counts a transferred case once, where it went', async () => {
    const government = (await tables('sxx', 2026)).applications;
    const [jyj, zjj, cgz, zfb] = await Promise.all(['jyj', 'zjj', 'cgz', 'zfb'].map(async (code) => (await tables(code, 2026)).applications.received.total));
    // The demo's cases are the 教育局's, the 住建局's, the 城关镇's and the 政府办's; the 政府办 sent
    // its one case on to the 教育局, which counts it.
    expect(zfb).toBe(0);
    expect(jyj! * zjj! * cgz!).toBeGreaterThan(0);
    expect(government.received.total).toBe(jyj! + zjj! + cgz!);
  });
});

describe('table 四 computed from the appeals', () => {
  it('counts the demo’s appeals filed this year by their result at year end', async () => {
    const year = Number((await t.database.db.execute(`select to_char(now() at time zone 'Asia/Shanghai', 'YYYY') as y`) as unknown as { rows: { y: string }[] }).rows[0]!.y);
    const { appeals } = await tables('sxx', year);
    expect(appeals.reconsideration).toMatchObject({ upheld: 1, corrected: 1, total: 2 });
    expect(appeals.litigationDirect).toMatchObject({ pending: 1, total: 1 });
    expect(appeals.litigationAfterReconsideration.total).toBe(0);
  });
});

describe('gongkai report annual', () => {
  it('prints the computed tables as JSON in the shape of issue #6, and refuses a bad year, format or organization', async () => {
    let out = '';
    expect(await annualReportCommand(t.database.db, { org: 'jyj', year: '2024', format: 'json' }, (text) => (out += text))).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ org: { code: 'jyj', name: '示例县教育局' }, year: 2024 });
    expect(report.tables.applications.received).toMatchObject({ person: 2, business: 1, total: 3 });
    expect(report.tables.applications.carriedOut.total).toBe(1);
    expect(Object.keys(report.tables.appeals)).toEqual(['reconsideration', 'litigationDirect', 'litigationAfterReconsideration']);
    expect(report.tables.proactive.normativeDocuments).toEqual({ made: expect.any(Number), repealed: expect.any(Number), inForce: expect.any(Number) });
    // The computed tables hold together; what other systems hold (行政许可 …) is still to be entered.
    expect(report.validation.errors.map((e: { section: string }) => e.section)).toEqual(expect.arrayContaining(['proactive']));
    expect(report.validation.errors.filter((e: { section: string }) => e.section !== 'proactive')).toEqual([]);
    await expect(annualReportCommand(t.database.db, { org: 'jyj', year: '24', format: 'json' })).rejects.toThrow(ReportUsageError);
    await expect(annualReportCommand(t.database.db, { org: 'jyj', year: '2024', format: 'pdf' })).rejects.toThrow(/输出格式应为 json、html 或 docx/);
    await expect(annualReportCommand(t.database.db, { org: 'nope', year: '2024', format: 'json' })).rejects.toThrow(/找不到机构代码/);
  });
});
