// 列席 meetings through the staff API and the use cases (issue #7 item 6): recording a meeting, its
// representatives with and without consent, their opinions and the handling of each; publishing; what
// may change after publishing (handling and consent only; withdrawing to correct the record); another
// department and the public refused; every change audited, every refusal leaving nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { addDays, chinaDate } from '../../domain/dates.js';
import { auditLog } from '../orgs/schema.js';
import { maskNames, representativeLabel } from './display.js';

let t: TestApp;
let editor: TestClient;
let other: TestClient;
let gkb: TestClient;
let reviewer: TestClient;
const today = chinaDate(new Date());

beforeAll(async () => {
  t = await startTestApp();
  [editor, other, gkb, reviewer] = await Promise.all([t.client('sxx_editor'), t.client('jyj_editor'), t.client('gkb'), t.client('jyj_reviewer')]);
});
afterAll(() => t?.close());

const MEETING = { title: '县政府第15次常务会议', heldOn: addDays(today, -3), topics: '审议《示例县城区停车收费管理办法》', selection: '网上自愿报名，随机抽取' };

describe('representatives are shown by name only with their consent', () => {
  it('labels and masks', () => {
    const hidden = { name: '王小明', capacity: '市民代表', namePublic: false };
    const named = { name: '李华', capacity: '县人大代表', namePublic: true };
    expect(representativeLabel(named)).toBe('李华（县人大代表）');
    expect(representativeLabel(hidden)).toBe('市民代表（未公开姓名）');
    expect(representativeLabel({ ...hidden, capacity: ' ' })).toBe('列席代表（未公开姓名）');
    expect(maskNames('王小明建议延长免费时段，李华附议', [hidden, named, { name: '小明', capacity: '', namePublic: false }])).toBe('×××建议延长免费时段，李华附议');
  });
});

