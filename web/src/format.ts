// Dates as people read them: 2024年3月5日, times in Beijing time.
import dayjs from 'dayjs';

export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function chineseDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = new Date(iso);
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(t);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}年${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}`;
}

export const isoDay = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
