// Portal pages of the gazette (政府公报): the archive by year, and an issue with its table of
// contents grouped by section, each document linking to its page. Plain HTML: no JavaScript needed.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { gazetteName, groupBySection, issueLabel, issueNoLabel } from '../../domain/gazette.js';
import { readableDate } from '../../portal/format.js';
import { Layout, renderPage } from '../../portal/layout.js';
import { pageContext } from '../../portal/page-context.js';
import { documentHref } from '../documents/pages.js';
import { GAZETTE, issueHref } from './links.js';
import { getPublishedIssue, listPublishedIssues } from './queries.js';

const day = (d: string | null) => readableDate(d);

const pages: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const html = 'text/html; charset=utf-8';

  app.get(GAZETTE, { schema: { hide: true, querystring: Type.Object({ year: Type.Optional(Type.String({ maxLength: 4 })) }) } }, async (request, reply) => {
    // A stale or hand-edited year is ignored, not an error.
    const year = /^\d{4}$/.test(request.query.year ?? '') ? Number(request.query.year) : undefined;
    const [page, archive] = await Promise.all([pageContext(request), listPublishedIssues(db, { year })]);
    const byYear = new Map<number, typeof archive.items>();
    for (const i of archive.items) byYear.set(i.year, [...(byYear.get(i.year) ?? []), i]);
    // Issues of the portal's own government read 第3期; another organization's carry its gazette's name.
    const name = (i: (typeof archive.items)[number]) => (page.root && i.orgId === page.root.id ? '' : gazetteName(i.orgName));
    return reply.type(html).send(
      renderPage(
        <Layout page={page} title="政府公报" breadcrumbs={[{ href: '/', label: '政府信息公开' }]}>
          <h1>政府公报</h1>
          <p>政府公报刊登本级政府及所属部门发布的规章、行政规范性文件和其他重要文件，与本平台发布的文件同源。</p>
          {archive.years.length ? (
            <nav aria-label="按年份浏览">
              <p class="meta">
                <a href={GAZETTE} aria-current={year === undefined ? 'page' : undefined}>
                  全部年份
                </a>
                {archive.years.map((y) => (
                  <a href={`${GAZETTE}?year=${y}`} aria-current={year === y ? 'page' : undefined}>
                    {y}年
                  </a>
                ))}
              </p>
            </nav>
          ) : null}
          {byYear.size ? (
            [...byYear].map(([y, issues]) => (
              <section>
                <h2>{y}年</h2>
                <div class="table-scroll">
                  <table class="catalog">
                    <thead>
                      <tr>
                        <th scope="col">期号</th>
                        <th scope="col">发布日期</th>
                        <th scope="col">文件数</th>
                      </tr>
                    </thead>
                    <tbody>
                      {issues.map((i) => (
                        <tr>
                          <td>
                            <a href={issueHref(i.id)}>
                              {name(i)}
                              {issueNoLabel(i)}
                            </a>
                            {i.title ? `　${i.title}` : ''}
                          </td>
                          <td>{day(i.publishedOn)}</td>
                          <td>{i.entryCount} 件</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ))
          ) : (
            <p>{year ? `${year}年没有已发布的政府公报。` : '尚未发布政府公报。'}</p>
          )}
        </Layout>,
      ),
    );
  });

  app.get(`${GAZETTE}/:id`, { schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } }, async (request, reply) => {
    const [page, issue] = await Promise.all([pageContext(request), getPublishedIssue(db, request.params.id)]);
    const heading = `${gazetteName(issue.orgName)}${issueLabel(issue)}`;
    return reply.type(html).send(
      renderPage(
        <Layout page={page} title={heading} breadcrumbs={[{ href: '/', label: '政府信息公开' }, { href: GAZETTE, label: '政府公报' }]}>
          <h1>{heading}</h1>
          {issue.title ? <p class="doc-number">{issue.title}</p> : null}
          <p class="meta">
            <span>编印：{issue.orgName}</span>
            <span>发布日期：{day(issue.publishedOn)}</span>
            <span>共 {issue.entries.length} 件</span>
          </p>
          <h2>目录</h2>
          {groupBySection(issue.entries).map((g) => (
            <section>
              {g.section ? <h3>{g.section}</h3> : null}
              <div class="table-scroll">
                <table class="catalog">
                  {g.section ? null : <caption class="visually-hidden">其他文件</caption>}
                  <thead>
                    <tr>
                      <th scope="col">文件标题</th>
                      <th scope="col">文号</th>
                      <th scope="col">发文机关</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.entries.map((e) => (
                      <tr>
                        <td>
                          <a href={documentHref(e.documentId)}>{e.title}</a>
                        </td>
                        <td>{e.docNumber || '—'}</td>
                        <td>{e.issuer}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
          <p>
            <a href={`${GAZETTE}?year=${issue.year}`}>{issue.year}年的其他各期</a>
          </p>
        </Layout>,
      ),
    );
  });
};

export default pages;
