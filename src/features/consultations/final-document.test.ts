// The loop closed (issue #7 item 5): the final policy in the library names the consultation held on its
// draft and links its adoption report once published; the consultation's page links the policy.
// Only the drafting organization links them. A policy a catalogue decision issued names that decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { addDays, chinaDate } from '../../domain/dates.js';
import { consultationHref, decisionHref, documentHref } from '../../portal/links.js';
import { decisions } from '../decisions/schema.js';
import { documents } from '../documents/schema.js';
import { findOrgByCode } from '../orgs/organizations.js';

let t: TestApp;
let editor: TestClient;
const today = chinaDate(new Date());
const title = '示例县中小学校外托管服务管理办法（征求意见稿）';

beforeAll(async () => {
  t = await startTestApp();
  editor = await t.client('jyj_editor');
});
afterAll(async () => t?.close());

describe('the final document and its consultation', () => {
  it('shows the consultation on the policy’s page, and its adoption report once out', async () => {
    const jyj = (await findOrgByCode(t.database.db, 'jyj'))!;
    const [policy] = await t.database.db
      .select({ id: documents.id, title: documents.title })
      .from(documents)
      .where(and(eq(documents.orgId, jyj.id), isNotNull(documents.publishedVersion)))
      .limit(1);
    // Closed ten days ago: its adoption report may be published now.
    const created = await editor.send('POST', '/api/v1/consultations', { title, draft: '第一条 为了规范校外托管服务，制定本办法。', startsOn: addDays(today, -40), endsOn: addDays(today, -10) });
    const id: number = created.json().id;
    await editor.send('POST', `/api/v1/consultations/${id}/publish`);

    const other = await t.client('zjj_editor');
    await expectRefused(t, () => other.send('POST', `/api/v1/consultations/${id}/document`, { documentId: policy!.id }), 403, /无权关联正式文件/);
    await expectRefused(t, () => editor.send('POST', `/api/v1/consultations/${id}/document`, { documentId: 999_999 }), 400, '找不到该文件');
    expect((await editor.send('POST', `/api/v1/consultations/${id}/document`, { documentId: policy!.id })).statusCode).toBe(200);

    const anonymous = await t.client();
    const before = (await anonymous.get(documentHref(policy!.id))).body;
    expect(before).toContain(`公开征求意见：<a href="${consultationHref(id)}">《${title}》</a>`);
    expect(before).toContain('意见采纳情况待公布');

    expect((await editor.send('POST', `/api/v1/consultations/${id}/report`, { summary: '征求意见期间未收到意见。' })).statusCode).toBe(200);
    const after = (await anonymous.get(documentHref(policy!.id))).body;
    expect(after).toContain(`<a href="${consultationHref(id)}#report">意见采纳情况</a>`);
    const consultation = (await anonymous.get(consultationHref(id))).body;
    expect(consultation).toContain(`<a href="${documentHref(policy!.id)}">${policy!.title}</a>`);
    // A revision being drafted leaves the public version, and the link to it, in place.
    expect((await editor.send('POST', `/api/v1/documents/${policy!.id}/revise`)).statusCode).toBe(200);
    expect((await anonymous.get(consultationHref(id))).body).toContain(`<a href="${documentHref(policy!.id)}">${policy!.title}</a>`);
  });

  it('shows the catalogue decision a policy issued, with its path one click away', async () => {
    const [policy] = await t.database.db.select({ id: documents.id }).from(documents).where(eq(documents.docNumber, '示政发〔2026〕4号'));
    const [decision] = await t.database.db.select({ id: decisions.id, name: decisions.name }).from(decisions).where(eq(decisions.documentId, policy!.id));
    const page = (await (await t.client()).get(documentHref(policy!.id))).body;
    expect(page).toContain(`重大行政决策：<a href="${decisionHref(decision!.id)}">${decision!.name}</a>（示例县人民政府2026年度重大行政决策事项目录）`);
    // While a revision of the policy is drafted, the decision's path still links its public version,
    // and the policy may still be recorded as a stage's document.
    const office = await t.client('sxx_editor');
    expect((await office.send('POST', `/api/v1/documents/${policy!.id}/revise`)).statusCode).toBe(200);
    expect((await (await t.client()).get(decisionHref(decision!.id))).body).toContain(`href="${documentHref(policy!.id)}"`);
    const stage = await office.send('POST', `/api/v1/decisions/${decision!.id}/stages`, { kind: 'expert_review', startedOn: '2026-01-10', endedOn: '2026-01-10', summary: '补充论证', documentId: policy!.id });
    expect(stage.statusCode, stage.body).toBe(201);
  });
});
