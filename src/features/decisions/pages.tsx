// The portal's 重大行政决策 (issue #7 items 1, 2, 5; 决策条例第三条): the governments' published decision
// catalogues by year; one catalogue as a table (序号, 决策事项, 承办单位, 决策依据, 计划完成时间, 当前阶段)
// with the items taken out and every change with its reason; one decision's whole path — its public
// stages with dates and documents, the public consultation with its adoption report, the final document.
// Plain HTML: no JavaScript needed, the wide table scrolls on a phone.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { formatChineseDate } from '../../domain/dates.js';
import { Layout, renderPage } from '../../portal/layout.js';
import { consultationHref, DECISIONS, decisionCatalogHref, decisionHref, documentHref } from '../../portal/links.js';
import { pageContext } from '../../portal/page-context.js';
import { publicCatalog, publicCatalogs, publicDecision } from './public.js';
import type { VNode } from 'preact';

const LIST_TITLE = '重大行政决策';
const crumbs = [{ href: '/', label: '政府信息公开' }];
const listCrumbs = [...crumbs, { href: DECISIONS, label: LIST_TITLE }];

const day = formatChineseDate;
const lines = (s: string) => s.split('\n').filter(Boolean).map((l) => <p>{l}</p>);

type Catalog = Awaited<ReturnType<typeof publicCatalog>>;
type Shown = Awaited<ReturnType<typeof publicDecision>>;

function Changes({ changes, withItem }: { changes: { item?: string; decisionId?: number; reason: string; lines: string[]; changedOn: string }[]; withItem: boolean }) {
  return (
    <ol class="timeline">
      {changes.map((c) => (
        <li>
          <p>
            <strong>{day(c.changedOn)}</strong>
            {withItem && c.decisionId ? (
              <>
                {'　'}
                <a href={decisionHref(c.decisionId)}>{c.item}</a>
              </>
            ) : null}
          </p>
          {c.lines.map((l) => (
            <p>{l}</p>
          ))}
          <p>调整理由：{c.reason}</p>
        </li>
      ))}
    </ol>
  );
}

