// Annual reports stored and worked on (issue #6 items 2, 3, 4, 6, 7): a draft from the recorded cases,
// completed and refreshed, the 洪泽区 reports entered as drafts and checked, publishing blocked by errors
// and held for warnings, a past year's report entered as published and used by the next year's check,
// department isolation, and every report's status under a moved clock.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { hongzeReport } from '../../../test/fixtures/annual-report/hongze.js';
import { fact, registerInPerson } from '../applications/test-fixtures.js';
import { findOrgByCode } from '../orgs/organizations.js';
import { auditLog } from '../orgs/schema.js';
import { importReportCommand, ReportFileError } from './entered.js';
import { readFileSync } from 'node:fs';

let t: TestApp;
let jyjEditor: TestClient;
let zjjEditor: TestClient;
let admin: TestClient;
const org = async (code: string) => (await findOrgByCode(t.database.db, code))!.id;

beforeAll(async () => {
  t = await startTestApp();
  [jyjEditor, zjjEditor, admin] = await Promise.all([t.client('jyj_editor'), t.client('zjj_editor'), t.client('admin')]);
  const handler = await t.client('jyj_handler');
  const jyj = await org('jyj');
  // 2024: one answered in time, one answered after its due date, one carried into 2025.
  const a = await registerInPerson(handler, jyj, '2024-03-04');
  await fact(handler, a.id, 'reply', { outcome: 'disclosed', on: '2024-03-20' });
  const b = await registerInPerson(handler, jyj, '2024-04-01');
  await fact(handler, b.id, 'reply', { outcome: 'unavailable.not_held', on: '2024-06-28' });
  await registerInPerson(handler, jyj, '2024-12-30');
});
afterAll(() => t.close());

const draft = async (client: TestClient, body: Record<string, unknown>) => client.send('POST', '/api/v1/annual-reports/drafts', body);

/** A draft of the organization for the year with the tables and text of a 洪泽区 report typed in. */
async function hongzeDraft(client: TestClient, orgId: number, year: 2023 | 2024, from: 2023 | 2024 = year) {
  const res = await draft(client, { orgId, year });
  expect(res.statusCode, res.body).toBe(201);
  const h = hongzeReport(from);
  const patched = await client.send('PATCH', `/api/v1/annual-reports/${res.json().report.id}`, { tables: h.tables, sections: h.sections });
  expect(patched.statusCode, patched.body).toBe(200);
  return patched.json();
}

describe('a draft from the data', () => {
  it('computes the tables, writes sections 一, 五 and 六 from the figures, and flags what is still to be entered', async () => {
    const res = await draft(jyjEditor, { year: 2024 });
    expect(res.statusCode, res.body).toBe(201);
    const { report } = res.json();
    expect(report).toMatchObject({ year: 2024, status: 'draft', source: 'system', canEdit: true, canPublish: false });
    expect(report.tables.applications.received.total).toBe(3);
    expect(report.tables.applications.carriedOut.total).toBe(1);
    expect(report.tables.proactive.licensing).toBeNull();
    expect(report.sections.overview).toContain('全年新收政府信息公开申请3件，上年结转0件；办理完结2件，结转下年度继续办理1件。全年作出答复2件，其中在法定期限内答复1件，占50%。');
    expect(report.sections.problems).toContain('本年有1件政府信息公开申请未在法定期限内答复');
    expect(report.sections.other).toBe('本年度未收取信息处理费。');
    const messages = report.validation.errors.map((e: { message: string }) => e.message).join('\n');
    expect(messages).toMatch(/「行政许可」「本年处理决定数量」未填写/);
    expect(messages).toMatch(/一、总体情况：还有“【待填写…】”的内容/);
  });

  it('keeps the figures entered and the text staff rewrote when refreshed, and writes the text anew only when asked', async () => {
    const { report } = (await draft(jyjEditor, { year: 2024 })).json();
    const res = await jyjEditor.send('PATCH', `/api/v1/annual-reports/${report.id}`, {
      tables: { proactive: { licensing: 12, penalties: 0, enforcement: 0, feesTenThousandYuan: 1.25 } },
      sections: { overview: '2024年，示例县教育局认真贯彻《条例》。' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.targetType, 'annual_report'), eq(auditLog.targetId, String(report.id))));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['annual_report.figures', 'annual_report.section']));
    expect(audits.find((a) => a.action === 'annual_report.figures')!.summary).toContain('表二「行政许可」「本年处理决定数量」 未填→12');

    const refreshed = await draft(jyjEditor, { year: 2024 });
    expect(refreshed.statusCode).toBe(200);
    const again = refreshed.json().report;
    expect(again.tables.proactive).toMatchObject({ licensing: 12, feesTenThousandYuan: 1.25 });
    expect(again.sections.overview).toBe('2024年，示例县教育局认真贯彻《条例》。');
    expect(again.sections.problems).toContain('【待填写');

    const rewritten = (await draft(jyjEditor, { year: 2024, rewriteSections: true })).json().report;
    expect(rewritten.sections.overview).toContain('全年新收政府信息公开申请3件');
    expect(rewritten.tables.proactive.licensing).toBe(12);
  });

  it('refuses figures that are not whole, negative or finer than one yuan, with a Chinese message', async () => {
    const { report } = (await draft(jyjEditor, { year: 2024 })).json();
    await expectRefused(t, () => jyjEditor.send('PATCH', `/api/v1/annual-reports/${report.id}`, { tables: { proactive: { licensing: -1 } } }), 400, /./);
    await expectRefused(t, () => jyjEditor.send('PATCH', `/api/v1/annual-reports/${report.id}`, { tables: { proactive: { feesTenThousandYuan: 1.23456 } } }), 400, /最多保留四位小数/);
  });

  it("keeps a department's editor out of another department's report", async () => {
    const { report } = (await draft(jyjEditor, { year: 2024 })).json();
    await expectRefused(t, () => zjjEditor.send('PATCH', `/api/v1/annual-reports/${report.id}`, { sections: { other: '无' } }), 403, /无权修改该年度报告/);
    await expectRefused(t, () => draft(zjjEditor, { orgId: report.org.id, year: 2024 }), 403, /无权编写该机构的年度报告/);
    await expectRefused(t, () => zjjEditor.send('POST', `/api/v1/annual-reports/${report.id}/publish`, {}), 403, /无权/);
    expect((await zjjEditor.get(`/api/v1/annual-reports/${report.id}`)).statusCode).toBe(403);
  });
});

