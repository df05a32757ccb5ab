// Twelve small month tables with holidays, 调休 working days and weekends marked.
export interface DayInfo {
  date: string;
  working: boolean;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
  name?: string;
}

const STYLE: Record<DayInfo['kind'], React.CSSProperties> = {
  workday: {},
  weekend: { color: '#595959', background: '#f0f0f0' },
  holiday: { color: '#fff', background: '#b3261e' },
  makeup_workday: { color: '#000', background: '#ffc069' },
};

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

export function MonthGrid({ year, days }: { year: number; days: DayInfo[] }) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 16 }}>
      {Array.from({ length: 12 }, (_, m) => {
        const first = new Date(Date.UTC(year, m, 1));
        const offset = (first.getUTCDay() + 6) % 7; // Monday first
        const length = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
        const cells = [...Array(offset).fill(null), ...Array.from({ length }, (_, i) => i + 1)];
        return (
          <table key={m} style={{ borderCollapse: 'collapse', width: '100%', textAlign: 'center', fontSize: 13 }}>
            <caption style={{ fontWeight: 600, paddingBottom: 4 }}>{m + 1} 月</caption>
            <thead>
              <tr>
                {WEEK.map((w) => (
                  <th key={w} scope="col" style={{ fontWeight: 400, color: '#595959' }}>
                    {w}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: Math.ceil(cells.length / 7) }, (_, r) => (
                <tr key={r}>
                  {cells.slice(r * 7, r * 7 + 7).map((d, i) => {
                    if (d === null) return <td key={i} />;
                    const iso = `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
                    const info = byDate.get(iso);
                    const kind = info?.kind ?? 'workday';
                    const label = kind === 'holiday' ? `${info?.name ?? ''} 休` : kind === 'makeup_workday' ? `${info?.name ?? ''} 调休上班` : undefined;
                    return (
                      <td key={i} title={label} data-date={iso} data-kind={kind} style={{ padding: 3, borderRadius: 3, ...STYLE[kind] }}>
                        {d}
                        {kind === 'makeup_workday' ? <sup>班</sup> : kind === 'holiday' ? <sup>休</sup> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
