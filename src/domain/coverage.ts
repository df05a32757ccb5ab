// 解读覆盖率: how many of an organization's current policy files have their interpretation
// published (三同步, issue #3 item 5), how many were published with a recorded exemption, how many
// have neither. Pure arithmetic.

export interface CoverageFile {
  interpreted: boolean;
  /** Published without its interpretation, with the reason on record. */
  exempted: boolean;
}

export interface CoverageFigures {
  total: number;
  interpreted: number;
  /** No interpretation, but an exemption with a reason is recorded. */
  exempted: number;
  /** Neither an interpretation nor a recorded exemption. */
  missing: number;
  /** interpreted / total, rounded to 0.1 %; null when there is nothing to cover. */
  rate: number | null;
}

export function coverageFigures(files: CoverageFile[]): CoverageFigures {
  const total = files.length;
  const interpreted = files.filter((f) => f.interpreted).length;
  const exempted = files.filter((f) => !f.interpreted && f.exempted).length;
  return { total, interpreted, exempted, missing: total - interpreted - exempted, rate: total ? Math.round((interpreted / total) * 1000) / 10 : null };
}

/** The reason recorded in a publish event's note ("…；未同步发布解读，理由：…"), or null. */
export const EXEMPTION_MARK = '未同步发布解读，理由：';
export function exemptionReason(note: string): string | null {
  const at = note.indexOf(EXEMPTION_MARK);
  return at < 0 ? null : note.slice(at + EXEMPTION_MARK.length).trim();
}
