// Portal pages of documents: the 政策文件库 with its filters, and the document page with the
// gov.cn-style metadata table, body, interpretations (both ways), validity history and versions.
// Plain HTML forms and links: everything works without JavaScript.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { chinaDate } from '../../domain/dates.js';
import { findTopic, topicTree } from '../../domain/topics.js';
import { VALIDITY_LABELS, type Validity } from '../../domain/validity.js';
import { readableDate } from '../../portal/format.js';
import { Layout, renderPage } from '../../portal/layout.js';
import { decisionHref, documentHref } from '../../portal/links.js';
import { pageContext } from '../../portal/page-context.js';
import { publishedAttachment } from './attachments.js';
import { sendFile } from './download.js';
import feeds from './feeds.js';
import { CATALOG_PAGE_SIZE, getPublishedDocument, libraryIssuers, listCatalog, listLibrary, LIBRARY_PAGE_SIZE, type LibraryQuery } from './queries.js';

import { DOC_TYPE_LABELS, FORM_LABELS } from '../../domain/document-metadata.js';
import { ConsultedOn } from '../consultations/consulted-on.js';
import { decisionForDocument } from '../decisions/public.js';
import { consultationsOfDocument } from '../consultations/public.js';
import { PublishedIn } from '../gazette/published-in.js';
import { issuesOfDocument } from '../gazette/queries.js';
import { columnsOfDocument } from '../columns/queries.js';
import { specialFieldRows } from '../../domain/special-fields.js';

const day = (d: string | Date | null | undefined) => readableDate(d);
const LIBRARY = '/zfxxgk/zcwjk';
export { documentHref };
const formatSize = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function ValidityTag({ validity }: { validity: Validity }) {
  return <span class={`validity validity-${validity}`}>{VALIDITY_LABELS[validity]}</span>;
}

export function Pager({ page, pages, link }: { page: number; pages: number; link: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label="分页">
      {page > 1 ? <a href={link(page - 1)}>上一页</a> : null}
      <span>
        第 {page} / {pages} 页
      </span>
      {page < pages ? <a href={link(page + 1)}>下一页</a> : null}
    </nav>
  );
}

