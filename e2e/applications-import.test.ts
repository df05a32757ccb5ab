// `gongkai applications import` as an operator runs it: a real process on a real embedded database
// folder — the counts on stdout, each invalid line with its number and reasons on stderr, exit 1
// when a line was left out, 2 for a file that is not there; a dry run writes nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = path.resolve('bin/gongkai.mjs');
const fixture = path.resolve('test/fixtures/applications-import/history.jsonl');
const dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-applications-import-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function gongkai(args: string[]) {
  const res = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, out: res.stdout.trim(), err: res.stderr.trim() };
}

beforeAll(() => {
  // The organizations the fixture names, as the demo has them (a residents' committee does not accept applications).
  for (const args of [
    ['--code', 'sxx', '--name', '示例县人民政府', '--kind', 'government'],
    ['--code', 'jyj', '--name', '示例县教育局', '--kind', 'department', '--parent', 'sxx'],
    ['--code', 'zjj', '--name', '示例县住房和城乡建设局', '--kind', 'department', '--parent', 'sxx'],
    ['--code', 'cgz', '--name', '示例县城关镇人民政府', '--kind', 'township', '--parent', 'sxx'],
    ['--code', 'cgz-cd', '--name', '城关镇城东社区居民委员会', '--kind', 'village', '--parent', 'cgz'],
  ]) {
    const r = gongkai(['org', 'create', ...args]);
    expect(r.code, r.err).toBe(0);
  }
});

describe('gongkai applications import', () => {
  it('is listed in the help', () => {
    expect(gongkai(['applications', 'import', '--help']).out).toContain('--dry-run');
  });

  it('a dry run checks every line and writes nothing', () => {
    const r = gongkai(['applications', 'import', fixture, '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('共 11 行，试运行（未写入数据库）：可导入 5 件，无效 6 行');
  });

  it('imports the valid lines, reports each invalid one by its number, exits 1', () => {
    const r = gongkai(['applications', 'import', fixture]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('共 11 行，导入 5 件，无效 6 行');
    expect(r.out).toContain('按机构：jyj 3 件，zjj 1 件，sxx 1 件');
    const lines = r.err.split('\n');
    expect(lines.filter((l) => /^第 \d+ 行：/.test(l)).map((l) => l.match(/^第 (\d+) 行/)![1])).toEqual(['4', '5', '7', '8', '10', '12']);
    expect(lines).toContain('第 4 行：找不到机构代码“nope”');
    expect(r.err).toContain('第 8 行：申请编号“2024-jyj-0007”与第 1 行重复');
    // Run again: the numbers given are there now.
    const again = gongkai(['applications', 'import', fixture]);
    expect(again.err).toContain('第 1 行：申请编号“2024-jyj-0007”已存在');
    expect(again.out).toContain('导入 3 件，无效 8 行');
  });

  it('a file that is not there is wrong usage (exit 2)', () => {
    const r = gongkai(['applications', 'import', path.join(dataDir, 'missing.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('文件不存在');
  });
});
