// The portal's 列席会议 (issue #7 item 6): the government meetings citizens' representatives attended,
// latest first; one meeting with its topics, how the representatives were chosen, who attended (by
// name only where they agreed, otherwise by capacity), each opinion and its handling (待办理 until
// there is one). Plain HTML, no JavaScript; everything shown comes from public.ts, which never lets
// a hidden name through.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { formatChineseDate } from '../../domain/dates.js';
import { Layout, renderPage } from '../../portal/layout.js';
import { MEETINGS, meetingHref } from '../../portal/links.js';
import { pageContext } from '../../portal/page-context.js';
import { publicMeeting, publicMeetings } from './public.js';

const HTML = 'text/html; charset=utf-8';
const LIST_TITLE = '列席会议';
const crumbs = [{ href: '/', label: '政府信息公开' }];

const Lines = ({ text }: { text: string }) => (
  <>
    {text.split('\n').map((l) => (
      <p>{l}</p>
    ))}
  </>
);

type Shown = Awaited<ReturnType<typeof publicMeeting>>;

function MeetingPage({ m }: { m: Shown }) {
  return (
    <>
      <p class="meta">
        <span>召开单位：{m.orgName}</span>
        <span>会议日期：{formatChineseDate(m.heldOn)}</span>
        <span>发布日期：{formatChineseDate(m.publishedOn)}</span>
      </p>
      <section aria-labelledby="topics">
        <h2 id="topics">会议议题</h2>
        <Lines text={m.topics} />
      </section>
      <section aria-labelledby="selection">
        <h2 id="selection">列席代表产生方式</h2>
        <Lines text={m.selection} />
      </section>
      <section aria-labelledby="representatives">
        <h2 id="representatives">列席代表</h2>
        <p class="hint">列席代表本人同意的，公开姓名；未同意的，只公开其身份。</p>
        <ol>
          {m.representatives.map((r) => (
            <li data-testid="representative">{r.label}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="opinions">
        <h2 id="opinions">代表意见及办理情况</h2>
        {m.opinions.length === 0 ? <p>列席代表未提出意见。</p> : null}
        <ol class="doc-list">
          {m.opinions.map((o) => (
            <li data-testid="opinion">
              <p class="meta">
                <span>意见 {o.number}</span>
                <span>提出人：{o.representative}</span>
                <strong>{o.statusLabel}</strong>
              </p>
              <Lines text={o.opinion} />
              {o.handling ? (
                <div class="notice">
                  <p>
                    <strong>办理情况</strong>（{o.handling.orgName}，{formatChineseDate(o.handling.handledOn)}）
                  </p>
                  <Lines text={o.handling.text} />
                </div>
              ) : (
                <p class="hint">正在办理，办理情况将在本页公开。</p>
              )}
            </li>
          ))}
        </ol>
      </section>
      <p>
        <a href={MEETINGS}>返回列席会议列表</a>
      </p>
    </>
  );
}

const pages: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;

  app.get(MEETINGS, { schema: { hide: true } }, async (request, reply) => {
    const [page, all] = await Promise.all([pageContext(request), publicMeetings(db)]);
    return reply.type(HTML).send(
      renderPage(
        <Layout page={page} title={LIST_TITLE} breadcrumbs={crumbs}>
          <h1>{LIST_TITLE}</h1>
          <p>政府常务会议等会议审议涉及群众切身利益的事项时，邀请市民代表、人大代表、政协委员、专家和媒体等列席。本栏目公开列席会议的议题、代表产生方式、代表提出的意见及其办理情况。</p>
          {all.length ? (
            <ul class="doc-list">
              {all.map((m) => (
                <li>
                  <a href={meetingHref(m.id)}>{m.title}</a>
                  <p class="meta">
                    <span>{m.orgName}</span>
                    <span>{formatChineseDate(m.heldOn)}</span>
                    <span>列席代表 {m.representatives} 名</span>
                    <span>
                      意见 {m.opinions} 条，已办理 {m.handled} 条
                    </span>
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p>暂无公开的列席会议。</p>
          )}
        </Layout>,
      ),
    );
  });

  app.get(`${MEETINGS}/:id`, { schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } }, async (request, reply) => {
    const [page, m] = await Promise.all([pageContext(request), publicMeeting(db, request.params.id)]);
    return reply.type(HTML).send(
      renderPage(
        <Layout page={page} title={m.title} breadcrumbs={[...crumbs, { href: MEETINGS, label: LIST_TITLE }]}>
          <h1>{m.title}</h1>
          <MeetingPage m={m} />
        </Layout>,
      ),
    );
  });
};

export default pages;
