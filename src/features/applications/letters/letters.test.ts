// Letters through the API: issuing every kind from a case, the reply's elements (RULES.md §2
// "Letters"), numbering per organization, kind and year (unique when two are issued at once), the
// ID number kept out, the Word file in the official layout, templates kept by the office head, the
// applicant's download with the tracking credentials, and the refusals (nothing written).
import { sealApplicant } from '../applicant-store.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import JSZip from 'jszip';
import type { LightMyRequestResponse } from 'fastify';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../../test/app.js';
import type { ApplicationClock } from '../../../domain/application-clock.js';
import type { OutcomeKey } from '../../../domain/application-outcomes.js';
import { auditLog, organizations } from '../../orgs/schema.js';
import { hashQueryCode } from '../query-code.js';
import { applications, letterTemplates, type ApplicantDetails } from '../schema.js';

let t: TestApp;
let handler: TestClient;
let head: TestClient;
let zjj: TestClient;
let gkb: TestClient;
let visitor: TestClient;

const ID_NUMBER = '11010519491231002X';
const CODE = 'ABCD2345';
let serial = 0;

interface CaseOptions {
  org?: string;
  receivedOn?: string;
  outcome?: OutcomeKey | null;
  outcomeBasis?: string;
  dueOn?: string | null;
  clock?: ApplicationClock | null;
}

function clock(dueOn: string, extensionDays = 0): ApplicationClock {
  return {
    state: 'running',
    dueOn,
    statutoryDueOn: dueOn,
    startOn: null,
    replyDays: 20,
    extensionDays,
    pauses: [],
    paused: false,
    deadlines: { correctionNoticeLastDay: dueOn, consultations: [] },
    steps: [],
    warnings: [],
    missingYears: [],
  };
}

/** A case stored as the intake would store it (the applicant's ID number included). */
async function insertCase(o: CaseOptions = {}): Promise<{ id: number; number: string }> {
  const db = t.database.db;
  const code = o.org ?? 'jyj';
  const [org] = await db.select().from(organizations).where(eq(organizations.code, code));
  const receivedOn = o.receivedOn ?? '2026-03-02';
  const number = `${receivedOn.slice(0, 4)}-${code}-${String(9000 + ++serial)}`;
  const applicant: ApplicantDetails = { name: '张三', idType: '居民身份证', idNumber: ID_NUMBER, phone: '13800000000', address: '示例县某路1号' };
  const [row] = await db
    .insert(applications)
    .values({
      orgId: org.id,
      number,
      year: Number(receivedOn.slice(0, 4)),
      queryCodeHash: hashQueryCode(number, CODE),
      channel: 'online',
      applicantKind: 'person',
      ...sealApplicant(applicant),
      description: '2025年度示例县义务教育阶段学校校车采购合同',
      forms: ['paper'],
      delivery: ['post'],
      receivedOn,
      status: 'in_progress',
      dueOn: o.dueOn === undefined ? '2026-03-30' : o.dueOn,
      clock: o.clock === undefined ? clock('2026-03-30') : o.clock,
      outcome: o.outcome ?? null,
      outcomeBasis: o.outcomeBasis ?? '',
    })
    .returning({ id: applications.id, number: applications.number });
  return row;
}

const issue = (c: TestClient, id: number, body: Record<string, unknown>) => c.send('POST', `/api/v1/applications/${id}/letters`, body);

async function issued(c: TestClient, id: number, body: Record<string, unknown>) {
  const res = await issue(c, id, body);
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as { id: number; number: string; serial: number; year: number; title: string; paragraphs: string[]; toApplicant: boolean; issuedOn: string };
}

async function documentXml(res: LightMyRequestResponse): Promise<string> {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('wordprocessingml');
  const zip = await JSZip.loadAsync(res.rawPayload);
  return zip.file('word/document.xml')!.async('string');
}

const refused = (send: () => Promise<LightMyRequestResponse>, status: number, message: string | RegExp) => expectRefused(t, send, status, message);

beforeAll(async () => {
  t = await startTestApp();
  [handler, head, zjj, gkb, visitor] = await Promise.all([t.client('jyj_handler'), t.client('jyj_head'), t.client('zjj_editor'), t.client('gkb'), t.client()]);
});
afterAll(() => t.close());

