// Test support: the tables of a rendered annual report read back cell by cell — from the HTML (each
// tr's th and td, with their attributes) and from the Word file (word/document.xml's w:tbl, each w:tc
// that starts a cell; the placeholders Word keeps for a cell merged down are left out). Both give the
// same shape, so one set of expectations checks the HTML and the Word document alike.
import JSZip from 'jszip';

export interface ReadCell {
  text: string;
  header: boolean;
  attrs: Record<string, string>;
}
export type ReadTable = { caption: string; rows: ReadCell[][] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ENTITIES[e]);
const stripTags = (s: string) => unescape(s.replace(/<[^>]+>/g, '')).trim();

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1].toLowerCase()] = unescape(m[2]);
  return out;
}

export function htmlTables(html: string): ReadTable[] {
  return [...html.matchAll(/<table\b[^>]*>([\s\S]*?)<\/table>/g)].map(([, inner]) => ({
    caption: stripTags(/<caption>([\s\S]*?)<\/caption>/.exec(inner)?.[1] ?? ''),
    rows: [...inner.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map(([, tr]) =>
      [...tr.matchAll(/<(th|td)\b([^>]*)>([\s\S]*?)<\/\1>/g)].map(([, tag, attrs, body]) => ({ text: stripTags(body), header: tag === 'th', attrs: attributes(attrs) })),
    ),
  }));
}

export async function docxTables(docx: Buffer): Promise<ReadTable[]> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, tbl]) => ({
    caption: '',
    rows: [...tbl.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map(([, tr]) =>
      [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
        .filter(([, tc]) => !/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(tc))
        .map(([, tc]) => ({
          text: [...tc.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join('').trim(),
          header: false,
          attrs: {
            ...(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc) ? { colspan: /<w:gridSpan w:val="(\d+)"\/>/.exec(tc)![1] } : {}),
            ...(/<w:vMerge w:val="restart"\/>/.test(tc) ? { vmerge: 'restart' } : {}),
          },
        })),
    ),
  }));
}
