// The workbench's pickers: a department's handler is offered its own organization and its own
// handling staff only; the supervisor the whole government's; staff without an applications role
// and the public nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface Staff {
  organizations: { id: number; name: string }[];
  staff: { id: number; name: string; orgId: number; roles: string[] }[];
}

const staffOf = async (username: string) => (await (await t.client(username)).get('/api/v1/applications/staff')).json() as Staff;

describe('GET /applications/staff', () => {
  it('offers a handler its own organization and the colleagues who may take a case up', async () => {
    const s = await staffOf('jyj_handler');
    expect(s.organizations.map((o) => o.name)).toEqual(['示例县教育局']);
    // The handler and the office head; not the editor, reviewer or secrecy reviewer of the bureau.
    expect(s.staff.map((u) => u.name).sort()).toEqual(['刘洋', '周振华'].sort());
    expect(s.staff.every((u) => u.orgId === s.organizations[0]!.id)).toBe(true);
  });

  it('offers the supervisor every answering organization of the government, not a residents’ committee', async () => {
    const s = await staffOf('gkb');
    const names = s.organizations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['示例县人民政府', '示例县教育局', '示例县住房和城乡建设局', '示例县城关镇人民政府']));
    expect(names).not.toContain('城关镇城东社区居民委员会');
    expect(s.staff.map((u) => u.name)).toEqual(expect.arrayContaining(['刘洋', '周振华', '吴海燕', '郑小军']));
  });

  it('refuses staff without an applications role and the public', async () => {
    const [editor, anonymous] = await Promise.all([t.client('jyj_editor'), t.client()]);
    await expectRefused(t, () => editor.get('/api/v1/applications/staff'), 403, '没有查看政府信息公开申请的权限');
    await expectRefused(t, () => anonymous.get('/api/v1/applications/staff'), 401, /登录/);
  });
});
