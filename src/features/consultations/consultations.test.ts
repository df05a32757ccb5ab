// Consultations through the staff API and the use cases (issue #7): the 30-day rule and its public
// reason, comments (clause, length, flood), moderation, dispositions, the adoption report after the
// close, anonymised public reading, another department refused, and the supervisor's overdue list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { systemContext } from '../../context.js';
import { addDays, chinaDate } from '../../domain/dates.js';
import { submitComment, COMMENTS_PER_HOUR } from './comment.js';
import { publicConsultation } from './public.js';
import { publishAdoptionReport } from './report.js';

let t: TestApp;
let editor: TestClient;
let other: TestClient;
let gkb: TestClient;
const today = chinaDate(new Date());
const DRAFT = ['示例县城乡居民养老补贴办法（征求意见稿）', '第一条 为了保障老年居民基本生活，制定本办法。', '第二条 本办法适用于本县户籍居民。', '第三条 补贴标准为每人每月100元。'].join('\n');
const db = () => t.database.db;

beforeAll(async () => {
  t = await startTestApp();
  [editor, other, gkb] = await Promise.all([t.client('jyj_editor'), t.client('zjj_editor'), t.client('gkb')]);
});
afterAll(() => t?.close());

const create = (c: TestClient, body: Record<string, unknown>) => c.send('POST', '/api/v1/consultations', { title: '示例县城乡居民养老补贴办法', draft: DRAFT, ...body });

