// `gongkai applications import FILE.jsonl [--dry-run]` as an operator sees it: the counts on stdout,
// each invalid line with its number and reasons on stderr. Exit code 0 when every line was
// imported, 1 when some were not (wrong usage exits 2 in src/cli.ts).
import path from 'node:path';
import { systemContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { importApplications } from './run.js';

export async function importApplicationsCommand(db: Db, file: string, text: string, opts: { dryRun?: boolean }): Promise<number> {
  const result = await importApplications(db, systemContext, text, { source: path.basename(file), dryRun: opts.dryRun });
  for (const e of result.errors) process.stderr.write(`第 ${e.line} 行：${e.reason}\n`);
  const verb = result.dryRun ? '试运行（未写入数据库）：可导入' : '导入';
  process.stdout.write(`共 ${result.total} 行，${verb} ${result.imported.length} 件，无效 ${result.errors.length} 行\n`);
  const byOrg = new Map<string, number>();
  for (const i of result.imported) byOrg.set(i.org, (byOrg.get(i.org) ?? 0) + 1);
  if (byOrg.size) process.stdout.write(`按机构：${[...byOrg].map(([org, n]) => `${org} ${n} 件`).join('，')}\n`);
  return result.errors.length ? 1 : 0;
}
