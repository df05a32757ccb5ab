// Portal-wide routes: the stylesheet, the 长者模式 switch, the open-government home page, the
// working-day calculator, and each feature's pages.
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../errors.js';
import { formatChineseDate, weekdayName } from '../domain/dates.js';
import { addWorkingDays } from '../features/calendar/service.js';
import { features } from '../features/index.js';
import { childOrgs } from '../features/orgs/organizations.js';
import { Layout, renderPage } from './layout.js';
import { ANNUAL_REPORTS, APPLY, CONSULTATIONS, DECISIONS, MEETINGS } from './links.js';
import { ELDER_COOKIE, pageContext } from './page-context.js';

const css = readFileSync(new URL('./portal.css', import.meta.url), 'utf8');

export const portalRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;

  app.get('/static/portal.css', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  app.get(
    '/elder-mode',
    { schema: { hide: true, querystring: Type.Object({ on: Type.Optional(Type.String()), back: Type.Optional(Type.String()) }) } },
    async (request, reply) => {
      const on = request.query.on === '1';
      reply.setCookie(ELDER_COOKIE, on ? '1' : '0', { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
      // Only same-site paths: never an open redirect.
      const back = request.query.back ?? '/';
      return reply.redirect(back.startsWith('/') && !back.startsWith('//') ? back : '/');
    },
  );

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const page = await pageContext(request);
    const root = page.root;
    const units = root ? await childOrgs(db, root.id) : [];
    return reply.type('text/html; charset=utf-8').send(
      renderPage(
        <Layout page={page} title="政府信息公开专栏">
          <h1>政府信息公开专栏</h1>
          <p>
            依据《中华人民共和国政府信息公开条例》，本专栏集中公开{page.siteName}及所属部门、乡镇（街道）的政府信息，并提供依申请公开的办理渠道。
          </p>
          <ul class="tiles">
            <li>
              <a href="/zfxxgk/zcwjk">
                <strong>政策文件库</strong>规章、行政规范性文件和其他政策文件，标明现行有效、已修改、已废止或失效
              </a>
            </li>
            <li>
              <a href="/zfxxgk/qlwj">
                <strong>规范性文件清理</strong>历次清理结果：继续有效、拟修改、废止和宣布失效的文件目录
              </a>
            </li>
            <li>
              <a href="/zfxxgk/gb">
                <strong>政府公报</strong>按年份查阅各期政府公报及其目录，文件与本平台发布的同源
              </a>
            </li>
            <li>
              <a href="/zfxxgk/zsk">
                <strong>政务知识库</strong>群众常问的问题和答复，每条答复列明所依据的政策文件
              </a>
            </li>
            {root ? (
              <li>
                <a href={`/zfxxgk/lm/${root.code}`}>
                  <strong>信息公开栏目</strong>通知公告、政策解读、规划信息、财政预决算、重大建设项目等栏目
                </a>
              </li>
            ) : null}
            <li>
              <a href="/zfxxgk/guide">
                <strong>政府信息公开指南</strong>公开的范围、方式、时限，申请公开的渠道和受理机构
              </a>
            </li>
            <li>
              <a href={APPLY}>
                <strong>依申请公开</strong>在线提交政府信息公开申请、查询办理进度；办理期限和收费规定
              </a>
            </li>
            <li>
              <a href={CONSULTATIONS}>
                <strong>意见征集</strong>政策文件草案公开征求意见，在线提交意见，查看意见采纳情况
              </a>
            </li>
            <li>
              <a href={DECISIONS}>
                <strong>重大行政决策</strong>年度决策事项目录及其调整，每项决策的公众参与、合法性审查、集体讨论、公布和评估过程
              </a>
            </li>
            <li>
              <a href={MEETINGS}>
                <strong>列席会议</strong>市民代表等列席政府会议的议题、代表意见及其办理情况
              </a>
            </li>
            <li>
              <a href={ANNUAL_REPORTS}>
                <strong>年度报告</strong>历年政府信息公开工作年度报告，可下载 Word 文件和数据
              </a>
            </li>
            <li>
              <a href="/zfxxgk/orgs">
                <strong>部门和乡镇</strong>
                {units.length} 个部门和乡镇（街道）的公开指南与联系方式
              </a>
            </li>
            <li>
              <a href="/tools/working-days">
                <strong>工作日计算</strong>按国务院节假日安排（含调休）推算答复期限
              </a>
            </li>
          </ul>
          {root ? (
            <>
              <h2>政府信息公开工作机构</h2>
              <dl class="facts">
                <dt>机构名称</dt>
                <dd>{root.officeName || root.name}</dd>
                <dt>办公地址</dt>
                <dd>{root.address || '—'}</dd>
                <dt>办公时间</dt>
                <dd>{root.officeHours || '—'}</dd>
                <dt>联系电话</dt>
                <dd>{root.phone || '—'}</dd>
              </dl>
            </>
          ) : null}
        </Layout>,
      ),
    );
  });

  app.get(
    '/tools/working-days',
    {
      schema: {
        hide: true,
        querystring: Type.Object({ from: Type.Optional(Type.String({ maxLength: 20 })), days: Type.Optional(Type.String({ maxLength: 6 })) }),
      },
    },
    async (request, reply) => {
      const page = await pageContext(request);
      const { from = '', days = '20' } = request.query;
      let result: Awaited<ReturnType<typeof addWorkingDays>> | null = null;
      let error = '';
      if (from) {
        try {
          result = await addWorkingDays(db, from, Number(days));
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          error = err.message;
          reply.status(err.status);
        }
      }
      return reply.type('text/html; charset=utf-8').send(
        renderPage(
          <Layout page={page} title="工作日计算" breadcrumbs={[{ href: '/', label: '政府信息公开' }]}>
            <h1>工作日计算</h1>
            <p>
              按国务院办公厅公布的节假日安排计算，法定节假日不计入，调休上班的周末计入。依照《民法典》第二百零一条，起算当日不计入。例如：政府信息公开申请的答复期限为收到申请之日起 20 个工作日。
            </p>
            <form class="inline" method="get" action="/tools/working-days">
              <label>
                起算日期
                <input type="date" name="from" value={from} required />
              </label>
              <label>
                工作日数
                <input type="number" name="days" value={days} min={1} max={1000} required />
              </label>
              <button type="submit">计算</button>
            </form>
            {error ? (
              <p class="error-box" role="alert">
                {error}
              </p>
            ) : null}
            {result ? (
              <section class="result" aria-live="polite">
                <p>
                  第 {result.days} 个工作日是 <span class="date">{formatChineseDate(result.date)}</span>（{weekdayName(result.date)}）
                </p>
                <p>{result.text}</p>
                {result.missingYears.length ? (
                  <p class="notice">
                    {result.missingYears.join('、')} 年的节假日安排尚未发布，该年份按普通周末计算，结果可能随安排公布而变化。
                  </p>
                ) : null}
              </section>
            ) : null}
          </Layout>,
        ),
      );
    },
  );

  for (const feature of features) if (feature.pages) await app.register(feature.pages);
};