describe('checking and publishing', () => {
  it('finds no error in the 洪泽区 2024 figures, holds publishing for the warnings until confirmed, then refuses changes', async () => {
    const zjj = await org('zjj');
    const report = await hongzeDraft(zjjEditor, zjj, 2024);
    const checked = (await zjjEditor.send('POST', `/api/v1/annual-reports/${report.id}/check`)).json();
    expect(checked.validation.errors).toEqual([]);
    expect(checked.validation.warnings.length).toBeGreaterThan(0);

    await expectRefused(t, () => zjjEditor.send('POST', `/api/v1/annual-reports/${report.id}/publish`, {}), 403, /需公开办负责人/);
    const held = await admin.send('POST', `/api/v1/annual-reports/${report.id}/publish`, {});
    expect(held.statusCode).toBe(409);
    expect(held.json().error.message).toMatch(/项提示，请逐项核对/);
    expect(held.json().error.details.warnings.length).toBe(checked.validation.warnings.length);

    const published = await admin.send('POST', `/api/v1/annual-reports/${report.id}/publish`, { confirmWarnings: true });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', canEdit: false });
    await expectRefused(t, () => zjjEditor.send('PATCH', `/api/v1/annual-reports/${report.id}`, { sections: { other: '无' } }), 409, /已经发布，不能再修改/);
    await expectRefused(t, () => draft(zjjEditor, { year: 2024 }), 409, /已经发布，不能重新生成/);
  });

  it("flags the 洪泽区 2023 table 四 and refuses to publish, listing the error", async () => {
    const cgz = await org('cgz');
    const report = await hongzeDraft(await t.client('cgz_editor'), cgz, 2023);
    const errors = report.validation.errors as { section: string; row: string; column: string; message: string }[];
    // Table 四 as printed: 总计 0 under 维持 10 (and under the lawsuits after reconsideration); nothing else.
    expect(errors.map((e) => [e.section, e.row, e.column])).toEqual([
      ['appeals', 'reconsideration', 'total'],
      ['appeals', 'litigationAfterReconsideration', 'total'],
    ]);
    await expectRefused(t, () => admin.send('POST', `/api/v1/annual-reports/${report.id}/publish`, { confirmWarnings: true }), 409, /有 2 处错误，改正后才能发布：\n1\. 四、政府信息公开行政复议、行政诉讼情况：「行政复议」的「总计」应为/);
  });
});

