// The check rules are data: the supervising office edits them, and drafts are checked with them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { DEFAULT_CHECK_RULES } from '../../domain/text-checks.js';

let t: TestApp;
let gkb: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  gkb = await t.client('gkb');
});
afterAll(() => t.close());

describe('check rules', () => {
  it('start from the defaults', async () => {
    expect((await gkb.get('/api/v1/settings/check-rules')).json()).toEqual(DEFAULT_CHECK_RULES);
  });

  it('are changed by the supervising office and used on the next check', async () => {
    const res = await gkb.send('PUT', '/api/v1/settings/check-rules', {
      sensitiveWords: [' 绝对保证 ', '绝对保证', ''],
      wordingErrors: [{ wrong: '示例县人民政府办', right: '示例县人民政府办公室' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sensitiveWords).toEqual(['绝对保证']);
    const editor = await t.client('jyj_editor');
    const doc = (
      await editor.send('POST', '/api/v1/documents', {
        title: '示例县教育局关于做好校车安全管理的通知', docNumber: '示教发〔2026〕50号', writtenOn: '2026-11-20', effectiveOn: '2026-11-20',
        genre: '通知', docType: 'policy', topic: '11.02', summary: '校车安全。', body: '<p>经示例县人民政府办同意，各校要绝对保证校车安全。</p>',
      })
    ).json();
    const findings = (await editor.get(`/api/v1/documents/${doc.id}`)).json().findings as { code: string; severity: string }[];
    expect(findings.map((f) => `${f.code}:${f.severity}`)).toEqual(['wording_error:block', 'sensitive_word:warn']);
    expect((await editor.send('POST', `/api/v1/documents/${doc.id}/transitions/submit`, {})).statusCode).toBe(400);
    const audit = (await gkb.get('/api/v1/audit?action=settings.check_rules')).json().items[0];
    expect(audit.summary).toBe('修改发布检查规则：敏感词 1 个，错误表述 1 条');
  });

  it('refuse a wording error without its correction, and anyone but administrators and the supervisor', async () => {
    const bad = await gkb.send('PUT', '/api/v1/settings/check-rules', { sensitiveWords: [], wordingErrors: [{ wrong: '某某', right: '' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('某某');
    for (const username of ['jyj_editor', 'jyj_head']) {
      const c = await t.client(username);
      expect((await c.send('PUT', '/api/v1/settings/check-rules', { sensitiveWords: [], wordingErrors: [] })).statusCode).toBe(403);
    }
    expect((await gkb.get('/api/v1/settings/check-rules')).json().sensitiveWords).toEqual(['绝对保证']);
  });
});
