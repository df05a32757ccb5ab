// Tables 二, 三 or 四 of a report laid out as the national format prints them (the grid of
// report-grid.ts, the same the portal and the Word file print): header cells with their spans, ids
// and scope, every figure with its headers. Figures staff may type show as number boxes named by
// their row and column headers; the ones that come from other systems are shaded.
import { InputNumber } from 'antd';
import type { GridCell, ReportGrid } from '../../../../src/features/annual-report/report-grid';
import { figureLabels, getFigure, isAmount, isHandEntered, placeKey, type FigureAt } from './figures';
import type { Tables } from './types';
import './reports.css';

/** Which figures take input: none (a published report), the ones from other systems, or every one. */
export type Editable = 'none' | 'hand' | 'all';

interface Props {
  grids: readonly ReportGrid[];
  tables: Tables;
  editable: Editable;
  onChange?(at: FigureAt, value: number | null): void;
}

const spans = (c: GridCell) => ({ rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined, colSpan: c.colSpan > 1 ? c.colSpan : undefined });

function GridTable({ grid, tables, editable, onChange }: Omit<Props, 'grids'> & { grid: ReportGrid }) {
  const labels = figureLabels(grid);
  const cell = (c: GridCell, i: number) => {
    if (c.header) {
      return (
        <th key={i} id={c.id} scope={c.scope} className={c.vertical ? 'vertical' : undefined} {...spans(c)}>
          {c.text}
        </th>
      );
    }
    const at = c.at;
    const hand = at ? isHandEntered(at) : false;
    const typed = at && onChange && (editable === 'all' || (editable === 'hand' && hand));
    const className = [c.figure ? 'num' : c.note ? 'note' : '', hand ? 'hand' : ''].join(' ').trim() || undefined;
    return (
      <td key={i} headers={c.headers?.join(' ')} className={className} {...spans(c)}>
        {typed ? (
          <InputNumber
            aria-label={labels.get(placeKey(at))}
            size="small"
            min={0}
            precision={isAmount(at) ? undefined : 0}
            step={isAmount(at) ? 0.01 : 1}
            style={{ width: isAmount(at) ? 110 : 80 }}
            value={getFigure(tables, at) ?? null}
            onChange={(v) => onChange(at, typeof v === 'number' ? v : null)}
          />
        ) : (
          c.text
        )}
      </td>
    );
  };
  return (
    <div className="report-table-wrap">
      <table className={`report-table report-${grid.section}`}>
        <caption>{grid.caption}</caption>
        <thead>
          {grid.rows.slice(0, grid.headRows).map((row, r) => (
            <tr key={r}>{row.map(cell)}</tr>
          ))}
        </thead>
        <tbody>
          {grid.rows.slice(grid.headRows).map((row, r) => (
            <tr key={r}>{row.map(cell)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReportTables({ grids, ...rest }: Props) {
  return (
    <>
      {grids.map((grid) => (
        <GridTable key={grid.caption} grid={grid} {...rest} />
      ))}
    </>
  );
}
