// Portal pages of the knowledge base (政务知识库): every published question by topic, and the
// answer page — question, answer, the policies it rests on (依据) each linking to its page, who
// answers and when. Plain HTML: no JavaScript needed.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VALIDITY_LABELS } from '../../domain/validity.js';
import { readableDate } from '../../portal/format.js';
import { Layout, renderPage } from '../../portal/layout.js';
import { KNOWLEDGE, knowledgeHref } from '../../portal/links.js';
import { pageContext } from '../../portal/page-context.js';
import { getPublishedEntry, listPublishedEntries } from './queries.js';

export { KNOWLEDGE, knowledgeHref };

const day = (d: Date) => readableDate(d);
const home = { href: '/', label: '政府信息公开' };

const pages: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const html = 'text/html; charset=utf-8';

  app.get(KNOWLEDGE, { schema: { hide: true } }, async (request, reply) => {
    const [page, groups] = await Promise.all([pageContext(request), listPublishedEntries(db)]);
    const total = groups.reduce((n, g) => n + g.items.length, 0);
    return reply.type(html).send(
      renderPage(
        <Layout page={page} title="政务知识库" breadcrumbs={[home]}>
          <h1>政务知识库</h1>
          <p>群众和企业常问的问题，由各部门根据已发布的政策文件作答；每条答复都列明依据，可点击查看原文。</p>
          <p class="count">共 {total} 条问答</p>
          {groups.length > 1 ? (
            <nav aria-label="按主题浏览">
              <p class="meta">
                {groups.map((g) => (
                  <a href={`#topic-${g.code || 'other'}`}>{g.name}</a>
                ))}
              </p>
            </nav>
          ) : null}
          {groups.length ? (
            groups.map((g) => (
              <section aria-labelledby={`topic-${g.code || 'other'}`}>
                <h2 id={`topic-${g.code || 'other'}`}>{g.name}</h2>
                <ul class="doc-list">
                  {g.items.map((e) => (
                    <li>
                      <a href={knowledgeHref(e.id)}>{e.question}</a>
                      <p class="meta">
                        <span>答复单位：{e.orgName}</span>
                        <span>发布日期：{day(e.publishedAt!)}</span>
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          ) : (
            <p>暂无已发布的问答。</p>
          )}
        </Layout>,
      ),
    );
  });

  app.get(`${KNOWLEDGE}/:id`, { schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } }, async (request, reply) => {
    const [page, entry] = await Promise.all([pageContext(request), getPublishedEntry(db, request.params.id)]);
    const changed = day(entry.updatedAt) !== day(entry.publishedAt);
    return reply.type(html).send(
      renderPage(
        <Layout page={page} title={entry.question} breadcrumbs={[home, { href: KNOWLEDGE, label: '政务知识库' }]}>
          <h1>{entry.question}</h1>
          <p class="meta">
            <span>答复单位：{entry.orgName}</span>
            <span>发布日期：{day(entry.publishedAt)}</span>
            {changed ? <span>更新日期：{day(entry.updatedAt)}</span> : null}
            {entry.topicPath ? <span>主题分类：{entry.topicPath}</span> : null}
          </p>
          <h2>答复</h2>
          <article class="doc-body" dangerouslySetInnerHTML={{ __html: entry.answer }} />
          <section aria-labelledby="sources">
            <h2 id="sources">依据</h2>
            {entry.sources.length ? (
              <ol class="doc-list">
                {entry.sources.map((s) => (
                  <li>
                    <a href={s.url}>{s.title}</a>
                    {s.note ? `（${s.note}）` : ''}
                    <p class="meta">
                      <span>{s.issuer}</span>
                      {s.docNumber ? <span>{s.docNumber}</span> : null}
                      <span class={`validity validity-${s.validity}`}>{VALIDITY_LABELS[s.validity]}</span>
                    </p>
                  </li>
                ))}
              </ol>
            ) : (
              <p>所依据的文件已撤回，请以答复单位的最新解释为准。</p>
            )}
          </section>
          {entry.variants.length ? (
            <section aria-labelledby="variants">
              <h2 id="variants">相关问法</h2>
              <ul>
                {entry.variants.map((v) => (
                  <li>{v}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <p>
            <a href={KNOWLEDGE}>查看更多问答</a>
          </p>
        </Layout>,
      ),
    );
  });
};

export default pages;
