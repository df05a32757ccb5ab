// 有效性 of a policy document, derived from dated relations with later documents and an optional
// expiry date — never typed in by hand (issue #3 item 4).
import { addDays, compareDates, formatChineseDate, type IsoDate } from './dates.js';

export type Validity = 'in_force' | 'amended' | 'repealed' | 'expired';
export const VALIDITY_LABELS: Record<Validity, string> = { in_force: '现行有效', amended: '已修改', repealed: '已废止', expired: '失效' };

export type RelationKind = 'amends' | 'repeals' | 'replaces' | 'expires';
export const RELATION_LABELS: Record<RelationKind, string> = { amends: '修改', repeals: '废止', replaces: '替代', expires: '宣布失效' };
const RELATION_RESULT: Record<RelationKind, Validity> = { amends: 'amended', repeals: 'repealed', replaces: 'repealed', expires: 'expired' };

export interface ValidityRelation {
  kind: RelationKind;
  /** The later document that acts on this one. */
  byDocumentId: number;
  byTitle: string;
  byDocNumber?: string;
  /** The day the change takes effect. */
  effectiveOn: IsoDate;
}

export interface ValidityInput {
  effectiveOn?: IsoDate | null;
  expiresOn?: IsoDate | null;
  relations: ValidityRelation[];
}

export interface ValidityEvent {
  date: IsoDate;
  validity: Validity;
  reason: string;
  byDocumentId?: number;
}

/** Most to least decisive: a repeal ends a document whatever else happened. */
const RANK: Record<Validity, number> = { repealed: 3, expired: 2, amended: 1, in_force: 0 };

function describe(r: ValidityRelation): string {
  const by = `《${r.byTitle}》${r.byDocNumber ? `（${r.byDocNumber}）` : ''}`;
  return `${formatChineseDate(r.effectiveOn)}起被${by}${RELATION_LABELS[r.kind]}`;
}

/** Every change of validity in date order, starting with entry into force when known. */
export function validityHistory(input: ValidityInput): ValidityEvent[] {
  const events: ValidityEvent[] = [];
  if (input.effectiveOn) events.push({ date: input.effectiveOn, validity: 'in_force', reason: `${formatChineseDate(input.effectiveOn)}起施行` });
  for (const r of input.relations) {
    events.push({ date: r.effectiveOn, validity: RELATION_RESULT[r.kind], reason: describe(r), byDocumentId: r.byDocumentId });
  }
  if (input.expiresOn) {
    // Valid through its expiry day: expired from the next day.
    const from = addDays(input.expiresOn, 1);
    events.push({ date: from, validity: 'expired', reason: `有效期至${formatChineseDate(input.expiresOn)}，${formatChineseDate(from)}起失效` });
  }
  return events.sort((a, b) => compareDates(a.date, b.date) || RANK[a.validity] - RANK[b.validity]);
}

export function validityOn(input: ValidityInput, on: IsoDate): Validity {
  let result: Validity = 'in_force';
  for (const e of validityHistory(input)) {
    if (compareDates(e.date, on) <= 0 && RANK[e.validity] > RANK[result]) result = e.validity;
  }
  return result;
}

/** Null when the relation may be recorded, otherwise why not (Chinese). */
export function relationProblem(kind: RelationKind, targetValidity: Validity, effectiveOn: IsoDate, targetEffectiveOn?: IsoDate | null): string | null {
  if (targetValidity === 'repealed') return `该文件已废止，不能再${RELATION_LABELS[kind]}`;
  if (targetValidity === 'expired') return `该文件已失效，不能再${RELATION_LABELS[kind]}`;
  if (targetEffectiveOn && compareDates(effectiveOn, targetEffectiveOn) < 0) {
    return `${RELATION_LABELS[kind]}的生效日期（${formatChineseDate(effectiveOn)}）早于该文件的施行日期（${formatChineseDate(targetEffectiveOn)}）`;
  }
  return null;
}

/** The first day after `today` on which validity changes by itself, or null if nothing is pending. */
export function nextValidityChange(input: ValidityInput, today: IsoDate): IsoDate | null {
  const next = validityHistory(input).find((e) => compareDates(e.date, today) > 0);
  return next ? next.date : null;
}