describe('meetings', () => {
  let id: number;
  let named: number;
  let hidden: number;
  let opinion: number;

  it('records a meeting, two representatives (one not to be named) and an opinion', async () => {
    await expectRefused(t, () => editor.send('POST', '/api/v1/meetings', { ...MEETING, title: '  ' }), 400, '请填写会议名称');
    const res = await editor.send('POST', '/api/v1/meetings', MEETING);
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ org: { code: 'sxx' }, published: false, representatives: [], opinions: [], canManage: true });

    await expectRefused(t, () => editor.send('POST', `/api/v1/meetings/${id}/representatives`, { name: '张三', capacity: ' ', namePublic: false }), 400, /请填写代表身份/);
    named = (await editor.send('POST', `/api/v1/meetings/${id}/representatives`, { name: '李华', capacity: '县人大代表', namePublic: true })).json().representatives[0].id;
    const two = (await editor.send('POST', `/api/v1/meetings/${id}/representatives`, { name: '王小明', capacity: '市民代表', namePublic: false })).json();
    hidden = two.representatives[1].id;
    expect(two.representatives[1]).toEqual({ id: hidden, name: '王小明', capacity: '市民代表', namePublic: false, publicLabel: '市民代表（未公开姓名）' });

    const withOpinion = await editor.send('POST', `/api/v1/meetings/${id}/opinions`, { representativeId: hidden, opinion: '建议老城区停车前30分钟免费' });
    expect(withOpinion.statusCode).toBe(201);
    opinion = withOpinion.json().opinions[0].id;
    expect(withOpinion.json().opinions[0]).toMatchObject({ representativeId: hidden, handled: false, handling: '', handledOn: null, handledBy: null });
    await expectRefused(t, () => editor.send('POST', `/api/v1/meetings/${id}/opinions`, { representativeId: 999999, opinion: '另一条' }), 404, '找不到该列席代表');

    const list = (await gkb.get('/api/v1/meetings')).json().items;
    expect(list.find((m: { id: number }) => m.id === id)).toMatchObject({ representatives: 2, opinions: 1, unhandled: 1, published: false, canManage: false });
  });

  it('refuses another department, a reader and the public', async () => {
    await expectRefused(t, () => other.send('PUT', `/api/v1/meetings/${id}`, MEETING), 403, '无权修改该会议');
    await expectRefused(t, () => other.send('POST', `/api/v1/meetings/${id}/publish`), 403, '无权发布该会议');
    await expectRefused(t, () => other.send('POST', `/api/v1/meetings/${id}/opinions/${opinion}/handling`, { handling: '已办' }), 403, '无权登记意见办理情况');
    const sxx = (await editor.get(`/api/v1/meetings/${id}`)).json().org.id;
    await expectRefused(t, () => other.send('POST', '/api/v1/meetings', { ...MEETING, orgId: sxx }), 403, '无权为该机构登记会议');
    await expectRefused(t, () => other.get(`/api/v1/meetings/${id}`), 403, '无权查看该会议');
    expect((await other.get('/api/v1/meetings')).json().items.map((m: { id: number }) => m.id)).not.toContain(id);
    await expectRefused(t, () => reviewer.send('POST', '/api/v1/meetings', MEETING), 403, '无权为该机构登记会议');
    await expectRefused(t, () => gkb.send('POST', `/api/v1/meetings/${id}/publish`), 403, '无权发布该会议');
    expect((await gkb.get(`/api/v1/meetings/${id}`)).json()).toMatchObject({ canManage: false, representatives: [{ name: '李华' }, { name: '王小明' }] });
    const anonymous = await t.client();
    expect((await anonymous.get('/api/v1/meetings')).statusCode).toBe(401);
    expect((await anonymous.get(`/api/v1/public/meetings/${id}`)).statusCode).toBe(404);
  });

  it('publishes only a meeting held, with its topics, selection and a representative', async () => {
    const future = (await editor.send('POST', '/api/v1/meetings', { ...MEETING, heldOn: addDays(today, 5) })).json().id;
    await editor.send('POST', `/api/v1/meetings/${future}/representatives`, { name: '赵六', capacity: '专家', namePublic: true });
    await expectRefused(t, () => editor.send('POST', `/api/v1/meetings/${future}/publish`), 409, /召开后才能发布列席情况/);
    const bare = (await editor.send('POST', '/api/v1/meetings', { title: '空会议', heldOn: today })).json().id;
    await expectRefused(t, () => editor.send('POST', `/api/v1/meetings/${bare}/publish`), 400, '请填写会议议题');
    await editor.send('PUT', `/api/v1/meetings/${bare}`, { title: '空会议', heldOn: today, topics: '议题', selection: '邀请' });
    await expectRefused(t, () => editor.send('POST', `/api/v1/meetings/${bare}/publish`), 400, '请至少登记一名列席代表');
    expect((await editor.send('DELETE', `/api/v1/meetings/${bare}`)).statusCode).toBe(204);
    expect((await editor.get(`/api/v1/meetings/${bare}`)).statusCode).toBe(404);

    const published = await editor.send('POST', `/api/v1/meetings/${id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ published: true, publishedOn: today });
    await expectRefused(t, () => editor.send('POST', `/api/v1/meetings/${id}/publish`), 409, '该会议已经发布');
  });

  it('after publishing keeps the record, takes the handling as it comes and a change of consent', async () => {
    await expectRefused(t, () => editor.send('PUT', `/api/v1/meetings/${id}`, { ...MEETING, title: '改名' }), 409, /会议已经发布，会议记录不能再修改/);
    await expectRefused(t, () => editor.send('POST', `/api/v1/meetings/${id}/opinions`, { representativeId: named, opinion: '补充' }), 409, /会议已经发布/);
    await expectRefused(t, () => editor.send('DELETE', `/api/v1/meetings/${id}/opinions/${opinion}`), 409, /会议已经发布/);
    await expectRefused(t, () => editor.send('PUT', `/api/v1/meetings/${id}/representatives/${hidden}`, { name: '王晓明', capacity: '市民代表', namePublic: false }), 409, /姓名和身份不能再修改/);
    await expectRefused(t, () => editor.send('DELETE', `/api/v1/meetings/${id}`), 409, /不能删除/);

    await expectRefused(t, () => editor.send('POST', `/api/v1/meetings/${id}/opinions/${opinion}/handling`, { handling: '  ' }), 400, '请填写办理情况');
    await expectRefused(t, () => editor.send('POST', `/api/v1/meetings/${id}/opinions/${opinion}/handling`, { handling: '已采纳', handledOn: addDays(today, 1) }), 400, '办理日期不能晚于今天');
    await expectRefused(t, () => editor.send('POST', `/api/v1/meetings/${id}/opinions/${opinion}/handling`, { handling: '已采纳', handledOn: addDays(today, -4) }), 400, /办理日期不能早于会议召开日期/);
    const handled = await editor.send('POST', `/api/v1/meetings/${id}/opinions/${opinion}/handling`, { handling: '已采纳，办法第八条改为首30分钟免费', handledOn: addDays(today, -1) });
    expect(handled.statusCode, handled.body).toBe(200);
    expect(handled.json().opinions[0]).toMatchObject({ handled: true, handling: '已采纳，办法第八条改为首30分钟免费', handledOn: addDays(today, -1), handledBy: { name: '黄志强', orgName: '示例县人民政府' } });

    // The representative named publicly withdraws consent: from then on, capacity only.
    const withdrawn = await editor.send('PUT', `/api/v1/meetings/${id}/representatives/${named}`, { name: '李华', capacity: '县人大代表', namePublic: false });
    expect(withdrawn.json().representatives[0]).toMatchObject({ namePublic: false, publicLabel: '县人大代表（未公开姓名）' });

    const audit = await t.database.db.select({ action: auditLog.action, summary: auditLog.summary }).from(auditLog).where(and(eq(auditLog.targetType, 'meeting'), eq(auditLog.targetId, String(id))));
    expect(audit.map((a) => a.action)).toEqual(['meeting.create', 'meeting.representative', 'meeting.representative', 'meeting.opinion', 'meeting.publish', 'meeting.handle', 'meeting.representative']);
    expect(audit.at(-1)!.summary).toContain('改为不公开姓名');
    // The log names representatives by capacity, never by name.
    expect(JSON.stringify(audit)).not.toMatch(/王小明|李华/);
  });

  it('withdraws to correct the record, with a reason, and publishes again', async () => {
    await expectRefused(t, () => editor.send('POST', `/api/v1/meetings/${id}/withdraw`, { reason: ' ' }), 400, '请说明撤回发布的原因');
    await expectRefused(t, () => other.send('POST', `/api/v1/meetings/${id}/withdraw`, { reason: '更正' }), 403, '无权撤回该会议');
    const back = await editor.send('POST', `/api/v1/meetings/${id}/withdraw`, { reason: '议题名称有误' });
    expect(back.json()).toMatchObject({ published: false });
    const fixed = await editor.send('PUT', `/api/v1/meetings/${id}`, { ...MEETING, topics: '审议《示例县城区机动车停车收费管理办法》' });
    expect(fixed.json().topics).toBe('审议《示例县城区机动车停车收费管理办法》');
    // Handling recorded before the withdrawal stays.
    expect(fixed.json().opinions[0]).toMatchObject({ handled: true });
    expect((await editor.send('POST', `/api/v1/meetings/${id}/publish`)).statusCode).toBe(200);
  });

  it('shows the public neither name that was not agreed to, in the JSON as on the list', async () => {
    const anonymous = await t.client();
    const one = (await anonymous.get(`/api/v1/public/meetings/${id}`)).json();
    expect(one).toMatchObject({
      title: '县政府第15次常务会议',
      orgName: '示例县人民政府',
      selection: '网上自愿报名，随机抽取',
      representatives: [
        { number: 1, label: '县人大代表（未公开姓名）' },
        { number: 2, label: '市民代表（未公开姓名）' },
      ],
      opinions: [
        {
          number: 1,
          representative: '市民代表（未公开姓名）',
          opinion: '建议老城区停车前30分钟免费',
          statusLabel: '已办理',
          handling: { text: '已采纳，办法第八条改为首30分钟免费', handledOn: addDays(today, -1), orgName: '示例县人民政府' },
        },
      ],
      url: `/zfxxgk/lxhy/${id}`,
    });
    const list = (await anonymous.get('/api/v1/public/meetings')).json();
    expect(list.items.find((m: { id: number }) => m.id === id)).toMatchObject({ representatives: 2, opinions: 1, handled: 1 });
    expect(JSON.stringify([one, list])).not.toMatch(/王小明|李华|黄志强/);
  });
});
