// The historical import on the demo database: a file of valid and invalid lines — every invalid line
// reported with its number and all its reasons, the valid ones stored with their numbers (given, or
// the next of the year received, the counter moved past those given), no identity, an 'imported'
// event, a clock for the open ones; a second run refuses the numbers already there; a dry run writes
// nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/app.js';
import { systemContext } from '../../../context.js';
import { auditLog } from '../../orgs/schema.js';
import { applications } from '../schema.js';
import { importApplications, IMPORTED_APPLICANT } from './run.js';

const FILE = new URL('../../../../test/fixtures/applications-import/history.jsonl', import.meta.url);
const text = readFileSync(FILE, 'utf8');

let t: TestApp;
let handler: TestClient;
const run = (content: string, dryRun = false) => importApplications(t.database.db, systemContext, content, { source: 'history.jsonl', dryRun });
const stored = async () => (await t.database.db.select({ n: count() }).from(applications))[0]!.n;

beforeAll(async () => {
  t = await startTestApp();
  handler = await t.client('jyj_handler');
});
afterAll(() => t.close());

describe('gongkai applications import', () => {
  it('a dry run reports what it would do and writes nothing', async () => {
    const before = await stored();
    const r = await run(text, true);
    expect(r).toMatchObject({ total: 11, dryRun: true });
    expect(r.imported.map((i) => i.line)).toEqual([1, 2, 3, 9, 11]);
    expect(await stored()).toBe(before);
  });

  it('imports the valid lines and reports every invalid one with all its reasons', async () => {
    const r = await run(text);
    expect(r.imported.map((i) => [i.line, i.number])).toEqual([
      [1, '2024-jyj-0007'],
      // Numbered after the serial given on line 1 (the counter moved past it).
      [2, '2024-jyj-0008'],
      [3, expect.stringMatching(/^2026-zjj-\d{4}$/)],
      [9, '2023-jyj-0003'],
      [11, '2024-sxx-0001'],
    ]);
    expect(r.errors).toEqual([
      { line: 4, reason: '找不到机构代码“nope”' },
      { line: 5, reason: '不是有效的 JSON（每行应为一个 JSON 对象）' },
      {
        line: 7,
        reason:
          '未知的字段：note；applicantKind（申请人类型）应为 person、business、research、nonprofit、legal_services、other 之一："citizen"；' +
          'channel（申请方式）应为 in_person、registered_post、ordinary_letter、online、fax、email 之一："pigeon"；' +
          'receivedOn（收到申请之日）应为有效日期 YYYY-MM-DD："2024-02-30"；未办结（closedOn 为 null）的申请不应有 outcome（办理结果）',
      },
      { line: 8, reason: '申请编号“2024-jyj-0007”与第 1 行重复' },
      { line: 10, reason: 'closedOn（办结日期）2024-06-01 早于 receivedOn（收到申请之日）2024-06-03；已办结（有 closedOn）的申请须填写 outcome（办理结果）' },
      { line: 12, reason: expect.stringMatching(/^城关镇城东社区居民委员会不是受理政府信息公开申请的行政机关/) },
    ]);

    const byNumber = async (number: string) => {
      const [row] = await t.database.db.select({ id: applications.id }).from(applications).where(eq(applications.number, number));
      return (await handler.get(`/api/v1/applications/${row!.id}`)).json();
    };
    const first = await byNumber('2024-jyj-0007');
    expect(first).toMatchObject({ status: 'closed', outcome: 'disclosed', closedOn: '2024-03-29', receivedOn: '2024-03-04', year: 2024, applicantKind: 'person', channel: 'online' });
    expect(first.applicant).toEqual({ name: IMPORTED_APPLICANT });
    expect(first.description).toBe('申请公开2023年度校车运营补贴发放情况');
    expect(first.timeline).toHaveLength(1);
    expect(first.timeline[0]).toMatchObject({ kind: 'imported', on: '2024-03-04', note: '由原系统导入（history.jsonl 第 1 行）。原系统记录：2024-03-29办结，办理结果为“予以公开”。' });
    const open = r.imported.find((i) => i.line === 3)!;
    const [zjj] = await t.database.db.select().from(applications).where(eq(applications.number, open.number));
    // 20 working days after Mon 2026-11-02.
    expect(zjj).toMatchObject({ status: 'in_progress', dueOn: '2026-11-30', clockState: 'running', outcome: null, applicantIndex: null });

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'application.import'));
    expect(audit.map((a) => a.summary).sort()).toEqual([
      '导入历史申请 1 件（history.jsonl，编号 2024-sxx-0001）',
      `导入历史申请 1 件（history.jsonl，编号 ${open.number}）`,
      '导入历史申请 3 件（history.jsonl，编号 2023-jyj-0003 至 2024-jyj-0008）',
    ]);
  });

  it('a second run refuses the numbers already there; lines without a serial take the next number', async () => {
    const again = await run(text);
    expect(again.errors.find((e) => e.line === 1)!.reason).toBe('申请编号“2024-jyj-0007”已存在');
    expect(again.errors.find((e) => e.line === 9)!.reason).toBe('申请编号“2023-jyj-0003”已存在');
    expect(again.imported.map((i) => [i.line, i.number])).toEqual([
      [2, '2024-jyj-0009'],
      [3, expect.stringMatching(/^2026-zjj-\d{4}$/)],
      [11, '2024-sxx-0002'],
    ]);
  });
});
