// `gongkai documents import <folder|manifest> [--dry-run] [--report FILE]`: the run as an operator
// sees it. Exit code 0 when no row was rejected, 1 when some were (wrong usage exits 2 in src/cli.ts).
import path from 'node:path';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import { FileStore } from '../../../files.js';
import type { Manifest } from './manifest.js';
import { defaultReportName, printResult, progressPrinter, writeReport } from './report.js';
import { importManifest } from './run.js';

export async function importCommand(db: Db, config: Pick<Config, 'dataDir' | 'attachmentMaxBytes'>, manifest: Manifest, opts: { dryRun?: boolean; report?: string }): Promise<number> {
  const err = (s: string) => void process.stderr.write(s);
  const out = (s: string) => void process.stdout.write(s);
  if (manifest.unknownColumns.length) err(`注意：忽略未知的列：${manifest.unknownColumns.join('、')}\n`);
  err(`清单 ${manifest.file}（${manifest.format}），共 ${manifest.rows.length} 行${opts.dryRun ? '，试运行：不写入数据库' : ''}\n`);
  const started = Date.now();
  const result = await importManifest(db, manifest, {
    files: new FileStore(path.join(config.dataDir, 'files')),
    maxAttachmentBytes: config.attachmentMaxBytes,
    dryRun: opts.dryRun,
    onProgress: progressPrinter(err),
  });
  const seconds = (Date.now() - started) / 1000;
  err(`用时 ${seconds.toFixed(1)} 秒（${(result.total / Math.max(seconds, 0.001)).toFixed(1)} 行/秒）\n`);
  const reportFile = path.resolve(opts.report ?? defaultReportName());
  writeReport(reportFile, result);
  printResult(result, reportFile, Boolean(opts.dryRun), out, err);
  return result.rejected.length ? 1 : 0;
}
