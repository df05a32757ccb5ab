// 规范性文件清理 (clean-up campaigns): the decisions a campaign takes on each file, what a decision
// needs, how far a campaign has come, and when its result may be published. Pure, no I/O.
import { isIsoDate, type IsoDate } from './dates.js';

export type CleanupDecision = 'keep' | 'amend' | 'repeal' | 'expire';

/** In the order the result notice lists them. */
export const CLEANUP_DECISION_ORDER: readonly CleanupDecision[] = ['keep', 'amend', 'repeal', 'expire'];

export const CLEANUP_DECISION_LABELS: Record<CleanupDecision, string> = { keep: '继续有效', amend: '拟修改', repeal: '废止', expire: '宣布失效' };

/** Repealing a file or declaring it expired ends it: the record says why. */
const NEEDS_NOTE: ReadonlySet<CleanupDecision> = new Set(['repeal', 'expire']);

/** The dated relation the result notice records on a file, when the decision ends it. */
export const DECISION_RELATION: Partial<Record<CleanupDecision, 'repeals' | 'expires'>> = { repeal: 'repeals', expire: 'expires' };

/** Null when the decision may be recorded, otherwise why not (Chinese). */
export function decisionProblem(decision: CleanupDecision, note: string): string | null {
  if (NEEDS_NOTE.has(decision) && note.trim().length < 2) return `决定“${CLEANUP_DECISION_LABELS[decision]}”须写明理由`;
  return null;
}

export interface CleanupProgress {
  total: number;
  decided: number;
  counts: Record<CleanupDecision, number>;
}

export function cleanupProgress(files: { decision: CleanupDecision | null }[]): CleanupProgress {
  const counts: Record<CleanupDecision, number> = { keep: 0, amend: 0, repeal: 0, expire: 0 };
  let decided = 0;
  for (const f of files) {
    if (!f.decision) continue;
    counts[f.decision]++;
    decided++;
  }
  return { total: files.length, decided, counts };
}

/** Null when the campaign's result may be published, otherwise why not (Chinese). */
export function finalizeProblem(progress: CleanupProgress, effectiveOn: IsoDate | null | undefined): string | null {
  if (progress.total === 0) return '清理范围内没有文件，无法发布清理结果';
  if (progress.decided < progress.total) return `还有 ${progress.total - progress.decided} 件文件未作出清理决定，须全部决定后才能发布清理结果`;
  if (!effectiveOn || !isIsoDate(effectiveOn)) return '请填写清理结果的生效日期';
  return null;
}

/** The files grouped into the four published lists, each in the order given. */
export function resultLists<F extends { decision: CleanupDecision | null }>(files: F[]): { decision: CleanupDecision; label: string; files: F[] }[] {
  return CLEANUP_DECISION_ORDER.map((decision) => ({ decision, label: CLEANUP_DECISION_LABELS[decision], files: files.filter((f) => f.decision === decision) }));
}
