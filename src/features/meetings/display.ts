// How a 列席 representative is shown to the public (issue #7 item 6): by name and capacity where they
// agreed to be named, by capacity alone otherwise — and a name they did not agree to show is masked
// wherever staff's text happens to mention it. Pure: the portal page, the public JSON and the
// workbench's preview all say the same.
import { chinaDate, type IsoDate } from '../../domain/dates.js';

export interface RepresentativeIdentity {
  name: string;
  capacity: string;
  namePublic: boolean;
}

const capacityOf = (r: RepresentativeIdentity) => r.capacity.trim() || '列席代表';

/** 张三（市民代表） where named, 市民代表（未公开姓名） where not. */
export function representativeLabel(r: RepresentativeIdentity): string {
  return r.namePublic ? `${r.name}（${capacityOf(r)}）` : `${capacityOf(r)}（未公开姓名）`;
}

/** What replaces a name that may not be shown, in any public text. */
export const MASK = '×××';

/**
 * Text with the names of representatives who did not agree to be named replaced by MASK: an opinion
 * or a handling note that mentions one does not give it away. Longer names first, so 王小明 is not
 * left as 王××× by a representative called 小明.
 */
export function maskNames(text: string, representatives: readonly RepresentativeIdentity[]): string {
  const hidden = [...new Set(representatives.filter((r) => !r.namePublic).map((r) => r.name.trim()))].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
  return hidden.reduce((t, name) => t.split(name).join(MASK), text);
}

/** The time a handling note is stored for a given day: noon in China, so the day reads the same everywhere. */
export const handledInstant = (day: IsoDate) => new Date(`${day}T12:00:00+08:00`);

export const handledDay = (at: Date | null) => (at ? chinaDate(at) : null);