describe('the reply letter', () => {
  let letter: Awaited<ReturnType<typeof issued>>;
  let caseId: number;

  beforeAll(async () => {
    ({ id: caseId } = await insertCase({ outcome: 'withheld.third_party' }));
    letter = await issued(handler, caseId, {
      kind: 'reply',
      issuedOn: '2026-03-20',
      withheldPart: '合同中供应商的银行账户及联系人信息',
      withheldReason: '涉及商业秘密，经征求意见，第三方不同意公开',
    });
  });

  it('for withheld.third_party states every element RULES.md lists', () => {
    const text = letter.paragraphs.join('\n');
    expect(letter.number).toBe('示教依复〔2026〕1号'); // 文号
    expect(letter.title).toBe('政府信息不予公开告知书');
    expect(letter.paragraphs[0]).toBe('张三：'); // applicant
    expect(text).toContain('本机关于2026年3月2日收到您提出的政府信息公开申请'); // received
    expect(text).toContain('申请获取：2025年度示例县义务教育阶段学校校车采购合同'); // what was asked
    expect(text).toContain('本机关决定不予公开'); // decision
    expect(text).toContain('不予公开的内容：合同中供应商的银行账户及联系人信息，涉及商业秘密'); // which part
    expect(text).toContain('《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项'); // the article
    expect(text).toContain('本答复书通过邮寄方式送达'); // delivery
    expect(text).toContain('自收到本答复书之日起60日内向示例县人民政府申请行政复议'); // remedies
    expect(text).toContain('自收到本答复书之日起6个月内依法向人民法院提起行政诉讼');
    expect(letter.paragraphs.at(-2)).toBe('示例县教育局'); // agency
    expect(letter.paragraphs.at(-1)).toBe('2026年3月20日'); // date
    expect(letter.toApplicant).toBe(true);
  });

  it('downloads as a Word file in the official layout: A4, margins, fonts, number, title, seal position, page numbers', async () => {
    const res = await handler.get(`/api/v1/applications/letters/${letter.id}/docx`);
    const xml = await documentXml(res);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('政府信息不予公开告知书（示教依复〔2026〕1号）.docx'));
    expect(xml).toContain('示教依复〔2026〕1号');
    expect(xml).toContain('政府信息不予公开告知书');
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 37 / 35 / 28 / 26 mm
    expect(xml).toMatch(/<w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toMatch(/w:line="580" w:lineRule="exact"/);
    expect(xml).toContain('（印章）');
    expect(xml).toContain('w:firstLineChars="200"');
    expect(xml).not.toContain(ID_NUMBER);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /word\/footer\d+\.xml/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.join('')).toContain('— ');
    expect(footers.join('')).toMatch(/PAGE/);
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('w:evenAndOddHeaders');
  });

  it('is audited by its number and the application number, without the applicant', async () => {
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'application.letter_issue'), eq(auditLog.targetId, String(letter.id))));
    expect(entry.summary).toMatch(/^出具答复书示教依复〔2026〕1号（申请编号 2026-jyj-\d+）$/);
    expect(entry.summary).not.toContain('张三');
  });
});

describe('every kind of letter', () => {
  it('issues each kind from the defaults, with the consultation letter going to the third party only', async () => {
    const { id } = await insertCase({ outcome: 'partly_disclosed', outcomeBasis: '《中华人民共和国政府信息公开条例》第十五条', clock: clock('2026-04-28', 20), dueOn: '2026-04-28' });
    const base = { issuedOn: '2026-03-20' };
    // The acknowledgement goes out at registration, before any extension.
    const ack = await issued(handler, (await insertCase()).id, { ...base, kind: 'acknowledgement' });
    expect(ack.paragraphs.join('')).toContain('最迟于2026年3月30日');
    const corr = await issued(handler, id, { ...base, kind: 'correction_notice', correctionItems: '请写明合同的签订年度和采购项目名称' });
    // 15 working days after Fri 2026-03-20, 清明 (04-04…06) skipped.
    expect(corr.paragraphs.join('')).toContain('15个工作日内（截止日期：2026年4月13日）');
    const ext = await issued(handler, id, { ...base, kind: 'extension_notice', extensionReason: '所需信息涉及多所学校，需要汇总核对' });
    expect(ext.paragraphs.join('')).toContain('答复期限延长20个工作日，本机关将最迟于2026年4月28日作出答复');
    const cons = await issued(handler, id, { ...base, kind: 'consultation_letter', party: '示例县某某客运有限公司', consultedInformation: '校车采购合同中贵公司的报价明细' });
    expect(cons.toApplicant).toBe(false);
    expect(cons.paragraphs[0]).toBe('示例县某某客运有限公司：');
    expect(cons.paragraphs.join('')).not.toContain('张三');
    const fee = await issued(handler, id, { ...base, kind: 'fee_notice', fee: { scheme: 'per_page', pages: 250 } });
    expect(fee.paragraphs.join('')).toContain('人民币4700元');
    const reply = await issued(handler, id, { ...base, kind: 'reply', withheldPart: '供应商的银行账户' });
    expect(reply.title).toBe('政府信息部分公开告知书');
    expect(reply.paragraphs.join('')).toContain('根据《中华人民共和国政府信息公开条例》第十五条的规定不予公开');
    expect([ack, corr, ext, cons, fee, reply].map((l) => l.number)).toEqual([
      '示教依登〔2026〕1号',
      '示教依补〔2026〕1号',
      '示教依延〔2026〕1号',
      '示教依征〔2026〕1号',
      '示教依费〔2026〕1号',
      '示教依复〔2026〕2号',
    ]);
  });

  it('a reply takes the outcome given while none is recorded, and refuses one that differs from the record', async () => {
    const open = await insertCase();
    const letter = await issued(handler, open.id, { kind: 'reply', issuedOn: '2026-03-20', outcome: 'not_processed.repeated' });
    expect(letter.title).toBe('政府信息公开申请不予处理告知书');
    expect(letter.paragraphs.join('')).toContain('第三十六条第（六）项');
    const closed = await insertCase({ outcome: 'disclosed' });
    await refused(() => issue(handler, closed.id, { kind: 'reply', outcome: 'withheld.state_secret' }), 400, '答复结果与案件已登记的结果（予以公开）不一致');
    await refused(() => issue(handler, open.id, { kind: 'reply' }), 400, '请先登记答复结果');
  });
});

