// Step 4 of an import: what the operator sees — progress on stderr, the summary, and the rejected
// rows with their reasons, printed (the first 20) and written to a CSV report that Excel opens.
import { writeFileSync } from 'node:fs';
import type { ImportResult, RowProblem } from './run.js';

/** At most a line a second, and every 100 rows; always the last one. */
export function progressPrinter(write: (line: string) => void, now = () => Date.now()) {
  let last = 0;
  let lastCount = 0;
  return (done: number, total: number) => {
    const t = now();
    if (done === total || done - lastCount >= 100 || t - last >= 1000) {
      if (done === lastCount && done !== total) return;
      write(`处理中 ${done}/${total} …\n`);
      last = t;
      lastCount = done;
    }
  };
}

export function summaryLine(r: ImportResult, dryRun = false): string {
  return `${dryRun ? '试运行（未写入）：' : ''}导入 ${r.imported} 件，已存在 ${r.existing} 件，拒绝 ${r.rejected.length} 件`;
}

export function problemLine(p: RowProblem): string {
  return `第 ${p.rowNo} 行${p.title ? `《${p.title}》` : ''}：${p.reason}`;
}

function csvField(s: string | number): string {
  const t = String(s);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** The report as CSV with a BOM (Excel then reads it as UTF-8): row, title, outcome, reason. */
export function reportCsv(r: ImportResult): string {
  const lines = [['行号', '标题', '结果', '原因']];
  for (const p of r.rejected) lines.push([String(p.rowNo), p.title, '拒绝', p.reason]);
  for (const p of r.warnings) lines.push([String(p.rowNo), p.title, '已导入，有警告', p.reason]);
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** ./import-report-YYYYMMDD-HHMMSS.csv, in China Standard Time. */
export function defaultReportName(now = new Date()): string {
  const t = new Date(now.getTime() + 8 * 3600_000).toISOString();
  return `import-report-${t.slice(0, 10).replace(/-/g, '')}-${t.slice(11, 19).replace(/:/g, '')}.csv`;
}

export function writeReport(file: string, r: ImportResult): void {
  writeFileSync(file, reportCsv(r));
}

/** Summary, rejected rows (the first 20) and warnings, as printed at the end of a run. */
export function printResult(r: ImportResult, reportFile: string, dryRun: boolean, out: (line: string) => void, err: (line: string) => void) {
  out(`${summaryLine(r, dryRun)}\n`);
  const shown = r.rejected.slice(0, 20);
  if (shown.length) {
    err(`被拒绝的行${r.rejected.length > 20 ? `（前 20 行，共 ${r.rejected.length} 行）` : ''}：\n`);
    for (const p of shown) err(`  ${problemLine(p)}\n`);
  }
  for (const w of r.warnings.slice(0, 20)) err(`  警告：${problemLine(w)}\n`);
  out(`报告：${reportFile}\n`);
}
