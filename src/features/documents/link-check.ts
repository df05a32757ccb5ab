// Whether the links in a document's body resolve (issue #3 item 3). A link to a portal document is
// answered by the database at once; an external page is asked by HTTP — by the background job for
// documents on their way to publication, or at once when an editor presses 检查链接 — and the answer
// is kept in link_checks, so every document citing the same page shares one check.
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../domain/dates.js';
import { bodyLinks, linkAnswers, linkFindings, type BodyLink, type LinkCheckResult, type LinkFinding } from '../../domain/links.js';
import { authorize } from '../authorize.js';
import { organizations } from '../orgs/schema.js';
import { documentGrants } from './policy.js';
import { requireDocument, scopeTarget } from './records.js';
import { documents, documentVersions, linkChecks } from './schema.js';

/** The portal's own origins, from the organizations' websites: absolute links to them are internal. */
async function siteOrigins(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ website: organizations.website }).from(organizations).where(sql`${organizations.website} <> ''`);
  const origins = new Set<string>();
  for (const { website } of rows) {
    try {
      origins.add(new URL(website).origin);
    } catch {
      // A malformed website field only means its links are treated as external.
    }
  }
  return [...origins];
}

export async function linksOf(db: Db, body: string): Promise<BodyLink[]> {
  return body.includes('<a') ? bodyLinks(body, await siteOrigins(db)) : [];
}

const externalUrls = (links: BodyLink[]) => links.flatMap((l) => (l.kind === 'external' ? [l.url] : []));

/** What the editor is told about the body's links, from what is known now (no network access). */
export async function linkFindingsFor(db: Db, body: string): Promise<LinkFinding[]> {
  const links = await linksOf(db, body);
  if (!links.length) return [];
  const docIds = [...new Set(links.flatMap((l) => (l.kind === 'document' ? [l.documentId] : [])))];
  const urls = externalUrls(links);
  const [publicDocs, checks] = await Promise.all([
    docIds.length
      ? db.select({ id: documentVersions.documentId }).from(documentVersions).where(and(inArray(documentVersions.documentId, docIds), eq(documentVersions.isCurrent, true)))
      : Promise.resolve([]),
    urls.length ? db.select().from(linkChecks).where(inArray(linkChecks.url, urls)) : Promise.resolve([]),
  ]);
  const results = new Map<string, LinkCheckResult>(checks.map((c) => [c.url, { ok: c.ok, status: c.status, error: c.error, checkedOn: chinaDate(c.checkedAt) }]));
  return linkFindings(links, new Set(publicDocs.map((d) => d.id)), results);
}

export interface LinkCheckOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Asks one page whether it is there: HEAD first, GET when the server does not do HEAD. */
async function probe(url: string, opts: LinkCheckOptions): Promise<{ ok: boolean; status: number | null; error: string }> {
  const doFetch = opts.fetch ?? fetch;
  const ask = async (method: 'HEAD' | 'GET') => {
    const res = await doFetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(opts.timeoutMs ?? 8000), headers: { 'user-agent': 'Gongkai-LinkCheck/1.0' } });
    // The body is never read or kept: only whether the page answers.
    await res.body?.cancel().catch(() => {});
    return res.status;
  };
  try {
    let status = await ask('HEAD');
    if (status === 405 || status === 501) status = await ask('GET');
    return { ok: linkAnswers(status), status, error: '' };
  } catch (err) {
    const name = (err as Error).name;
    return { ok: false, status: null, error: name === 'TimeoutError' || name === 'AbortError' ? '连接超时' : '无法连接' };
  }
}

/** Checks the pages now (a few at a time) and keeps the results. */
export async function checkUrls(db: Db, urls: string[], opts: LinkCheckOptions = {}): Promise<number> {
  const queue = [...new Set(urls)];
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      const r = await probe(url, opts);
      const row = { ...r, checkedAt: new Date() };
      await db.insert(linkChecks).values({ url, ...row }).onConflictDoUpdate({ target: linkChecks.url, set: row });
    }
  };
  const total = queue.length;
  await Promise.all(Array.from({ length: Math.min(4, total) }, worker));
  return total;
}

/** At most this many pages are asked for one document at once (a body is not a link farm). */
export const MAX_LINKS_PER_CHECK = 30;

export async function checkBodyLinks(db: Db, body: string, opts: LinkCheckOptions = {}): Promise<void> {
  await checkUrls(db, externalUrls(await linksOf(db, body)).slice(0, MAX_LINKS_PER_CHECK), opts);
}

/** The editor's 检查链接: the working copy's external links are asked now. */
export async function checkDocumentLinks(db: Db, ctx: ActionContext, id: number, opts: LinkCheckOptions = {}): Promise<void> {
  const doc = await requireDocument(db, id);
  authorize(ctx, documentGrants, 'document.read', scopeTarget(doc), '无权查看该文件');
  await checkBodyLinks(db, doc.body, opts);
}

/** A result older than this is asked again. */
const RECHECK_AFTER_MS = 7 * 24 * 3600_000;
const PER_RUN = 30;

/**
 * The job: pages cited by documents on their way to publication that were never checked, then the
 * oldest results (pages cited by published documents die too). Bounded per run.
 */
export async function checkPendingLinks(db: Db, opts: LinkCheckOptions = {}): Promise<number> {
  const inReview = await db
    .select({ body: documents.body })
    .from(documents)
    .where(and(inArray(documents.status, ['submitted', 'reviewed', 'approved', 'scheduled']), sql`${documents.body} like '%href=%'`))
    .limit(200);
  const cited = [...new Set((await Promise.all(inReview.map((d) => linksOf(db, d.body)))).flatMap(externalUrls))];
  const known = cited.length ? new Set((await db.select({ url: linkChecks.url }).from(linkChecks).where(inArray(linkChecks.url, cited))).map((r) => r.url)) : new Set<string>();
  const fresh = cited.filter((u) => !known.has(u)).slice(0, PER_RUN);
  const stale = (
    await db
      .select({ url: linkChecks.url })
      .from(linkChecks)
      .where(lt(linkChecks.checkedAt, new Date(Date.now() - RECHECK_AFTER_MS)))
      .orderBy(linkChecks.checkedAt)
      .limit(PER_RUN - fresh.length)
  ).map((r) => r.url);
  return checkUrls(db, [...fresh, ...stale], opts);
}