describe('consultations', () => {
  let id: number;

  it('asks a public reason for a period under 30 days, and opens on publishing', async () => {
    const period = { startsOn: addDays(today, -5), endsOn: addDays(today, 14) };
    await expectRefused(t, () => create(editor, period), 400, '征求意见期限为 20 天，少于 30 日，须说明理由（理由将向社会公开）');
    const res = await create(editor, { ...period, shortPeriodReason: '须在明年1月1日前施行', explanation: '起草说明……', channels: '信函：示例县教育局' });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ phase: 'draft', periodDays: 20, published: false });
    await expect(publicConsultation(db(), id)).rejects.toThrow('找不到该征求意见');
    const published = await editor.send('POST', `/api/v1/consultations/${id}/publish`);
    expect(published.json()).toMatchObject({ phase: 'open', daysLeft: 15 });
    // Once published the draft stays as people read it; the end may only move later.
    await expectRefused(t, () => editor.send('PUT', `/api/v1/consultations/${id}`, { title: '示例县城乡居民养老补贴办法', draft: DRAFT + '\n第四条 新增。', ...period, shortPeriodReason: 'x' }), 409, /草案和开始日期不能再修改/);
    await expectRefused(t, () => editor.send('PUT', `/api/v1/consultations/${id}`, { title: '示例县城乡居民养老补贴办法', draft: DRAFT, startsOn: period.startsOn, endsOn: addDays(today, 10), shortPeriodReason: 'x' }), 409, /截止日期只能延后/);
  });

  it('refuses another department and the public', async () => {
    await expectRefused(t, () => other.send('POST', `/api/v1/consultations/${id}/publish`), 403, '无权发布该征求意见');
    await expectRefused(t, () => other.get(`/api/v1/consultations/${id}/comments`), 403, '无权查看该征求意见收到的意见');
    const anonymous = await t.client();
    expect((await anonymous.get('/api/v1/consultations')).statusCode).toBe(401);
    expect((await other.get('/api/v1/consultations')).json().items.map((i: { id: number }) => i.id)).not.toContain(id);
  });

  it('takes comments on a clause, as text, and never shows who sent them', async () => {
    await expect(submitComment(db(), id, { body: '建议', clause: 9 }, '10.0.0.1')).rejects.toThrow('征求意见稿中没有第 9 条');
    await expect(submitComment(db(), id, { body: 'x'.repeat(2001) }, '10.0.0.1')).rejects.toThrow('意见内容不能超过 2000 字（现为 2001 字）');
    await expect(submitComment(db(), id, { body: '  ' }, '10.0.0.1')).rejects.toThrow('请填写意见内容');
    const first = await submitComment(db(), id, { body: '<script>alert(1)</script>建议提高到每月150元', clause: 3, name: '张三', contact: '13800000000' }, '10.0.0.1');
    await submitComment(db(), id, { body: '希望简化申领手续' }, '10.0.0.2');
    const staff = (await editor.get(`/api/v1/consultations/${id}/comments`)).json();
    expect(staff.items[0]).toMatchObject({ id: first.id, clause: 3, sender: { name: '张三', contact: '13800000000' }, moderation: 'pending' });
    // Pending comments are not public.
    expect((await publicConsultation(db(), id)).comments).toEqual([]);
    for (const c of staff.items) expect((await editor.send('POST', `/api/v1/consultations/${id}/comments/${c.id}/moderation`, { moderation: 'published' })).statusCode).toBe(200);
    const shown = await publicConsultation(db(), id);
    expect(shown.comments[0]).toEqual({ number: 1, clause: 3, body: '<script>alert(1)</script>建议提高到每月150元', receivedOn: today });
    expect(JSON.stringify(shown)).not.toMatch(/张三|13800000000/);
    expect(shown.parts.filter((p) => p.clause !== null).map((p) => p.clause)).toEqual([1, 2, 3]);
    expect(shown).toMatchObject({ shortPeriodReason: '须在明年1月1日前施行', phase: 'open' });
  });

  it('refuses a flood from one address with a clear message', async () => {
    for (let i = 0; i < COMMENTS_PER_HOUR; i++) await submitComment(db(), id, { body: `第${i}条意见` }, '10.0.0.9');
    await expect(submitComment(db(), id, { body: '再一条' }, '10.0.0.9')).rejects.toThrow(`同一网络地址一小时内最多提交 ${COMMENTS_PER_HOUR} 条意见，请稍后再提交`);
    await expect(submitComment(db(), id, { body: '另一地址' }, '10.0.0.10')).resolves.toMatchObject({ clause: null });
  });

  it('reports adoption only after the close, with every comment moderated and disposed, a reason where not adopted', async () => {
    const staff = (await editor.get(`/api/v1/consultations/${id}/comments`)).json().items as { id: number; moderation: string }[];
    const [first, second, ...rest] = staff;
    await expectRefused(t, () => editor.send('POST', `/api/v1/consultations/${id}/comments/${first!.id}/disposition`, { disposition: 'partly_adopted' }), 400, '部分采纳的意见须说明理由');
    const partly = await editor.send('POST', `/api/v1/consultations/${id}/comments/${first!.id}/disposition`, { disposition: 'partly_adopted', reason: '补贴标准调整为每月120元，受财力所限未达150元', topic: '补贴标准' });
    expect(partly.json()).toMatchObject({ dispositionLabel: '部分采纳' });
    await editor.send('POST', `/api/v1/consultations/${id}/comments/${second!.id}/disposition`, { disposition: 'adopted', topic: '申领手续' });
    await expectRefused(t, () => editor.send('POST', `/api/v1/consultations/${id}/comments/${rest[0]!.id}/moderation`, { moderation: 'rejected' }), 400, /须说明原因/);
    for (const c of rest) await editor.send('POST', `/api/v1/consultations/${id}/comments/${c.id}/moderation`, { moderation: 'rejected', note: '重复提交的无关内容' });

    await expectRefused(t, () => editor.send('POST', `/api/v1/consultations/${id}/report`, { summary: '共收到意见……' }), 409, '征求意见尚未结束，不能公布采纳情况');
    const closed = new Date(`${addDays(today, 15)}T10:00:00+08:00`);
    const ctx = { ...systemContext };
    const report = await publishAdoptionReport(db(), ctx, id, { summary: '共收到意见14条，采纳1条，部分采纳1条。' }, closed);
    expect(report).toMatchObject({ phase: 'reported', reportPublishedOn: addDays(today, 15) });
    const shown = await publicConsultation(db(), id, addDays(today, 15));
    expect(shown.report).toEqual({ summary: '共收到意见14条，采纳1条，部分采纳1条。', publishedOn: addDays(today, 15) });
    expect(shown.comments).toHaveLength(2);
    expect(shown.comments[0]).toMatchObject({ clause: 3, dispositionLabel: '部分采纳', reason: '补贴标准调整为每月120元，受财力所限未达150元', topic: '补贴标准' });
    await expectRefused(t, () => editor.send('POST', `/api/v1/consultations/${id}/comments/${first!.id}/disposition`, { disposition: 'adopted' }), 409, '采纳情况已经公布，意见的处理不能再修改');
  });

  it('shows the supervisor an adoption report still unpublished a month after the close', async () => {
    const ended = addDays(today, -32);
    const res = await create(editor, { title: '示例县校外培训机构管理办法', startsOn: addDays(ended, -29), endsOn: ended });
    const late = res.json().id;
    await editor.send('POST', `/api/v1/consultations/${late}/publish`);
    const overdue = (await gkb.get('/api/v1/consultations/overdue')).json();
    expect(overdue.items.map((i: { id: number }) => i.id)).toContain(late);
    expect(overdue.items.find((i: { id: number }) => i.id === late)).toMatchObject({ phase: 'closed', reportOverdue: true, org: { name: expect.stringContaining('教育局') } });
    expect(overdue.items.map((i: { id: number }) => i.id)).not.toContain(id);
  });
});