describe('numbering', () => {
  it('is per organization, kind and year, and unique when two letters are issued at the same moment', async () => {
    const a = await insertCase({ receivedOn: '2025-12-01', dueOn: '2025-12-29', clock: clock('2025-12-29') });
    const [x, y] = await Promise.all([
      issued(handler, a.id, { kind: 'acknowledgement', issuedOn: '2025-12-02' }),
      issued(handler, a.id, { kind: 'acknowledgement', issuedOn: '2025-12-02' }),
    ]);
    expect([x.serial, y.serial].sort()).toEqual([1, 2]);
    expect(new Set([x.number, y.number]).size).toBe(2);
    // The next year starts again at 1.
    const next = await issued(handler, a.id, { kind: 'acknowledgement', issuedOn: '2026-01-05' });
    expect(next.number).toBe('示教依登〔2026〕2号'); // 2026's first was issued above (every kind of letter)
    const other = await insertCase({ org: 'zjj' });
    const z = await issued(zjj, other.id, { kind: 'acknowledgement', issuedOn: '2026-03-20' });
    expect(z.number).toBe('示住依登〔2026〕1号');
  });
});

describe('personal data', () => {
  it('the ID number never appears in a letter: typed into a field it is refused', async () => {
    const { id } = await insertCase({ outcome: 'other.other', outcomeBasis: '《中华人民共和国政府信息公开条例》第二条' });
    await refused(() => issue(handler, id, { kind: 'reply', details: `申请人（身份证号${ID_NUMBER}）撤回申请` }), 400, '文书中不得出现申请人的身份证件号码');
    const letter = await issued(handler, id, { kind: 'reply', details: '申请人已于2026年3月10日书面撤回申请' });
    expect(letter.paragraphs.join('')).toContain('申请人已于2026年3月10日书面撤回申请。');
    const rows = await t.database.db.execute<{ n: number }>(`select count(*)::int as n from application_letters where paragraphs::text like '%${ID_NUMBER}%'`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0].n).toBe(0);
  });
});

describe('authorization', () => {
  it('a handler of another organization can neither issue nor open a letter; the supervisor lists but cannot open the text', async () => {
    const { id } = await insertCase({ outcome: 'disclosed' });
    await refused(() => issue(zjj, id, { kind: 'reply' }), 403, '无权为该机构的申请出具文书');
    const letter = await issued(handler, id, { kind: 'reply' });
    expect((await zjj.get(`/api/v1/applications/letters/${letter.id}/docx`)).statusCode).toBe(403);
    expect((await zjj.get(`/api/v1/applications/${id}/letters`)).statusCode).toBe(403);
    const listed = await gkb.get(`/api/v1/applications/${id}/letters`);
    expect(listed.json().map((l: { number: string }) => l.number)).toContain(letter.number);
    expect((await gkb.get(`/api/v1/applications/letters/${letter.id}`)).statusCode).toBe(403);
    expect((await visitor.get(`/api/v1/applications/letters/${letter.id}/docx`)).statusCode).toBe(401);
  });

  it('refuses what cannot be written, naming what is missing', async () => {
    const { id } = await insertCase();
    await refused(() => issue(handler, id, { kind: 'correction_notice' }), 400, '请写明需要补正的事项');
    await refused(() => issue(handler, id, { kind: 'extension_notice', extensionReason: '需要汇总' }), 400, '请先登记经政府信息公开工作机构负责人批准的延期');
    await refused(() => issue(handler, id, { kind: 'fee_notice', fee: { scheme: 'per_application', countInMonth: 3 } }), 400, '不收取信息处理费');
    await refused(() => issue(handler, id, { kind: 'acknowledgement', issuedOn: '2026-02-01' }), 400, '不能早于收到申请之日');
  });
});

