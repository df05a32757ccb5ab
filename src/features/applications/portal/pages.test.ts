// The portal's application pages as a browser without JavaScript uses them: plain form posts
// (urlencoded, and multipart with a file), the CSRF field, the human check answered from the
// question on the page, the check for published documents, the receipt after the redirect, tracking
// and the download of a letter — and no ID number on any page once the application is in.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../../../../test/app.js';
import { docx, pdf, png } from '../../../../test/fixtures/files.js';
import { APPLY, APPLY_CHECK, APPLY_FORM, APPLY_RECEIPT, TRACK } from '../../../portal/links.js';
import { TRACK_REFUSAL } from '../track.js';
import { applicationFiles, applications } from '../schema.js';
import { ZHANG_SAN_ID } from '../test-fixtures.js';
import { hidden, pageFields, portalBrowser, solve } from '../../../../test/portal-browser.js';

let t: TestApp;
let jyj: number;

beforeAll(async () => {
  // Time is moved on by hand (the human check refuses forms posted faster than a person fills them).
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  t = await startTestApp();
  const visitor = await t.client();
  jyj = (await visitor.get('/api/v1/applications/options')).json().organizations.find((o: { code: string }) => o.code === 'jyj').id;
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const browser = () => portalBrowser(t);
const pass = (ms: number) => vi.setSystemTime(Date.now() + ms);

function personFields(over: Record<string, string | string[]> = {}): [string, string][] {
  const values: Record<string, string | string[]> = {
    orgId: String(jyj),
    applicantKind: 'person',
    personName: '张三',
    idType: '居民身份证',
    idNumber: ZHANG_SAN_ID,
    phone: '13800000000',
    email: 'zhangsan@example.com',
    address: '示例县城关镇幸福路1号',
    description: '申请公开示例县2026年义务教育阶段学校招生入学的划片范围',
    docTitle: '',
    docNumber: '',
    purpose: '孩子入学',
    forms: ['electronic'],
    delivery: ['online'],
    consent: 'yes',
    ...over,
  };
  return Object.entries(values).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]]));
}

const applicationCount = async () => (await t.database.db.select({ n: count() }).from(applications))[0]!.n;

/** A new browser's form, filled in a person's time and posted to the check step. */
async function checkStep(over: Record<string, string | string[]> = {}) {
  const b = browser();
  const form = await b.get(APPLY_FORM);
  pass(10_000);
  const res = await b.post(APPLY_CHECK, [...pageFields(form.body), ...personFields(over)]);
  return { b, form, res };
}

/** Form → check → submit; returns the browser and the receipt page. */
async function apply(over: Record<string, string | string[]> = {}, files: { fileName: string; bytes: Buffer }[] = []) {
  const { b, res: checked } = await checkStep(over);
  expect(checked.statusCode, checked.body).toBe(200);
  pass(5_000);
  const submitted = await b.post(APPLY_FORM, [...pageFields(checked.body), ...personFields(over)], files);
  expect(submitted.statusCode, submitted.body).toBe(303);
  expect(submitted.headers.location).toBe(APPLY_RECEIPT);
  const receipt = await b.get(APPLY_RECEIPT);
  expect(receipt.statusCode, receipt.body).toBe(200);
  const number = /<dt>申请编号<\/dt><dd class="code">([^<]+)<\/dd>/.exec(receipt.body)![1]!;
  const code = /<dt>查询码<\/dt><dd class="code">([^<]+)<\/dd>/.exec(receipt.body)![1]!;
  return { b, receipt, number, code, checked };
}

describe('the guide and the form', () => {
  it('explains how to apply, with the deadlines, and links to the form and tracking; a shared page without cookies', async () => {
    const res = await browser().get(APPLY);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('20 个工作日');
    expect(res.body).toContain('信息处理费');
    expect(res.body).toContain(`href="${APPLY_FORM}"`);
    expect(res.body).toContain(`href="${TRACK}"`);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await browser().get('/')).body).toContain(`href="${APPLY}"`);
    // The step that only takes posts, reached by a link (the 长者模式 switch returns there): back to the form.
    const link = await browser().get(APPLY_CHECK);
    expect([link.statusCode, link.headers.location]).toEqual([302, APPLY_FORM]);
  });

  it('shows the form with the privacy notice, the consent box, a human check and a CSRF field, never cached', async () => {
    const b = browser();
    const res = await b.get(`${APPLY_FORM}?org=jyj`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(b.cookies.get('gk_csrf')).toBeTruthy();
    expect(hidden(res.body, '_csrf')).toBe(b.cookies.get('gk_csrf'));
    expect(res.body).toContain('个人信息保护说明');
    expect(res.body).toMatch(/加密存储/);
    expect(res.body).toContain('name="consent"');
    expect(res.body).toMatch(/<label for="f-answer">[一二三四五六七八九]加[一二三四五六七八九]等于几？/);
    expect(hidden(res.body, 'challenge')).toMatch(/^check\./);
    expect(res.body).toContain('name="homepage"');
    expect(res.body).toMatch(new RegExp(`<option value="${jyj}" selected>示例县教育局</option>`));
    for (const label of ['申请人姓名', '证件号码', '统一社会信用代码', '联系电话', '所需政府信息的内容描述', '所需信息的提供形式', '获取信息的方式']) expect(res.body).toContain(label);
  });
});

