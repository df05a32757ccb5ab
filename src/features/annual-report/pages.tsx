// The portal's 年报 column (issue #6 items 5 and 6): every year's published annual reports of the
// government and its organizations, and each report as an accessible page with its Word file and its
// figures as JSON. Server-rendered, no JavaScript. A report not published (or not there) is a 404.
import { MEDIA_TYPES } from '../../domain/file-type.js';
import { attachmentDisposition } from '../../http/download.js';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../../errors.js';
import { readableDate } from '../../portal/format.js';
import { Layout, renderPage } from '../../portal/layout.js';
import { ANNUAL_REPORTS, annualReportHref } from '../../portal/links.js';
import { pageContext } from '../../portal/page-context.js';
import { findPublishedReport, listPublishedReports, type PublishedReportEntry } from './published.js';
import { annualReportDocx, annualReportFileName } from './render-docx.js';
import { AnnualReportView } from './render-html.js';
import { reportPreamble, reportTitle, type RenderableReport } from './report-grid.js';

const LIST_TITLE = '政府信息公开工作年度报告';
const NOT_PUBLISHED = '该年度报告不存在或尚未发布';

/** `2024`, `2024.docx` or `2024.json`. */
const FILE = /^(\d{4})(?:\.(docx|json))?$/;

function byYear(entries: PublishedReportEntry[]): [number, PublishedReportEntry[]][] {
  const groups = new Map<number, PublishedReportEntry[]>();
  for (const e of entries) groups.set(e.year, [...(groups.get(e.year) ?? []), e]);
  return [...groups];
}

const pages: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const html = 'text/html; charset=utf-8';

  app.get(ANNUAL_REPORTS, { schema: { hide: true } }, async (request, reply) => {
    const [page, entries] = await Promise.all([pageContext(request), listPublishedReports(db)]);
    const years = byYear(entries);
    return reply.type(html).send(
      renderPage(
        <Layout page={page} title={LIST_TITLE} breadcrumbs={[{ href: '/', label: '政府信息公开' }]}>
          <h1>{LIST_TITLE}</h1>
          <p>
            依据《中华人民共和国政府信息公开条例》第四十九条，各部门于每年1月31日前、县级以上人民政府于每年3月31日前公布本机关上一年度的政府信息公开工作年度报告。
          </p>
          {years.length === 0 ? <p>尚未发布年度报告。</p> : null}
          <div class="report-years">
            {years.map(([year, list]) => (
              <section aria-labelledby={`year-${year}`}>
                <h2 id={`year-${year}`}>{year}年度</h2>
                <ul class="doc-list">
                  {list.map((e) => (
                    <li>
                      <a href={annualReportHref(e.orgCode, e.year)}>{reportTitle(e.orgName, e.year)}</a>
                      <p class="meta">
                        <span>发布日期：{readableDate(e.publishedAt)}</span>
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </Layout>,
      ),
    );
  });

  app.get(
    `${ANNUAL_REPORTS}/:code/:file`,
    { schema: { hide: true, params: Type.Object({ code: Type.String({ maxLength: 40 }), file: Type.String({ maxLength: 12 }) }) } },
    async (request, reply) => {
      const m = FILE.exec(request.params.file);
      const found = m ? await findPublishedReport(db, request.params.code, Number(m[1])) : undefined;
      if (!m || !found) throw notFound(NOT_PUBLISHED);
      const { report, org } = found;
      const renderable: RenderableReport = { org: org.name, year: report.year, preamble: reportPreamble(org, report.year), tables: report.tables, sections: report.sections };
      const title = reportTitle(org.name, report.year);

      if (m[2] === 'docx') {
        const name = annualReportFileName(renderable);
        return reply
          .type(MEDIA_TYPES.docx)
          .header('content-disposition', attachmentDisposition(name))
          .send(await annualReportDocx(renderable));
      }
      if (m[2] === 'json') {
        // The shape of issue #6 item 5, as the command writes it, with the publication.
        return reply.type('application/json; charset=utf-8').send({
          org: { code: org.code, name: org.name },
          year: report.year,
          source: report.source,
          publishedAt: report.publishedAt,
          tables: report.tables,
          sections: report.sections,
          validation: report.validation,
        });
      }
      const page = await pageContext(request);
      return reply.type(html).send(
        renderPage(
          <Layout
            page={page}
            title={title}
            breadcrumbs={[
              { href: '/', label: '政府信息公开' },
              { href: ANNUAL_REPORTS, label: LIST_TITLE },
            ]}
          >
            <AnnualReportView report={renderable} />
            <p class="meta">发布日期：{readableDate(report.publishedAt)}</p>
            <ul class="report-downloads" aria-label="下载">
              <li>
                <a href={annualReportHref(org.code, report.year, 'docx')} download>
                  下载 Word 文件
                </a>
              </li>
              <li>
                <a href={annualReportHref(org.code, report.year, 'json')}>下载数据（JSON）</a>
              </li>
            </ul>
          </Layout>,
        ),
      );
    },
  );
};

export default pages;
