// Portal pages of columns (栏目): an organization's column tree, a column page with its documents
// (and those of its sub-columns), newest first and paged, and an Atom feed per column. Plain HTML:
// everything works without JavaScript.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { specialFieldRows } from '../../domain/special-fields.js';
import { readableDate } from '../../portal/format.js';
import { Layout, renderPage } from '../../portal/layout.js';
import { pageContext } from '../../portal/page-context.js';
import { atomFeed, origin, sendAtom } from '../documents/feeds.js';
import { documentHref, Pager } from '../documents/pages.js';
import { columnHref, publicColumn, publicColumnTree, type PublicColumn } from './queries.js';
import type { TreeNode } from './service.js';

const day = (d: Date | null) => readableDate(d, '尚无发布');
const html = 'text/html; charset=utf-8';
const FEED_SIZE = 50;
const Params = Type.Object({ org: Type.String({ maxLength: 40 }), code: Type.String({ maxLength: 40 }) });

function ColumnTree({ items }: { items: TreeNode<PublicColumn>[] }) {
  return (
    <ul class="column-tree">
      {items.map((c) => (
        <li>
          <a href={c.href}>{c.name}</a>
          <span class="meta">
            {c.ruleText ? <span>{c.ruleText}</span> : null}
            <span>最近更新：{day(c.lastPublishedAt)}</span>
          </span>
          {c.children.length ? <ColumnTree items={c.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

const pages: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;

  app.get('/zfxxgk/lm/:org', { schema: { hide: true, params: Type.Object({ org: Type.String({ maxLength: 40 }) }) } }, async (request, reply) => {
    const [page, tree] = await Promise.all([pageContext(request), publicColumnTree(db, request.params.org)]);
    const title = `${tree.org.name}信息公开栏目`;
    return reply.type(html).send(
      renderPage(
        <Layout page={page} title={title} breadcrumbs={[{ href: '/', label: '政府信息公开' }]}>
          <h1>{title}</h1>
          {tree.items.length ? <ColumnTree items={tree.items} /> : <p>该机构尚未设置栏目。</p>}
        </Layout>,
      ),
    );
  });

  app.get(
    '/zfxxgk/lm/:org/:code',
    { schema: { hide: true, params: Params, querystring: Type.Object({ page: Type.Optional(Type.String({ maxLength: 6 })) }) } },
    async (request, reply) => {
      const pageNo = /^\d+$/.test(request.query.page ?? '') ? Math.max(1, Number(request.query.page)) : 1;
      const [page, view] = await Promise.all([pageContext(request), publicColumn(db, request.params.org, request.params.code, pageNo)]);
      const { column } = view;
      const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
      const feed = `${column.href}/feed.atom`;
      return reply.type(html).send(
        renderPage(
          <Layout
            page={page}
            title={column.name}
            breadcrumbs={[{ href: '/', label: '政府信息公开' }, { href: columnHref(view.org.code), label: `${view.org.name}栏目` }, ...view.ancestors.map((a) => ({ href: a.href, label: a.name }))]}
          >
            <h1>{column.name}</h1>
            {column.description ? <p>{column.description}</p> : null}
            <dl class="facts">
              <dt>发布机构</dt>
              <dd>{view.org.name}</dd>
              <dt>更新要求</dt>
              <dd>{column.ruleText}</dd>
              <dt>最近更新</dt>
              <dd>{day(column.lastPublishedAt)}</dd>
            </dl>
            {view.children.length ? (
              <nav aria-label="子栏目">
                <h2>子栏目</h2>
                <ul class="column-tree">
                  {view.children.map((c) => (
                    <li>
                      <a href={c.href}>{c.name}</a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            <p class="count">
              共 {view.total} 条 · <a href={feed}>订阅本栏目（Atom）</a>
            </p>
            {view.items.length ? (
              <ol class="doc-list">
                {view.items.map((d) => (
                  <li>
                    <a href={documentHref(d.id)}>{d.title}</a>
                    <p class="meta">
                      {d.docNumber ? <span>{d.docNumber}</span> : null}
                      {specialFieldRows(d.specialFields).map(([label, value]) => (
                        <span>
                          {label}：{value}
                        </span>
                      ))}
                      <span>发布日期：{day(d.publishedAt)}</span>
                    </p>
                  </li>
                ))}
              </ol>
            ) : (
              <p>本栏目暂无已发布的信息。</p>
            )}
            <Pager page={view.page} pages={pages} link={(p) => `${column.href}?page=${p}`} />
          </Layout>,
        ),
      );
    },
  );

  app.get('/zfxxgk/lm/:org/:code/feed.atom', { schema: { hide: true, params: Params } }, async (request, reply) => {
    const view = await publicColumn(db, request.params.org, request.params.code, 1, FEED_SIZE);
    return sendAtom(
      reply,
      atomFeed(origin(request), {
        self: `${view.column.href}/feed.atom`,
        title: `${view.org.name} - ${view.column.name}`,
        alternate: view.column.href,
        items: view.items,
      }),
    );
  });

};

export default pages;
