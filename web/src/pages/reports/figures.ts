// The report's figures as the entry form handles them: each figure of the national format's grid
// (report-grid.ts) with its place in `tables` and its headers read as one label, read and set by that
// place, a blank set of tables for a report typed in, and the PATCH of what changed. Pure.
import { APPEAL_COLUMN_KEYS, APPEAL_GROUP_KEYS, isIssuedRow, ISSUED_ROW_KEYS, proactiveFigure, type ProactiveRowKey } from '../../../../src/domain/annual-report-format';
import { TALLY_COLUMNS, TALLY_ROWS } from '../../../../src/domain/annual-report-tally';
import { reportGrids, type FigureAt, type ReportGrid } from '../../../../src/features/annual-report/report-grid';
import type { Tables } from './types';

export type { FigureAt };

/** 行政许可, 行政处罚, 行政强制 and 行政事业性收费 come from other systems: staff type them (table 二 but （一）). */
export const isHandEntered = (at: FigureAt) => at.table === 'proactive' && !isIssuedRow(at.row as ProactiveRowKey);
/** 行政事业性收费 is in 万元, with decimals; every other figure is a count. */
export const isAmount = (at: FigureAt) => at.table === 'proactive' && at.row === 'feesTenThousandYuan';

export function getFigure(tables: Tables, at: FigureAt): number | null | undefined {
  if (at.table === 'proactive') return proactiveFigure(tables.proactive, at.row as ProactiveRowKey, at.column as never);
  const rows = tables[at.table] as unknown as Record<string, Record<string, number> | undefined>;
  return rows[at.row]?.[at.column];
}

/** A copy of the tables with one figure set. */
export function setFigure(tables: Tables, at: FigureAt, value: number | null): Tables {
  const next = structuredClone(tables);
  if (at.table === 'proactive' && !isIssuedRow(at.row as ProactiveRowKey)) {
    (next.proactive as unknown as Record<string, number | null>)[at.row] = value;
  } else {
    const rows = next[at.table] as unknown as Record<string, Record<string, number | null>>;
    rows[at.row] = { ...rows[at.row], [at.column]: value };
  }
  return next;
}

export interface Figure {
  at: FigureAt;
  /** The figure's row and column headers, outermost first, as a screen reader would read them. */
  label: string;
}

/** The labels of a grid's header cells by id. */
function headerLabels(grid: ReportGrid): Map<string, string> {
  return new Map(grid.rows.flat().flatMap((c) => (c.header && c.id ? [[c.id, c.text] as const] : [])));
}

/** The label of each figure of a grid, by its place (`table:row:column`). */
export function figureLabels(grid: ReportGrid): Map<string, string> {
  const labels = headerLabels(grid);
  return new Map(grid.rows.flat().flatMap((c) => (c.at ? [[placeKey(c.at), (c.headers ?? []).map((id) => labels.get(id) ?? '').join(' ')] as const] : [])));
}

export const placeKey = (at: FigureAt) => `${at.table}:${at.row}:${at.column}`;

/** Every figure of the report, in the format's order. */
export function allFigures(tables: Tables): Figure[] {
  return Object.values(reportGrids(tables))
    .flat()
    .flatMap((grid) => {
      const labels = figureLabels(grid);
      return grid.rows.flat().flatMap((c) => (c.at ? [{ at: c.at, label: labels.get(placeKey(c.at))! }] : []));
    });
}

/** The figures not typed in yet. */
export const missingFigures = (tables: Tables): Figure[] => allFigures(tables).filter((f) => typeof getFigure(tables, f.at) !== 'number');

/**
 * Every figure empty: a report to type in. (Its empty figures are null where the type says number:
 * the form reads them through getFigure, and nothing is sent while one is missing.)
 */
export function blankTables(): Tables {
  const empty = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, null]));
  const tables = {
    proactive: { ...Object.fromEntries(ISSUED_ROW_KEYS.map((k) => [k, empty(['made', 'repealed', 'inForce'])])), licensing: null, penalties: null, enforcement: null, feesTenThousandYuan: null },
    applications: Object.fromEntries(TALLY_ROWS.map((r) => [r, empty(TALLY_COLUMNS)])),
    appeals: Object.fromEntries(APPEAL_GROUP_KEYS.map((g) => [g, empty(APPEAL_COLUMN_KEYS)])),
  };
  return tables as unknown as Tables;
}

/** The figures of a file's tables that fit the format, on blank tables (anything else is left out). */
export function tablesFrom(data: unknown): Tables {
  let tables = blankTables();
  for (const { at } of allFigures(tables)) {
    const value = getFigure(data as Tables, at);
    if (typeof value === 'number') tables = setFigure(tables, at, value);
  }
  return tables;
}

type Patch = Record<string, Record<string, unknown>>;

/**
 * The `tables` of a PATCH holding each figure that differs from the saved report; a figure emptied is
 * sent as empty only where the format allows it (the figures from other systems), otherwise named in
 * `emptied` for staff to fill again.
 */
export function tablesPatch(saved: Tables, edited: Tables): { patch: Patch | null; emptied: Figure[] } {
  const patch: Patch = {};
  const emptied: Figure[] = [];
  for (const f of allFigures(edited)) {
    const before = getFigure(saved, f.at) ?? null;
    const after = getFigure(edited, f.at) ?? null;
    if (before === after) continue;
    if (after === null && !isHandEntered(f.at)) {
      emptied.push(f);
      continue;
    }
    const table = (patch[f.at.table] ??= {});
    if (f.at.table === 'proactive' && isHandEntered(f.at)) table[f.at.row] = after;
    else table[f.at.row] = { ...(table[f.at.row] as object | undefined), [f.at.column]: after };
  }
  return { patch: Object.keys(patch).length ? patch : null, emptied };
}
