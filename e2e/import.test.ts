// `gongkai documents import` as an operator runs it: a real process on a real embedded database
// folder — progress on stderr, the summary, the report file, exit codes 0, 1 and 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = path.resolve('bin/gongkai.mjs');
const folder = path.resolve('test/fixtures/import/folder');
const dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-import-cli-'));
const work = path.join(dataDir, 'work');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function gongkai(args: string[]) {
  const res = spawnSync(process.execPath, [bin, ...args], {
    cwd: work,
    env: { ...process.env, DATA_DIR: path.join(dataDir, 'data'), DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, out: res.stdout.trim(), err: res.stderr.trim() };
}

beforeAll(() => {
  mkdirSync(work);
  expect(gongkai(['seed-demo']).code).toBe(0);
});

describe('gongkai documents import', () => {
  it('imports a folder, shows progress and the summary, writes the rejected rows to a report, exits 1', () => {
    const r = gongkai(['documents', 'import', folder]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('处理中 7/7');
    expect(r.out).toContain('导入 4 件，已存在 0 件，拒绝 3 件');
    expect(r.err).toContain('第 6 行《不存在的机构的文件》：找不到发布机构');
    const reports = readdirSync(work).filter((f) => /^import-report-\d{8}-\d{6}\.csv$/.test(f));
    expect(reports).toHaveLength(1);
    const csv = readFileSync(path.join(work, reports[0]), 'utf8');
    expect(csv.startsWith('\uFEFF行号,标题,结果,原因')).toBe(true);
    expect(csv).toContain('7,日期写错的文件,拒绝,成文日期无效');
    expect(csv.trim().split('\r\n')).toHaveLength(4);
  });

  it('a second run imports nothing new', () => {
    const report = path.join(work, 'again.csv');
    const r = gongkai(['documents', 'import', path.join(folder, 'manifest.csv'), '--report', report]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('导入 0 件，已存在 4 件，拒绝 3 件');
    expect(existsSync(report)).toBe(true);
  });

  it('exits 0 when nothing is rejected; a dry run writes nothing', () => {
    const dir = path.join(work, 'clean');
    mkdirSync(dir);
    const row = {
      title: '示例县市场监督管理局关于开展2020年食品安全专项检查的通知',
      docNumber: '示市监发〔2020〕11号',
      org: 'scj',
      writtenOn: '2020-05-06',
      publishedOn: '2020-05-08',
      effectiveOn: '2020-05-06',
      genre: '通知',
      docType: '政策文件',
      topic: '市场监管、安全生产监管\\食品药品监管',
      summary: '部署食品安全专项检查。',
      body: '各乡镇人民政府：\n现就食品安全专项检查通知如下。',
      key: 'SCJ-2020-11',
    };
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ documents: [row] }));
    const dry = gongkai(['documents', 'import', dir, '--dry-run', '--report', path.join(work, 'dry.csv')]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('试运行（未写入）：导入 1 件');
    const real = gongkai(['documents', 'import', dir, '--report', path.join(work, 'clean.csv')]);
    expect(real.code).toBe(0);
    expect(real.out).toContain('导入 1 件，已存在 0 件，拒绝 0 件');
  });

  it('wrong usage exits 2 with a Chinese message', () => {
    const missing = gongkai(['documents', 'import', path.join(work, 'nothing-here')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到文件或文件夹');
    const format = path.join(work, 'list.txt');
    writeFileSync(format, 'x');
    const bad = gongkai(['documents', 'import', format]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('不支持的清单格式');
    expect(gongkai(['documents', 'import']).code).toBe(2);
  });
});
