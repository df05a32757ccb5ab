// An import run: every row of a manifest checked, then imported in batches (batch.ts: a few
// queries and one transaction a batch; rows with attachments one by one), policies before the
// interpretations that refer to them; then the repeal relations the rows declare, once all
// documents are in. A dry run does the same inside one transaction and rolls it back.
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../errors.js';
import { chinaDate, type IsoDate } from '../../../domain/dates.js';
import { FileStore } from '../../../files.js';
import { importBatch, ImportChecks } from './batch.js';
import { OrgResolver, publishedByDocNumber } from './import-row.js';
import type { Manifest } from './manifest.js';
import { recordRepeals } from './repeals.js';
import { checkRow, type ImportRow } from './row.js';

export interface RowProblem {
  rowNo: number;
  title: string;
  reason: string;
}

export interface ImportResult {
  total: number;
  imported: number;
  existing: number;
  rejected: RowProblem[];
  /** Imported rows whose repeal relations could not all be recorded. */
  warnings: RowProblem[];
  /** Document ids by row number, for rows imported or found already present. */
  ids: Map<number, number>;
}

export interface ImportOptions {
  files: FileStore;
  maxAttachmentBytes: number;
  dryRun?: boolean;
  today?: IsoDate;
  onProgress?: (done: number, total: number) => void;
}

/** Computes file ids without writing: a dry run leaves nothing behind. */
class DryRunFiles extends FileStore {
  override put(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }
}

class RollBack extends Error {}

/** Rows a batch: its transaction stays short, and progress is reported often enough. */
const BATCH_SIZE = 500;

/** The reason a row or relation failed, as the operator reads it. */
export function reasonOf(err: unknown): string {
  if (err instanceof AppError) return err.message;
  return `导入失败：${(err as Error).message}`;
}

async function run(db: Db, manifest: Manifest, opts: ImportOptions, files: FileStore): Promise<ImportResult> {
  const today = opts.today ?? chinaDate(new Date());
  const result: ImportResult = { total: manifest.rows.length, imported: 0, existing: 0, rejected: [], warnings: [], ids: new Map() };
  const checked = manifest.rows.map((r) => checkRow(r, today));
  const valid: ImportRow[] = [];
  for (const c of checked) {
    if (c.ok) valid.push(c.row);
    else result.rejected.push({ rowNo: c.rowNo, title: c.title, reason: c.problems.join('；') });
  }
  // Policies first, in batches of their own: an interpretation may refer to a policy further down
  // the manifest, and is looked up among the documents already stored.
  const groups = [valid.filter((r) => !r.interpretationOf), valid.filter((r) => r.interpretationOf)];
  const batchOptions = { folder: manifest.folder, files, maxAttachmentBytes: opts.maxAttachmentBytes, orgs: new OrgResolver(db), checks: new ImportChecks(db), today };
  const done: { row: ImportRow; id: number; orgId: number }[] = [];
  let count = result.rejected.length;
  opts.onProgress?.(count, result.total);
  for (const group of groups) {
    for (let i = 0; i < group.length; i += BATCH_SIZE) {
      for (const o of await importBatch(db, group.slice(i, i + BATCH_SIZE), batchOptions)) {
        const { row } = o;
        if ('outcome' in o) {
          if (o.outcome.outcome === 'imported') result.imported++;
          else result.existing++;
          result.ids.set(row.rowNo, o.outcome.id);
          done.push({ row, id: o.outcome.id, orgId: o.outcome.orgId });
        } else {
          result.rejected.push({ rowNo: row.rowNo, title: row.fields.title, reason: reasonOf(o.error) });
        }
        opts.onProgress?.(++count, result.total);
      }
    }
  }
  // The documents the repeals name, asked once: recording a relation changes no doc number or publication.
  const withRepeals = done.filter((d) => d.row.repeals.length);
  const published = await publishedByDocNumber(db, withRepeals.flatMap((d) => d.row.repeals));
  await recordRepeals(db, withRepeals, published, result.warnings);
  result.rejected.sort((a, b) => a.rowNo - b.rowNo);
  result.warnings.sort((a, b) => a.rowNo - b.rowNo);
  return result;
}

export async function importManifest(db: Db, manifest: Manifest, opts: ImportOptions): Promise<ImportResult> {
  if (!opts.dryRun) return run(db, manifest, opts, opts.files);
  let result: ImportResult | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await run(tx, manifest, opts, new DryRunFiles(''));
      throw new RollBack();
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  return result!;
}
