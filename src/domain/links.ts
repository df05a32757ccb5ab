// Links in a document's body (issue #3 item 3: "body links that do not resolve"). Pure: which links
// a body holds, what kind each is, and what the editor is told about those known not to resolve.
// The I/O — asking the database whether a linked document is public, asking a remote server whether
// a page answers — lives in src/features/documents/link-check.ts.
import { formatChineseDate, type IsoDate } from './dates.js';

export type BodyLink =
  | { kind: 'document'; href: string; documentId: number }
  | { kind: 'internal'; href: string }
  | { kind: 'external'; href: string; url: string }
  | { kind: 'invalid'; href: string };

/** A portal document page: /zfxxgk/wj/123 (with an optional file or fragment after it). */
const DOCUMENT_PATH = /^\/zfxxgk\/wj\/(\d{1,9})(?:[/?#]|$)/;

const decodeAttribute = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Every distinct href of an <a> in the (sanitized) body, in order of appearance. */
export function extractHrefs(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*?\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const href = decodeAttribute((m[2] ?? m[3] ?? m[4] ?? '').trim());
    if (href) out.add(href);
  }
  return [...out];
}

/**
 * What kind of link an href is. `siteOrigins` are the portal's own origins (https://www.example.gov.cn):
 * an absolute link to them is checked like a relative one.
 */
export function classifyLink(href: string, siteOrigins: readonly string[] = []): BodyLink | null {
  if (/^mailto:/i.test(href) || href.startsWith('#')) return null;
  let path: string | null = null;
  if (href.startsWith('/') && !href.startsWith('//')) path = href;
  else if (/^https?:\/\//i.test(href)) {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return { kind: 'invalid', href };
    }
    if (!siteOrigins.includes(url.origin)) return { kind: 'external', href, url: url.toString() };
    path = `${url.pathname}${url.search}${url.hash}`;
  } else return { kind: 'invalid', href };
  const doc = path.match(DOCUMENT_PATH);
  return doc ? { kind: 'document', href, documentId: Number(doc[1]) } : { kind: 'internal', href };
}

export function bodyLinks(html: string, siteOrigins: readonly string[] = []): BodyLink[] {
  return extractHrefs(html)
    .map((h) => classifyLink(h, siteOrigins))
    .filter((l): l is BodyLink => l !== null);
}

/** The last check of an external link. */
export interface LinkCheckResult {
  ok: boolean;
  status: number | null;
  error: string;
  checkedOn: IsoDate;
}

export interface LinkFinding {
  code: 'broken_link';
  severity: 'block' | 'warn';
  field: 'body';
  message: string;
  excerpt: string;
}

/**
 * A link to a portal document that is not public blocks publication: the reader would land on
 * nothing, and it is always the editor's own mistake. An external page that did not answer at its
 * last check is a warning: other sites go down and come back, and only a person can judge it.
 */
export function linkFindings(links: BodyLink[], publicDocumentIds: ReadonlySet<number>, external: ReadonlyMap<string, LinkCheckResult>): LinkFinding[] {
  const out: LinkFinding[] = [];
  for (const link of links) {
    if (link.kind === 'document' && !publicDocumentIds.has(link.documentId)) {
      out.push({ code: 'broken_link', severity: 'block', field: 'body', excerpt: link.href, message: `正文链接指向的文件不存在或未公开：${link.href}` });
    } else if (link.kind === 'invalid') {
      out.push({ code: 'broken_link', severity: 'warn', field: 'body', excerpt: link.href, message: `正文链接地址不完整，读者无法打开：${link.href}（应以 http://、https:// 或 / 开头）` });
    } else if (link.kind === 'external') {
      const r = external.get(link.url);
      if (r && !r.ok) {
        const why = r.status ? `返回 HTTP ${r.status}` : r.error || '无法连接';
        out.push({ code: 'broken_link', severity: 'warn', field: 'body', excerpt: link.href, message: `正文链接无法访问（${why}，${formatChineseDate(r.checkedOn)}检查）：${link.href}` });
      }
    }
  }
  return out;
}

/** Statuses that mean the page is there (redirects are followed before this is asked). */
export const linkAnswers = (status: number) => status >= 200 && status < 400;