describe('the applicant', () => {
  it('downloads the letters addressed to them with the number and query code; anything else gets the same 404', async () => {
    const { id, number } = await insertCase({ outcome: 'disclosed' });
    const reply = await issued(handler, id, { kind: 'reply' });
    const cons = await issued(handler, id, { kind: 'consultation_letter', party: '某公司', consultedInformation: '报价' });
    const url = (letterId: number, code: string, n = number) => `/api/v1/applications/track/letters/${letterId}/docx?number=${encodeURIComponent(n)}&code=${code}`;
    expect(await documentXml(await visitor.get(url(reply.id, 'abcd 2345')))).toContain('政府信息予以公开告知书');
    const answers = await Promise.all([visitor.get(url(reply.id, 'ABCD2346')), visitor.get(url(reply.id, CODE, '2026-jyj-0000')), visitor.get(url(cons.id, CODE))]);
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe('申请编号或查询码不正确，或者没有该文书');
    }
  });
});

describe('templates', () => {
  it('the office head saves the organization\'s own template and prefix; letters use it; reset goes back to the default', async () => {
    const body = '{{applicant}}：\n本局已收到您的申请（编号{{application_number}}），将于{{due_date}}前答复。\n{{agency}}\n{{issued_date}}';
    await refused(() => handler.send('PUT', '/api/v1/applications/letter-templates', { kind: 'acknowledgement', title: '回执', body }), 403, '无权修改该机构的文书模板');
    await refused(() => head.send('PUT', '/api/v1/applications/letter-templates', { kind: 'acknowledgement', title: '回执', body: `${body}\n{{id_number}}` }), 400, /未知|不能使用这些占位符/);
    const saved = await head.send('PUT', '/api/v1/applications/letter-templates', { kind: 'acknowledgement', title: '政府信息公开申请回执', body, numberPrefix: '示教公开回' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().source).toBe('org');
    const listed = (await head.get('/api/v1/applications/letter-templates')).json();
    expect(listed.templates.find((x: { kind: string }) => x.kind === 'acknowledgement').source).toBe('org');
    expect(listed.templates.filter((x: { kind: string }) => x.kind === 'reply')).toHaveLength(6);

    const { id } = await insertCase();
    const letter = await issued(handler, id, { kind: 'acknowledgement', issuedOn: '2026-03-20' });
    expect(letter.number).toMatch(/^示教公开回〔2026〕\d+号$/);
    expect(letter.paragraphs[1]).toContain('将于2026年3月30日前答复');

    const preview = await head.send('POST', '/api/v1/applications/letter-templates/preview', { kind: 'reply', outcome: 'withheld' });
    expect(preview.json().paragraphs[0]).toBe('张三：');
    expect(preview.json().paragraphs.join('')).toContain('第十五条');
    const docx = await head.send('POST', '/api/v1/applications/letter-templates/preview/docx', { kind: 'acknowledgement' });
    expect(await documentXml(docx)).toContain('政府信息公开申请回执');

    const reset = await head.send('DELETE', '/api/v1/applications/letter-templates?kind=acknowledgement');
    expect(reset.json().source).toBe('default');
    expect((await issued(handler, id, { kind: 'acknowledgement', issuedOn: '2026-03-20' })).title).toBe('政府信息公开申请登记回执');
  });

  it('a fresh install without seeded templates issues from the built-in defaults', async () => {
    await t.database.db.delete(letterTemplates);
    const { id } = await insertCase({ outcome: 'unavailable.not_held' });
    const letter = await issued(handler, id, { kind: 'reply', details: '该信息由示例县财政局负责公开，联系电话0000-62100061' });
    expect(letter.title).toBe('政府信息无法提供告知书');
    expect(letter.paragraphs.join('')).toContain('该信息由示例县财政局负责公开');
    expect((await t.database.db.select().from(auditLog).where(like(auditLog.summary, '%张三%'))).length).toBe(0);
  });
});