function CatalogPage({ c }: { c: Catalog }) {
  const listed = c.items.filter((i) => !i.removed);
  const removed = c.items.filter((i) => i.removed);
  return (
    <>
      <p class="meta">
        <span>公布日期：{day(c.publishedOn)}</span>
        <span>共 {listed.length} 项</span>
      </p>
      {c.note ? lines(c.note) : null}
      <div class="table-scroll" tabindex={0} role="region" aria-label="决策事项目录">
        <table class="catalog">
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">决策事项</th>
              <th scope="col">承办单位</th>
              <th scope="col">决策依据</th>
              <th scope="col">计划完成时间</th>
              <th scope="col">当前阶段</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((i) => (
              <tr>
                <td>{i.seq}</td>
                <td>
                  <a href={decisionHref(i.id)}>{i.name}</a>
                </td>
                <td>{i.undertakingOrg}</td>
                <td>{i.basis || '—'}</td>
                <td>{i.plannedTime || '—'}</td>
                <td>{i.currentStage}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {removed.length ? (
        <section aria-labelledby="removed">
          <h2 id="removed">调出目录的事项</h2>
          <ul class="doc-list">
            {removed.map((i) => (
              <li>
                <a href={decisionHref(i.id)}>
                  {i.seq}. {i.name}
                </a>
                <p class="meta">
                  <span>承办单位：{i.undertakingOrg}</span>
                  <span>调出理由：{i.removalReason}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="changes">
        <h2 id="changes">目录调整记录</h2>
        {c.changes.length ? <Changes changes={c.changes} withItem /> : <p>目录公布后未作调整。</p>}
      </section>
    </>
  );
}

function DecisionPage({ d }: { d: Shown }) {
  return (
    <>
      <dl class="facts">
        <dt>所属目录</dt>
        <dd>
          <a href={decisionCatalogHref(d.catalog.orgCode, d.catalog.year)}>{d.catalog.title}</a>（序号 {d.seq}）
        </dd>
        <dt>承办单位</dt>
        <dd>{d.undertakingOrg}</dd>
        <dt>决策依据</dt>
        <dd>{d.basis || '—'}</dd>
        <dt>计划完成时间</dt>
        <dd>{d.plannedTime || '—'}</dd>
      </dl>
      {d.removed ? <p class="notice">该事项已调出目录。理由：{d.removalReason}</p> : null}
      <section aria-labelledby="path">
        <h2 id="path">决策过程</h2>
        {d.stages.length ? (
          <ol class="timeline">
            {d.stages.map((s) => (
              <li>
                <p>
                  <strong>{s.label}</strong>　{day(s.startedOn)}
                  {s.endedOn && s.endedOn !== s.startedOn ? `至${day(s.endedOn)}` : ''}
                  {s.endedOn ? '' : '起（进行中）'}
                </p>
                {s.summary ? lines(s.summary) : null}
                {s.document ? (
                  <p>
                    相关文件：<a href={documentHref(s.document.id)}>{s.document.title}</a>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>尚未公开决策过程信息。</p>
        )}
      </section>
      {d.consultation ? (
        <section aria-labelledby="consultation">
          <h2 id="consultation">公众参与</h2>
          <p>
            征求意见：<a href={consultationHref(d.consultation.id)}>{d.consultation.title}</a>（{day(d.consultation.startsOn)}至{day(d.consultation.endsOn)}）
          </p>
          {d.consultation.report ? (
            <>
              <h3>意见采纳情况</h3>
              <p class="meta">公布日期：{day(d.consultation.report.publishedOn)}</p>
              {lines(d.consultation.report.summary)}
            </>
          ) : (
            <p>意见采纳情况尚未公布。</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="final">
        <h2 id="final">决策文件</h2>
        {d.document ? (
          <p>
            <a href={documentHref(d.document.id)}>{d.document.title}</a>
          </p>
        ) : (
          <p>尚未公布决策文件。</p>
        )}
      </section>
      {d.changes.length ? (
        <section aria-labelledby="changes">
          <h2 id="changes">事项调整记录</h2>
          <Changes changes={d.changes} withItem={false} />
        </section>
      ) : null}
    </>
  );
}

const pages: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;

  const send = async (request: Parameters<typeof pageContext>[0], title: string, body: VNode, breadcrumbs: { href: string; label: string }[]) =>
    renderPage(
      <Layout page={await pageContext(request)} title={title} breadcrumbs={breadcrumbs}>
        <h1>{title}</h1>
        {body}
      </Layout>,
    );

  app.get(DECISIONS, { schema: { hide: true } }, async (request, reply) => {
    const catalogs = await publicCatalogs(db);
    const years = [...new Set(catalogs.map((c) => c.year))];
    const body = (
      <>
        <p>依据《重大行政决策程序暂行条例》第三条，县级以上人民政府每年向社会公布重大行政决策事项目录；目录调整的，说明理由并向社会公布。每项决策的公众参与、专家论证、风险评估、合法性审查、集体讨论决定、决策公布和执行后评估情况在决策页面公开。</p>
        {years.length === 0 ? <p>尚未公布决策事项目录。</p> : null}
        {years.map((y) => (
          <section aria-labelledby={`year-${y}`}>
            <h2 id={`year-${y}`}>{y}年度</h2>
            <ul class="doc-list">
              {catalogs
                .filter((c) => c.year === y)
                .map((c) => (
                  <li>
                    <a href={decisionCatalogHref(c.org.code, c.year)}>{c.title}</a>
                    <p class="meta">
                      <span>公布日期：{day(c.publishedOn)}</span>
                    </p>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </>
    );
    return reply.type('text/html; charset=utf-8').send(await send(request, LIST_TITLE, body, crumbs));
  });

  app.get(
    `${DECISIONS}/:code/:year`,
    { schema: { hide: true, params: Type.Object({ code: Type.String({ maxLength: 50 }), year: Type.Integer({ minimum: 2000, maximum: 2100 }) }) } },
    async (request, reply) => {
      const c = await publicCatalog(db, request.params.code, request.params.year);
      return reply.type('text/html; charset=utf-8').send(await send(request, c.title, <CatalogPage c={c} />, listCrumbs));
    },
  );

  app.get(`${DECISIONS}/:id`, { schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } }, async (request, reply) => {
    const d = await publicDecision(db, request.params.id);
    const catalogCrumb = { href: decisionCatalogHref(d.catalog.orgCode, d.catalog.year), label: d.catalog.title };
    return reply.type('text/html; charset=utf-8').send(await send(request, d.name, <DecisionPage d={d} />, [...listCrumbs, catalogCrumb]));
  });
};

export default pages;