function Select(props: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">全部</option>
        {props.options.map(([value, text]) => (
          <option value={value} selected={props.value === value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

const pages: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const html = 'text/html; charset=utf-8';

  app.get(
    LIBRARY,
    {
      schema: {
        hide: true,
        querystring: Type.Object({
          org: Type.Optional(Type.String({ maxLength: 40 })),
          year: Type.Optional(Type.String({ maxLength: 4 })),
          docType: Type.Optional(Type.String({ maxLength: 20 })),
          topic: Type.Optional(Type.String({ maxLength: 10 })),
          validity: Type.Optional(Type.String({ maxLength: 20 })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          sort: Type.Optional(Type.String({ maxLength: 10 })),
          page: Type.Optional(Type.String({ maxLength: 6 })),
        }),
      },
    },
    async (request, reply) => {
      const raw = request.query;
      // A filter link from anywhere may be stale or hand-edited: unknown values are ignored, not errors.
      const query: LibraryQuery = {
        org: raw.org || undefined,
        year: /^\d{4}$/.test(raw.year ?? '') ? Number(raw.year) : undefined,
        docType: (['normative', 'regulation', 'policy'] as const).find((t) => t === raw.docType),
        topic: raw.topic && findTopic(raw.topic) ? raw.topic : undefined,
        validity: (Object.keys(VALIDITY_LABELS) as Validity[]).find((v) => v === raw.validity),
        q: raw.q?.trim() || undefined,
        sort: raw.sort === 'written' ? 'written' : 'published',
        page: /^\d+$/.test(raw.page ?? '') ? Math.max(1, Number(raw.page)) : 1,
      };
      const [page, result, issuers] = await Promise.all([pageContext(request), listLibrary(db, query), libraryIssuers(db)]);
      const pages = Math.max(1, Math.ceil(result.total / LIBRARY_PAGE_SIZE));
      const link = (p: number) => {
        const params = new URLSearchParams(Object.entries({ ...raw, page: String(p) }).filter(([, v]) => v) as [string, string][]);
        return `${LIBRARY}?${params}`;
      };
      const thisYear = Number(chinaDate(new Date()).slice(0, 4));
      const years = Array.from({ length: 12 }, (_, i) => String(thisYear - i));
      return reply.type(html).send(
        renderPage(
          <Layout page={page} title="政策文件库" breadcrumbs={[{ href: '/', label: '政府信息公开' }]}>
            <h1>政策文件库</h1>
            <form class="filters" method="get" action={LIBRARY} role="search" aria-label="筛选政策文件">
              <label>
                关键词
                <input type="search" name="q" value={query.q ?? ''} placeholder="标题或文号" />
              </label>
              <Select name="org" label="发文机关" value={query.org} options={issuers.map((i) => [i.code, i.name])} />
              <Select name="year" label="成文年份" value={query.year ? String(query.year) : undefined} options={years.map((y) => [y, `${y}年`])} />
              <Select name="docType" label="文件类型" value={query.docType} options={[['normative', DOC_TYPE_LABELS.normative], ['regulation', DOC_TYPE_LABELS.regulation], ['policy', DOC_TYPE_LABELS.policy]]} />
              <Select name="topic" label="主题分类" value={query.topic} options={topicTree().map((t) => [t.code, t.name])} />
              <Select name="validity" label="有效性" value={query.validity} options={Object.entries(VALIDITY_LABELS)} />
              <label>
                排序
                <select name="sort">
                  <option value="published" selected={query.sort !== 'written'}>
                    按发布日期
                  </option>
                  <option value="written" selected={query.sort === 'written'}>
                    按成文日期
                  </option>
                </select>
              </label>
              <button type="submit">查询</button>
            </form>
            <p class="count" aria-live="polite">
              共 {result.total} 件
            </p>
            {result.items.length ? (
              <ol class="doc-list">
                {result.items.map((d) => (
                  <li>
                    <a href={documentHref(d.id)}>{d.title}</a>
                    <p class="meta">
                      <span>{[d.orgName, ...d.coIssuers].join('、')}</span>
                      {d.docNumber ? <span>{d.docNumber}</span> : null}
                      <span>成文日期：{day(d.writtenOn)}</span>
                      <span>发布日期：{day(d.publishedAt)}</span>
                      <ValidityTag validity={d.validity} />
                    </p>
                  </li>
                ))}
              </ol>
            ) : (
              <p>没有符合条件的政策文件。</p>
            )}
            <Pager page={result.page} pages={pages} link={link} />
          </Layout>,
        ),
      );
    },
  );

  // The Atom feed and sitemap.xml live beside the pages they point to.
  await app.register(feeds);

  app.get(
    '/zfxxgk/ml',
    { schema: { hide: true, querystring: Type.Object({ org: Type.Optional(Type.String({ maxLength: 40 })), page: Type.Optional(Type.String({ maxLength: 6 })) }) } },
    async (request, reply) => {
      const pageNo = /^\d+$/.test(request.query.page ?? '') ? Math.max(1, Number(request.query.page)) : 1;
      const [page, result, issuers] = await Promise.all([pageContext(request), listCatalog(db, { org: request.query.org || undefined, page: pageNo }), libraryIssuers(db)]);
      const pages = Math.max(1, Math.ceil(result.total / CATALOG_PAGE_SIZE));
      const link = (p: number) => `/zfxxgk/ml?${new URLSearchParams({ ...(request.query.org ? { org: request.query.org } : {}), page: String(p) })}`;
      return reply.type(html).send(
        renderPage(
          <Layout page={page} title="政府信息公开目录" breadcrumbs={[{ href: '/', label: '政府信息公开' }]}>
            <h1>政府信息公开目录</h1>
            <form class="filters" method="get" action="/zfxxgk/ml">
              <Select name="org" label="发布机构" value={request.query.org} options={issuers.map((i) => [i.code, i.name])} />
              <button type="submit">查询</button>
            </form>
            <p class="count">
              共 {result.total} 条 · <a href={`/zfxxgk/feed.atom${request.query.org ? `?org=${encodeURIComponent(request.query.org)}` : ''}`}>订阅（Atom）</a>
            </p>
            <div class="table-scroll">
              <table class="catalog">
                <thead>
                  <tr>
                    <th scope="col">索引号</th>
                    <th scope="col">名称</th>
                    <th scope="col">内容概述</th>
                    <th scope="col">发布机构</th>
                    <th scope="col">发布日期</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((d) => (
                    <tr>
                      <td>{d.indexNo}</td>
                      <td>
                        <a href={documentHref(d.id)}>{d.title}</a>
                      </td>
                      <td>{d.summary}</td>
                      <td>{d.orgName}</td>
                      <td>{day(d.publishedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={result.page} pages={pages} link={link} />
          </Layout>,
        ),
      );
    },
  );

  app.get(
    '/zfxxgk/wj/:id/files/:attachmentId',
    { schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) }) } },
    async (request, reply) => sendFile(reply, app.deps.files, await publishedAttachment(db, request.params.id, request.params.attachmentId)),
  );

  app.get('/zfxxgk/wj/:id', { schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } }, async (request, reply) => {
    const id = request.params.id;
    const [page, doc, inGazette, inColumns, consulted, decision] = await Promise.all([
      pageContext(request),
      getPublishedDocument(db, id),
      issuesOfDocument(db, id),
      columnsOfDocument(db, id),
      consultationsOfDocument(db, id),
      decisionForDocument(db, id),
    ]);
    const topic = findTopic(doc.topic);
    const isPolicy = doc.docType !== 'general' && !doc.interpretationOf;
    return reply.type(html).send(
      renderPage(
        <Layout page={page} title={doc.title} breadcrumbs={[{ href: '/', label: '政府信息公开' }, ...(isPolicy ? [{ href: LIBRARY, label: '政策文件库' }] : [])]}>
          <table class="doc-meta">
            <caption class="visually-hidden">文件信息</caption>
            <tbody>
              <tr>
                <th scope="row">索引号</th>
                <td>{doc.indexNo}</td>
                <th scope="row">主题分类</th>
                <td>{topic?.path ?? '—'}</td>
              </tr>
              <tr>
                <th scope="row">发文机关</th>
                <td>{[doc.issuer.name, ...doc.coIssuers].join('、')}</td>
                <th scope="row">成文日期</th>
                <td>{day(doc.writtenOn)}</td>
              </tr>
              <tr>
                <th scope="row">标题</th>
                <td colSpan={3}>{doc.title}</td>
              </tr>
              <tr>
                <th scope="row">发文字号</th>
                <td>{doc.docNumber || '—'}</td>
                <th scope="row">发布日期</th>
                <td>{day(doc.firstPublishedAt ?? doc.publishedAt)}</td>
              </tr>
              {isPolicy ? (
                <tr>
                  <th scope="row">有效性</th>
                  <td>
                    <ValidityTag validity={doc.validity} />
                  </td>
                  <th scope="row">施行日期</th>
                  <td>{day(doc.effectiveOn)}</td>
                </tr>
              ) : null}
              {specialFieldRows(doc.specialFields).map(([label, value]) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td colSpan={3}>{value}</td>
                </tr>
              ))}
              {inColumns.length ? (
                <tr>
                  <th scope="row">所属栏目</th>
                  <td colSpan={3}>
                    {inColumns.map((c, i) => (
                      <>
                        {i ? '、' : ''}
                        <a href={c.href}>{c.name}</a>
                      </>
                    ))}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <h1 class="doc-title">{doc.title}</h1>
          {doc.docNumber ? <p class="doc-number">{doc.docNumber}</p> : null}
          <PublishedIn issues={inGazette} />
          {decision ? (
            <p class="doc-decision">
              重大行政决策：<a href={decisionHref(decision.id)}>{decision.name}</a>（{decision.catalogTitle}）
            </p>
          ) : null}
          <ConsultedOn consultations={consulted} />
          <article class="doc-body" dangerouslySetInnerHTML={{ __html: doc.body }} />
          {doc.attachments.length ? (
            <section>
              <h2>附件</h2>
              <ul class="attachments">
                {doc.attachments.map((a) => (
                  <li>
                    <a href={`${documentHref(doc.id)}/files/${a.id}`} download>
                      {a.fileName}
                    </a>{' '}
                    （{a.kind.toUpperCase()}，{formatSize(a.size)}）
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {doc.policy ? (
            <section>
              <h2>解读的政策文件</h2>
              <p>
                <a href={documentHref(doc.policy.id)}>{doc.policy.title}</a>
                {doc.policy.docNumber ? `（${doc.policy.docNumber}）` : ''}
              </p>
            </section>
          ) : null}
          {doc.interpretations.length ? (
            <section>
              <h2>相关解读</h2>
              <ul>
                {doc.interpretations.map((i) => (
                  <li>
                    <a href={documentHref(i.id)}>{i.title}</a>（{FORM_LABELS[i.form ?? 'text']}）
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {isPolicy && doc.history.length > 1 ? (
            <section>
              <h2>有效性变化</h2>
              <ol class="history">
                {doc.history.map((e) => (
                  <li>
                    <strong>{VALIDITY_LABELS[e.validity]}</strong>：{e.byDocumentId ? <a href={documentHref(e.byDocumentId)}>{e.reason}</a> : e.reason}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          {doc.versions.length > 1 ? (
            <section>
              <h2>修订记录</h2>
              <ol class="history">
                {doc.versions.map((v) => (
                  <li>
                    第 {v.version} 版，{day(v.publishedAt)}
                    {v.changeNote ? `：${v.changeNote}` : v.version === 1 ? '：首次发布' : ''}
                    {v.version === doc.version ? '（当前版本）' : ''}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </Layout>,
      ),
    );
  });
};

export default pages;
