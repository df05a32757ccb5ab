// Machine-readable views of what is published: an Atom feed (all, or one organization's) for
// subscribers and new-media accounts (同源发布), and sitemap.xml for search engines.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { pageContext } from '../../portal/page-context.js';
import { documentHref } from './pages.js';
import { latestPublished } from './queries.js';
import { columnSitemapPaths } from '../columns/queries.js';
import { issueHref } from '../gazette/links.js';
import { publishedIssueIds } from '../gazette/queries.js';
import { meetingSitemapPaths } from '../meetings/public.js';
import { decisionSitemapPaths } from '../decisions/public.js';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Absolute URLs from the request's own host (behind a proxy, with TRUST_PROXY, the public one). */
export const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Sitemaps hold at most 50,000 URLs; beyond that an index of several sitemaps is needed. */
const SITEMAP_LIMIT = 50_000;

export interface AtomItem {
  id: number;
  title: string;
  summary: string;
  publishedAt: Date;
  orgName: string;
}

/** An Atom feed of published documents; `self` and `alternate` are paths on this site. */
export function atomFeed(site: string, feed: { self: string; title: string; alternate: string; items: AtomItem[] }): string {
  const updated = (feed.items[0]?.publishedAt ?? new Date()).toISOString();
  const entries = feed.items
    .map(
      (d) => `  <entry>
    <id>${site}${documentHref(d.id)}</id>
    <title>${xml(d.title)}</title>
    <link href="${site}${documentHref(d.id)}"/>
    <updated>${d.publishedAt.toISOString()}</updated>
    <author><name>${xml(d.orgName)}</name></author>
    <summary>${xml(d.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${site}${xml(feed.self)}</id>
  <title>${xml(feed.title)}</title>
  <link rel="alternate" href="${site}${xml(feed.alternate)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
}

export const sendAtom = (reply: FastifyReply, body: string) => reply.type('application/atom+xml; charset=utf-8').send(body);

const feeds: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;

  app.get(
    '/zfxxgk/feed.atom',
    { schema: { hide: true, querystring: Type.Object({ org: Type.Optional(Type.String({ maxLength: 40 })) }) } },
    async (request, reply) => {
      const [page, items] = await Promise.all([pageContext(request), latestPublished(db, 50, request.query.org)]);
      const self = `/zfxxgk/feed.atom${request.query.org ? `?org=${encodeURIComponent(request.query.org)}` : ''}`;
      return sendAtom(reply, atomFeed(origin(request), { self, title: `${page.siteName}政府信息公开`, alternate: '/', items }));
    },
  );

  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
    const site = origin(request);
    const docs = await latestPublished(db, SITEMAP_LIMIT - 10);
    const fixed = ['/', '/zfxxgk/zcwjk', '/zfxxgk/ml', '/zfxxgk/guide', '/zfxxgk/orgs', '/zfxxgk/gb', '/zfxxgk/qlwj', '/zfxxgk/zsk'];
    const urls = [
      ...fixed.map((p) => `  <url><loc>${site}${p}</loc></url>`),
      ...docs.map((d) => `  <url><loc>${site}${documentHref(d.id)}</loc><lastmod>${d.publishedAt.toISOString().slice(0, 10)}</lastmod></url>`),
      ...(await columnSitemapPaths(db, 10_000)).map((p) => `  <url><loc>${site}${p}</loc></url>`),
      ...(await publishedIssueIds(db)).map((i) => `  <url><loc>${site}${issueHref(i.id)}</loc>${i.publishedOn ? `<lastmod>${i.publishedOn}</lastmod>` : ''}</url>`),
      ...(await meetingSitemapPaths(db)).map((p) => `  <url><loc>${site}${p}</loc></url>`),
      ...(await decisionSitemapPaths(db)).map((p) => `  <url><loc>${site}${p}</loc></url>`),
    ];
    return reply.type('application/xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`);
  });
};

export default feeds;
