// The case file (卷宗) export: everything the archive needs, the applicant's identity included — and
// therefore only for the staff who handle the case's organization.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { chinaDate } from '../../domain/dates.js';
import { auditLog } from '../orgs/schema.js';
import { fact, registerInPerson, ZHANG_SAN_ID } from './test-fixtures.js';

let t: TestApp;
let jyj: TestClient;
let zjj: TestClient;
let gkb: TestClient;
let kase: { id: number; number: string };

beforeAll(async () => {
  t = await startTestApp();
  [jyj, zjj, gkb] = await Promise.all([t.client('jyj_handler'), t.client('zjj_editor'), t.client('gkb')]);
  const jyjId = (await jyj.get('/api/v1/applications/options')).json().organizations.find((o: { code: string }) => o.code === 'jyj').id;
  kase = await registerInPerson(jyj, jyjId, chinaDate(new Date()));
  await fact(jyj, kase.id, 'reply', { outcome: 'disclosed' });
  const letter = await jyj.send('POST', `/api/v1/applications/${kase.id}/letters`, { kind: 'reply' });
  expect(letter.statusCode, letter.body).toBe(201);
});
afterAll(() => t.close());

async function download(client: TestClient, id: number) {
  const res = await client.get(`/api/v1/applications/${id}/case-file`);
  return { res, zip: res.statusCode === 200 ? await JSZip.loadAsync(res.rawPayload) : null };
}

describe('the case file (卷宗)', () => {
  it('holds the index, the application with the identity, every letter, the record of handling and case.json', async () => {
    const { res, zip } = await download(jyj, kase.id);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${kase.number}-卷宗.zip`));
    expect(res.headers['cache-control']).toBe('private, no-store');
    const names = Object.keys(zip!.files);
    expect(names).toContain('00-卷内文件目录.docx');
    expect(names.some((n) => n.endsWith('政府信息公开申请登记表.docx'))).toBe(true);
    expect(names.some((n) => /答复书|告知书/.test(n) && n.endsWith('.docx'))).toBe(true);
    expect(names.some((n) => n.endsWith('办理记录.docx'))).toBe(true);
    const form = await zip!.file(names.find((n) => n.endsWith('申请登记表.docx'))!)!.async('nodebuffer');
    const formXml = await (await JSZip.loadAsync(form)).file('word/document.xml')!.async('string');
    expect(formXml).toContain(ZHANG_SAN_ID);
    const json = JSON.parse(await zip!.file('case.json')!.async('string'));
    expect(json).toMatchObject({ number: kase.number, outcome: 'disclosed', applicant: { name: '张三', idNumber: ZHANG_SAN_ID } });
    expect(json.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['received', 'replied']));
    expect(json.letters).toHaveLength(1);
  });

  it('is refused to another department and to the supervisor, and each export is audited without the name', async () => {
    await expectRefused(t, () => zjj.get(`/api/v1/applications/${kase.id}/case-file`), 403, /承办人员可以导出卷宗/);
    await expectRefused(t, () => gkb.get(`/api/v1/applications/${kase.id}/case-file`), 403, /承办人员可以导出卷宗/);
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'application.export_case_file')).orderBy(desc(auditLog.id)).limit(1);
    expect(entry!.summary).toBe(`申请 ${kase.number}：导出卷宗`);
    expect(entry!.summary).not.toContain('张三');
  });
});
