// The `gongkai` command as an operator runs it: a real process, a real embedded database folder.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve('bin/gongkai.mjs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function gongkai(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, out: res.stdout.trim(), err: res.stderr.trim() };
}

describe('gongkai command', () => {
  it('shows help', () => {
    const r = gongkai(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'seed-demo', 'org', 'user', 'calendar', 'documents', 'search']) expect(r.out).toContain(cmd);
  });

  it('adds working days across 国庆 2024 with its 调休 weekends', () => {
    const r = gongkai(['calendar', 'add-working-days', '--from', '2024-09-27', '--days', '20']);
    expect(r.err).toBe('');
    expect(r.out).toBe('2024-10-30');
    expect(r.code).toBe(0);
  });

  it('tells whether a day is a working day', () => {
    expect(gongkai(['calendar', 'is-working-day', '2024-10-12']).out).toBe('true'); // 调休上班 Saturday
    expect(gongkai(['calendar', 'is-working-day', '2024-10-07']).out).toBe('false'); // 国庆
    expect(gongkai(['calendar', 'is-working-day', '2025-01-28']).out).toBe('false'); // 除夕 2025
  });

  it('refuses a bad date or day count with a Chinese message and exit code 2', () => {
    const r = gongkai(['calendar', 'add-working-days', '--from', '2024-13-01', '--days', '5']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('日期无效');
    const r2 = gongkai(['calendar', 'add-working-days', '--from', '2024-01-01', '--days', '-3']);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('工作日天数');
  });

  it('imports a year and counts with it', () => {
    const file = path.join(dataDir, '2027.json');
    writeFileSync(file, JSON.stringify({ year: 2027, papers: [], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] }));
    const r = gongkai(['calendar', 'import', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2027');
    expect(gongkai(['calendar', 'add-working-days', '--from', '2026-12-31', '--days', '1']).out).toBe('2027-01-04');
    const bad = path.join(dataDir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ year: 2027, days: [{ name: '元旦', date: '2027-02-30', isOffDay: true }] }));
    const rb = gongkai(['calendar', 'import', bad]);
    expect(rb.code).toBe(1);
    expect(rb.err).toContain('2027-02-30');
  });

  it('creates organizations and users, refusing bad ones', () => {
    expect(gongkai(['org', 'create', '--code', 'ax', '--name', '甲县人民政府', '--kind', 'government']).code).toBe(0);
    const dept = gongkai(['org', 'create', '--code', 'ax-jyj', '--name', '甲县教育局', '--kind', 'department', '--parent', 'ax']);
    expect(dept.code).toBe(0);
    expect(dept.out).toContain('甲县教育局');
    const user = gongkai(['user', 'create', '--username', 'ax_editor', '--password', 'Strong#2026', '--name', '张三', '--org', 'ax-jyj', '--role', 'editor', 'reviewer']);
    expect(user.err).toBe('');
    expect(user.code).toBe(0);
    const weak = gongkai(['user', 'create', '--username', 'ax_weak', '--password', '123', '--name', '李四', '--org', 'ax-jyj', '--role', 'editor']);
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('密码');
    const role = gongkai(['user', 'create', '--username', 'ax_x', '--password', 'Strong#2026', '--name', '王五', '--org', 'ax-jyj', '--role', 'king']);
    expect(role.code).toBe(2);
    expect(role.err).toContain('未知的角色');
    const kind = gongkai(['org', 'create', '--code', 'ax-2', '--name', '乙', '--kind', 'ministry', '--parent', 'ax']);
    expect(kind.code).toBe(2);
  });

  it('rebuilds the search index', () => {
    const r = gongkai(['search', 'reindex']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已重建检索条目：文件 0 件，问答 0 条；移除已不公开的条目 0 条（用时 [\d.]+ 秒）$/);
  });

  it('does not open the embedded database while another process holds it', async () => {
    // A live process that is not us holds the lock, as a running server would.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(path.join(dataDir, 'gongkai.lock'), String(holder.pid));
      const org = gongkai(['org', 'create', '--code', 'ax-3', '--name', '丙', '--kind', 'department', '--parent', 'ax']);
      expect(org.code).toBe(1);
      expect(org.err).toContain('正被另一个进程');
      // The calendar still answers, from the shipped arrangements, and says so.
      const cal = gongkai(['calendar', 'add-working-days', '--from', '2024-09-27', '--days', '20']);
      expect(cal.out).toBe('2024-10-30');
      expect(cal.err).toContain('内置');
    } finally {
      holder.kill();
      rmSync(path.join(dataDir, 'gongkai.lock'), { force: true });
    }
  });
});