describe('checking the form', () => {
  it('keeps every value and shows each problem beside its field, with a summary linking to them', async () => {
    const { form, res } = await checkStep({ idNumber: '110101199001010010', phone: '', description: '', delivery: ['post', 'email'], address: '', email: 'zhangsan@example.com', consent: '' });
    expect(res.statusCode).toBe(422);
    // Values kept, as typed.
    expect(res.body).toContain('value="张三"');
    expect(res.body).toContain('value="110101199001010010"');
    expect(res.body).toContain('value="zhangsan@example.com"');
    expect(res.body).toMatch(/value="post" checked/);
    // Each message beside its field, and in the summary as a link to it.
    expect(res.body).toMatch(/<p id="f-idNumber-error" class="field-error">居民身份证号码有误/);
    expect(res.body).toMatch(/<p id="f-phone-error" class="field-error">请填写联系电话/);
    expect(res.body).toMatch(/<p id="f-description-error" class="field-error">请填写所需政府信息的内容描述/);
    expect(res.body).toMatch(/<p id="f-address-error" class="field-error">选择邮寄的，请填写通信地址/);
    expect(res.body).toMatch(/<p id="f-consent-error" class="field-error">/);
    expect(res.body).toMatch(/<a href="#f-phone">请填写联系电话<\/a>/);
    expect(res.body).toContain('aria-invalid="true"');
    // A new question, for this step.
    expect(hidden(res.body, 'challenge')).not.toBe(hidden(form.body, 'challenge'));
    expect(hidden(res.body, 'challenge')).toMatch(/^check\./);
  });

  it('asks an organization for its own fields', async () => {
    const { res } = await checkStep({ applicantKind: 'business', orgName: '示例县某某建材有限公司', creditCode: '91110101MA0000001X' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toMatch(/<p id="f-creditCode-error" class="field-error">统一社会信用代码有误/);
    expect(res.body).toMatch(/<p id="f-legalRepresentative-error" class="field-error">请填写法定代表人或者负责人/);
    expect(res.body).toMatch(/<p id="f-contactName-error" class="field-error">请填写联系人姓名/);
    expect(res.body).not.toContain('f-personName-error');
  });

  it('refuses a wrong answer to the human check, a form posted at once, a filled honeypot and a question from another visitor', async () => {
    const b = browser();
    const form = await b.get(APPLY_FORM);
    const fast = await b.post(APPLY_CHECK, [...pageFields(form.body), ...personFields()]);
    expect(fast.statusCode).toBe(422);
    expect(fast.body).toContain('提交过快');
    pass(10_000);
    const wrong = await b.post(APPLY_CHECK, [...pageFields(form.body, String(Number(solve(form.body)) + 1)), ...personFields()]);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toMatch(/<p id="f-answer-error" class="field-error">验证题的答案不正确/);
    expect(wrong.body).toContain('value="张三"');
    expect(wrong.body).not.toContain('已公开的政府信息</h2>');
    const robot = await b.post(APPLY_CHECK, [...pageFields(form.body).filter(([k]) => k !== 'homepage'), ['homepage', 'http://spam.example'], ...personFields()]);
    expect(robot.statusCode).toBe(400);
    // Another visitor's solved question does not carry over to this one.
    const other = browser();
    const otherForm = await other.get(APPLY_FORM);
    pass(10_000);
    const borrowed = await b.post(APPLY_CHECK, [['_csrf', b.cookies.get('gk_csrf')!], ['challenge', hidden(otherForm.body, 'challenge')], ['answer', solve(otherForm.body)], ...personFields()]);
    expect(borrowed.statusCode).toBe(422);
    // Without the CSRF field the post is refused before anything else.
    const noCsrf = await b.post(APPLY_CHECK, [...pageFields(form.body).filter(([k]) => k !== '_csrf'), ...personFields()]);
    expect(noCsrf.statusCode).toBe(403);
  });

  it('accepts the answer in 汉字 too', async () => {
    const b = browser();
    const form = await b.get(APPLY_FORM);
    pass(10_000);
    const digits = Number(solve(form.body));
    const hanzi = digits < 10 ? '零一二三四五六七八九'[digits]! : `十${digits % 10 ? '零一二三四五六七八九'[digits % 10] : ''}`;
    const res = await b.post(APPLY_CHECK, [...pageFields(form.body, hanzi), ...personFields()]);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('lists the published documents that may answer the request, and offers to submit anyway', async () => {
    const { res } = await checkStep({ description: '义务教育阶段学校招生入学工作' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('已公开的政府信息');
    expect(res.body).toMatch(/<a href="\/zfxxgk\/wj\/\d+" target="_blank" rel="noopener">示例县教育局关于做好2026年义务教育阶段学校招生入学工作的通知/);
    expect(res.body).toContain('仍要提交申请');
    expect(res.body).toContain('enctype="multipart/form-data"');
    expect(res.body).toContain('type="file" name="attachments"');
    expect(hidden(res.body, 'challenge')).toMatch(/^submit\./);
    expect(res.body).toContain('>义务教育阶段学校招生入学工作</textarea>');
    expect((res.body.match(/target="_blank"/g) ?? []).length).toBeLessThanOrEqual(5);
  });

  it('says so when nothing published matches', async () => {
    const { res } = await checkStep({ description: '量子引力实验室的设备采购合同' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('没有找到与您的申请内容相关的已公开政府信息');
    expect(res.body).toContain('>提交申请</button>');
  });
});

describe('submitting and tracking', () => {
  let submitted: Awaited<ReturnType<typeof apply>>;

  beforeAll(async () => {
    submitted = await apply({}, [{ fileName: '身份证.png', bytes: png() }, { fileName: '委托书.pdf', bytes: pdf() }]);
  });

  it('shows the receipt: number, query code once, readable dates with the explanation, a link to tracking', async () => {
    const { receipt, number, code } = submitted;
    expect(number).toMatch(/^\d{4}-jyj-\d{4}$/);
    expect(code).toMatch(/^[A-HJ-KMNP-Z2-9]{8}$/);
    expect(receipt.headers['cache-control']).toBe('private, no-store');
    expect(receipt.body).toMatch(/<dt>收到申请之日<\/dt><dd>\d{4}年\d{1,2}月\d{1,2}日<\/dd>/);
    expect(receipt.body).toMatch(/<dt>答复期限<\/dt><dd>\d{4}年\d{1,2}月\d{1,2}日<\/dd>/);
    expect(receipt.body).toContain('第三十一条');
    expect(receipt.body).toContain('只在这里显示一次');
    expect(receipt.body).toContain(`href="${TRACK}"`);
    const [row] = await t.database.db.select().from(applications).where(eq(applications.number, number));
    expect(row!.channel).toBe('online');
    // Reloading the receipt shows it again and submits nothing.
    const before = await applicationCount();
    expect((await submitted.b.get(APPLY_RECEIPT)).statusCode).toBe(200);
    expect(await applicationCount()).toBe(before);
    // Another browser has no receipt to see.
    expect((await browser().get(APPLY_RECEIPT)).statusCode).toBe(404);
  });

  it('keeps the attachments sealed, listed on the case only', async () => {
    const [row] = await t.database.db.select().from(applications).where(eq(applications.number, submitted.number));
    const files = await t.database.db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, row!.id));
    expect(files.map((f) => [f.fileName, f.kind, f.size])).toEqual([
      ['身份证.png', 'png', png().length],
      ['委托书.pdf', 'pdf', pdf().length],
    ]);
    const { readFileSync } = await import('node:fs');
    const stored = readFileSync(t.app.deps.files.pathOf(files[0]!.sha256));
    expect(stored.includes(png().subarray(0, 8))).toBe(false);
  });

  it('tracks the case with the number and the code, posted; a wrong code or number gets the same refusal', async () => {
    const { number, code } = submitted;
    const b = browser();
    const form = await b.get(TRACK);
    expect(form.headers['cache-control']).toBe('private, no-store');
    const csrf = hidden(form.body, '_csrf');
    const res = await b.post(TRACK, [['_csrf', csrf], ['number', number], ['code', code.toLowerCase()]]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(number);
    expect(res.body).toContain('已登记');
    expect(res.body).toContain('收到申请');
    expect(res.body).toMatch(/<dt>答复期限<\/dt><dd>\d{4}年\d{1,2}月\d{1,2}日<\/dd>/);
    expect(res.body).toContain('答复期限的计算');
    const wrongCode = await b.post(TRACK, [['_csrf', csrf], ['number', number], ['code', 'AAAAAAAA']]);
    const wrongNumber = await b.post(TRACK, [['_csrf', csrf], ['number', '2020-jyj-9999'], ['code', code]]);
    for (const r of [wrongCode, wrongNumber]) {
      expect(r.statusCode).toBe(404);
      expect(r.body).toContain(TRACK_REFUSAL);
      expect(r.body).not.toContain('办理过程');
    }
  });

  it('leaves the shared page cache alone when tracking, which changes nothing', async () => {
    const b = browser();
    await b.get('/zfxxgk/guide');
    expect((await b.get('/zfxxgk/guide')).headers['x-page-cache']).toBe('hit');
    const csrf = hidden((await b.get(TRACK)).body, '_csrf');
    expect((await b.post(TRACK, [['_csrf', csrf], ['number', submitted.number], ['code', submitted.code]])).statusCode).toBe(200);
    expect((await b.get('/zfxxgk/guide')).headers['x-page-cache']).toBe('hit');
  });

  it('offers the letters addressed to the applicant for download by a post', async () => {
    const { number, code } = submitted;
    const [row] = await t.database.db.select().from(applications).where(eq(applications.number, number));
    const handler = await t.client('jyj_handler');
    const issued = await handler.send('POST', `/api/v1/applications/${row!.id}/letters`, { kind: 'acknowledgement' });
    expect(issued.statusCode, issued.body).toBe(201);
    const b = browser();
    const csrf = hidden((await b.get(TRACK)).body, '_csrf');
    const page = await b.post(TRACK, [['_csrf', csrf], ['number', number], ['code', code]]);
    const action = /<form method="post" action="(\/zfxxgk\/ysqgk\/cx\/ws\/\d+)">/.exec(page.body)?.[1];
    expect(action, page.body).toBeTruthy();
    const file = await b.post(action!, [['_csrf', csrf], ['number', number], ['code', code]]);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    expect(file.headers['cache-control']).toBe('private, no-store');
    const refused = await b.post(action!, [['_csrf', csrf], ['number', number], ['code', 'AAAAAAAA']]);
    expect(refused.statusCode).toBe(404);
  });

  it('shows no ID number on the receipt, the tracking page or the public pages once the application is in', async () => {
    const { number, code, receipt } = submitted;
    const b = browser();
    const csrf = hidden((await b.get(TRACK)).body, '_csrf');
    const tracked = await b.post(TRACK, [['_csrf', csrf], ['number', number], ['code', code]]);
    const pages = [receipt.body, tracked.body, (await b.get(APPLY)).body, (await b.get(APPLY_FORM)).body, (await b.get('/')).body];
    for (const html of pages) {
      expect(html).not.toContain(ZHANG_SAN_ID);
      expect(html).not.toContain('张三');
      expect(html).not.toContain('13800000000');
    }
  });

  it('refuses an attachment that is not what its name says, or not a PDF or image, and keeps the values', async () => {
    const { b, form, res: checked } = await checkStep();
    pass(5_000);
    const before = await applicationCount();
    const renamed = await b.post(APPLY_FORM, [...pageFields(checked.body), ...personFields()], [{ fileName: '身份证.jpg', bytes: pdf() }]);
    expect(renamed.statusCode).toBe(422);
    expect(renamed.body).toMatch(/<p id="f-attachments-error" class="field-error">文件“身份证.jpg”无法上传/);
    expect(renamed.body).toContain('之前选择的文件没有保存，请重新选择');
    expect(renamed.body).toContain('value="张三"');
    pass(5_000);
    const word = await b.post(APPLY_FORM, [...pageFields(renamed.body), ...personFields()], [{ fileName: '身份证.docx', bytes: docx() }]);
    expect(word.statusCode).toBe(422);
    expect(word.body).toContain('只接受 PDF、JPG 或 PNG');
    pass(5_000);
    const wrongAnswer = await b.post(APPLY_FORM, [...pageFields(word.body, '99'), ...personFields()]);
    expect(wrongAnswer.statusCode).toBe(422);
    expect(await applicationCount()).toBe(before);
    // A question of the check step does not open the submission.
    pass(5_000);
    const skipped = await b.post(APPLY_FORM, [...pageFields(form.body), ...personFields()]);
    expect(skipped.statusCode).toBe(400);
    expect(await applicationCount()).toBe(before);
  });
});

describe('the rate limit', () => {
  it('answers submissions beyond 20 an hour from one address with 429 and a Chinese page', async () => {
    const b = browser();
    const csrf = hidden((await b.get(APPLY_FORM)).body, '_csrf');
    let res: LightMyRequestResponse | undefined;
    for (let i = 0; i < 21 && res?.statusCode !== 429; i++) res = await b.post(APPLY_FORM, [['_csrf', csrf], ...personFields()]);
    expect(res!.statusCode).toBe(429);
    expect(res!.headers['content-type']).toContain('text/html');
    expect(res!.body).toContain('每小时最多在线提交 20 件申请');
  });
});
