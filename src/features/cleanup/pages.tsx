// Portal pages of clean-up campaigns (规范性文件清理结果): the campaigns whose result notice is
// published, and each campaign's four lists linking to every file and to the notice.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { resultLists } from '../../domain/cleanup.js';
import { VALIDITY_LABELS, type Validity } from '../../domain/validity.js';
import { readableDate } from '../../portal/format.js';
import { Layout, renderPage } from '../../portal/layout.js';
import { pageContext } from '../../portal/page-context.js';
import { documentHref } from '../documents/pages.js';
import { getPublishedCampaign, listPublishedCampaigns } from './campaigns.js';

export const CLEANUP_LIST = '/zfxxgk/qlwj';
const html = 'text/html; charset=utf-8';
// China's date, not UTC's: a notice published at 06:00 in Beijing is still that day.
const day = (d: string | Date | null | undefined) => readableDate(d);

const pages: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const crumbs = [{ href: '/', label: '政府信息公开' }];

  app.get(CLEANUP_LIST, { schema: { hide: true } }, async (request, reply) => {
    const [page, { items }] = await Promise.all([pageContext(request), listPublishedCampaigns(db)]);
    return reply.type(html).send(
      renderPage(
        <Layout page={page} title="规范性文件清理结果" breadcrumbs={crumbs}>
          <h1>规范性文件清理结果</h1>
          <p>定期清理行政规范性文件，公布继续有效、拟修改、废止和宣布失效的文件目录。废止和宣布失效的文件在政策文件库中标明有效性。</p>
          {items.length ? (
            <ul class="doc-list">
              {items.map((c) => (
                <li>
                  <a href={`${CLEANUP_LIST}/${c.id}`}>{c.title}</a>
                  <p class="meta">
                    <span>{c.orgName}</span>
                    <span>公布日期：{day(c.publishedAt)}</span>
                    <span>
                      清理文件 {c.progress.total} 件：继续有效 {c.progress.counts.keep} 件，拟修改 {c.progress.counts.amend} 件，废止 {c.progress.counts.repeal} 件，宣布失效{' '}
                      {c.progress.counts.expire} 件
                    </span>
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p>暂无公布的清理结果。</p>
          )}
        </Layout>,
      ),
    );
  });

  app.get(`${CLEANUP_LIST}/:id`, { schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } }, async (request, reply) => {
    const [page, c] = await Promise.all([pageContext(request), getPublishedCampaign(db, request.params.id)]);
    return reply.type(html).send(
      renderPage(
        <Layout page={page} title={c.title} breadcrumbs={[...crumbs, { href: CLEANUP_LIST, label: '规范性文件清理结果' }]}>
          <h1>{c.title}</h1>
          <p>
            {c.orgName}，{day(c.publishedAt)}公布。结果通知：<a href={documentHref(c.resultDocumentId!)}>查看清理结果的通知</a>。废止和宣布失效的文件自{day(c.effectiveOn)}起不再执行。
          </p>
          {resultLists(c.files).map((list) => (
            <section>
              <h2>
                {list.label}的文件（{list.files.length} 件）
              </h2>
              {list.files.length ? (
                <div class="table-scroll">
                  <table class="catalog">
                    <caption class="visually-hidden">{list.label}的文件目录</caption>
                    <thead>
                      <tr>
                        <th scope="col">序号</th>
                        <th scope="col">文件名称</th>
                        <th scope="col">文号</th>
                        <th scope="col">发文机关</th>
                        <th scope="col">现在的有效性</th>
                        <th scope="col">说明</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.files.map((f, i) => (
                        <tr>
                          <td>{i + 1}</td>
                          <td>{f.validity === 'withdrawn' ? f.title : <a href={documentHref(f.id)}>{f.title}</a>}</td>
                          <td>{f.docNumber || '—'}</td>
                          <td>{f.issuer}</td>
                          <td>{VALIDITY_LABELS[f.validity as Validity] ?? '已撤回'}</td>
                          <td>{f.note || '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p>无。</p>
              )}
            </section>
          ))}
        </Layout>,
      ),
    );
  });
};

export default pages;