describe('a past year entered', () => {
  it('stores a report published elsewhere as published, with its errors, and checks the next year against it', async () => {
    const fgj = await org('fgj');
    const h2023 = hongzeReport(2023);
    // As if 2023 had carried three cases of natural persons into 2024.
    h2023.tables.applications.carriedOut.person = 3;
    h2023.tables.applications.carriedOut.total = 3;
    const res = await admin.send('POST', '/api/v1/annual-reports/entered', { orgId: fgj, year: 2023, publishedOn: '2024-01-26', tables: h2023.tables, sections: h2023.sections });
    expect(res.statusCode, res.body).toBe(201);
    const entered = res.json();
    expect(entered).toMatchObject({ status: 'published', source: 'entered', publishedOn: '2024-01-26' });
    expect(entered.validation.errors.map((e: { section: string }) => e.section)).toEqual(expect.arrayContaining(['appeals']));

    await expectRefused(t, () => admin.send('POST', '/api/v1/annual-reports/entered', { orgId: fgj, year: 2023, publishedOn: '2024-01-26', tables: h2023.tables }), 409, /2024年1月26日发布，不能重复录入/);
    await expectRefused(t, () => admin.send('POST', '/api/v1/annual-reports/entered', { orgId: fgj, year: 2022, publishedOn: '2022-12-01', tables: h2023.tables }), 400, /应在2023年发布/);
    await expectRefused(t, () => zjjEditor.send('POST', '/api/v1/annual-reports/entered', { year: 2022, publishedOn: '2023-01-20', tables: h2023.tables }), 403, /需公开办负责人/);

    const next = await hongzeDraft(admin, fgj, 2024);
    expect(next.validation.errors).toEqual([expect.objectContaining({ section: 'applications', row: 'carriedIn', column: 'person' }), expect.objectContaining({ row: 'carriedIn', column: 'total' })]);
    expect(next.validation.errors[0].message).toContain('「自然人」为 0，与2023年年报「四、结转下年度继续办理」的 3 不一致');
  });
});

describe('gongkai report annual import', () => {
  it('stores a report file as published and prints its checks; a file of another shape is refused with its problems', async () => {
    const file = new URL('../../../test/fixtures/annual-report/hongze-2023.json', import.meta.url);
    let out = '';
    const code = await importReportCommand(t.database.db, { org: 'mzj', year: '2023', publishedOn: '2024-01-30' }, 'hongze-2023.json', readFileSync(file, 'utf8'), (s) => (out += s));
    expect(code).toBe(0);
    expect(out).toContain('已录入示例县民政局2023年政府信息公开工作年度报告（2024年1月30日发布），按已发布保存。');
    expect(out).toMatch(/检查发现 2 处错误（按发布时的原样保存）：\n  四、政府信息公开行政复议、行政诉讼情况：「行政复议」的「总计」应为/);
    const list = (await admin.get(`/api/v1/annual-reports?orgId=${await org('mzj')}`)).json();
    expect(list).toEqual([expect.objectContaining({ year: 2023, status: 'published', source: 'entered', errors: 2, publishedOn: '2024-01-30' })]);

    const bad = JSON.stringify({ tables: { proactive: {}, applications: {}, appeals: {} } });
    await expect(importReportCommand(t.database.db, { org: 'mzj', year: '2022', publishedOn: '2023-01-30' }, 'bad.json', bad)).rejects.toThrow(ReportFileError);
    await expect(importReportCommand(t.database.db, { org: 'mzj', year: '2022' }, 'f.json', readFileSync(file, 'utf8'))).rejects.toThrow(/--published-on/);
  });
});

describe('statuses', () => {
  afterEach(() => vi.useRealTimers());

  it("shows each organization's report for the year, late after its deadline: 31 January for a department, 31 March for the government", async () => {
    const jyj = await org('jyj');
    expect((await draft(jyjEditor, { year: 2026 })).statusCode).toBe(201);
    const statuses = async (on: string) => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${on}T10:00:00+08:00`) });
      const gkb = await t.client('gkb');
      const res = await gkb.get('/api/v1/annual-reports/statuses?year=2026');
      expect(res.statusCode, res.body).toBe(200);
      vi.useRealTimers();
      const body = res.json();
      return (code: string) => body.items.find((i: { org: { code: string } }) => i.org.code === code);
    };
    const january = await statuses('2027-01-31');
    expect(january('jyj')).toMatchObject({ status: 'draft', deadline: '2027-01-31' });
    expect(january('zjj')).toMatchObject({ status: 'not_started' });
    const february = await statuses('2027-02-01');
    expect(february('jyj')).toMatchObject({ org: { id: jyj }, status: 'late', statusLabel: '逾期未发布' });
    expect(february('zjj')).toMatchObject({ status: 'late' });
    expect(february('sxx')).toMatchObject({ status: 'not_started', deadline: '2027-03-31' });
    // A department sees its own line only; the government's list is not for it.
    const head = await t.client('jyj_head');
    const own = (await head.get(`/api/v1/annual-reports/statuses?year=2026&orgId=${jyj}`)).json();
    expect(own.items.map((i: { org: { code: string } }) => i.org.code)).toEqual(['jyj']);
    expect((await head.get('/api/v1/annual-reports/statuses?year=2026&orgId=' + (await org('sxx')))).statusCode).toBe(403);
  });
});
