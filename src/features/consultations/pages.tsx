// The portal's 意见征集 (issue #7 items 3–5): the consultations, open ones first with their days left;
// one consultation with its draft in numbered clauses, the reason for a short period, its hearings,
// the comments published so far (never who sent them) and, once out, the adoption report with each
// comment's disposition and reason; and the comment form — without JavaScript, a clause chosen by the
// link beside it, name and contact optional, the human check, a length limit and rate limits.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MAX_COMMENT_LENGTH, type DraftPart } from '../../domain/consultation.js';
import { formatChineseDate } from '../../domain/dates.js';
import { AppError } from '../../errors.js';
import { ensureCsrfToken } from '../../http/csrf.js';
import { FAILURE_MESSAGES, HONEYPOT, portalHumanCheck } from '../../portal/human-check.js';
import { HumanCheckFields } from '../../portal/human-check-fields.js';
import { Layout, renderPage } from '../../portal/layout.js';
import { CONSULTATIONS, consultationHref, documentHref } from '../../portal/links.js';
import { pageContext } from '../../portal/page-context.js';
import { acceptHtmlForms, FORM_BODY_LIMIT, text, tooMany, type PostedForm } from '../applications/portal/form-body.js';
import { submitComment } from './comment.js';
import { publicConsultation, publicConsultations } from './public.js';
import type { VNode } from 'preact';

const HTML = 'text/html; charset=utf-8';
const LIST_TITLE = '意见征集';
const crumbs = [{ href: '/', label: '政府信息公开' }];
const listCrumbs = [...crumbs, { href: CONSULTATIONS, label: LIST_TITLE }];
/** Comments from one address per hour, in this process (the use case counts across processes too). */
const COMMENT_RATE = { max: 20, timeWindow: '1 hour' };

type Shown = Awaited<ReturnType<typeof publicConsultation>>;
interface CommentDraft {
  clause: string;
  body: string;
  name: string;
  contact: string;
}
type CommentErrors = Partial<Record<'clause' | 'body' | 'answer' | 'form', string>>;

const period = (c: { startsOn: string; endsOn: string; periodDays: number }) => `${formatChineseDate(c.startsOn)}至${formatChineseDate(c.endsOn)}（共 ${c.periodDays} 天）`;

function Standing({ c }: { c: { phase: string; phaseLabel: string; daysLeft: number | null } }) {
  return <strong class="phase">{c.phase === 'open' ? `征求意见中，还剩 ${c.daysLeft} 天` : c.phaseLabel}</strong>;
}

function Part({ part, open, id }: { part: DraftPart; open: boolean; id: number }) {
  if (part.clause === null) return <p class="draft-heading">{part.text}</p>;
  return (
    <div class="clause" id={`clause-${part.clause}`}>
      {part.text.split('\n').map((line) => (
        <p>{line}</p>
      ))}
      {open ? (
        <p class="clause-action">
          <a href={`${consultationHref(id)}?clause=${part.clause}#comment-form`}>对第 {part.clause} 条提意见</a>
        </p>
      ) : null}
    </div>
  );
}

function CommentForm({ c, draft, errors, csrf }: { c: Shown; draft: CommentDraft; errors: CommentErrors; csrf: string }) {
  const clauses = c.parts.flatMap((p) => (p.clause === null ? [] : [p.clause]));
  return (
    <section aria-labelledby="comment-form">
      <h2 id="comment-form">提交意见</h2>
      <p class="hint">意见经审核后在本页公开，不公开姓名和联系方式。姓名和联系方式可以不填；填写的，仅用于就意见与您联系。</p>
      {errors.form ? (
        <p class="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <form method="post" action={consultationHref(c.id)} class="form">
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="field">
          <label for="f-clause">针对条款</label>
          <select id="f-clause" name="clause">
            <option value="" selected={!draft.clause}>
              对草案整体提意见
            </option>
            {clauses.map((n) => (
              <option value={String(n)} selected={draft.clause === String(n)}>
                第 {n} 条
              </option>
            ))}
          </select>
          {errors.clause ? <p class="field-error">{errors.clause}</p> : null}
        </div>
        <div class="field">
          <label for="f-body">
            意见内容<span class="req">（必填）</span>
          </label>
          <p id="f-body-hint" class="hint">
            不超过 {MAX_COMMENT_LENGTH} 字。
          </p>
          {errors.body ? (
            <p id="f-body-error" class="field-error">
              {errors.body}
            </p>
          ) : null}
          <textarea id="f-body" name="body" rows={8} maxLength={MAX_COMMENT_LENGTH} required value={draft.body} aria-invalid={errors.body ? 'true' : undefined} aria-describedby={errors.body ? 'f-body-hint f-body-error' : 'f-body-hint'} />
        </div>
        <div class="field">
          <label for="f-name">姓名（选填，不公开）</label>
          <input id="f-name" name="name" type="text" maxLength={50} autoComplete="name" value={draft.name} />
        </div>
        <div class="field">
          <label for="f-contact">联系方式（选填，不公开）</label>
          <input id="f-contact" name="contact" type="text" maxLength={100} value={draft.contact} />
        </div>
        <HumanCheckFields challenge={portalHumanCheck().issue('comment', csrf)} error={errors.answer} />
        <div class="actions">
          <button type="submit">提交意见</button>
        </div>
      </form>
    </section>
  );
}

function ConsultationPage({ c, form }: { c: Shown; form: VNode | null }) {
  const open = c.phase === 'open';
  return (
    <>
      <p class="meta">
        <span>起草单位：{c.orgName}</span>
        <span>征求意见期限：{period(c)}</span>
        <Standing c={c} />
      </p>
      {c.shortPeriodReason ? <p class="notice">征求意见期限少于30日的理由：{c.shortPeriodReason}</p> : null}
      {c.channels ? (
        <section aria-labelledby="channels">
          <h2 id="channels">其他提交意见的方式</h2>
          {c.channels.split('\n').map((l) => (
            <p>{l}</p>
          ))}
        </section>
      ) : null}
      {c.explanation ? (
        <section aria-labelledby="explanation">
          <h2 id="explanation">起草说明</h2>
          {c.explanation.split('\n').map((l) => (
            <p>{l}</p>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="draft">
        <h2 id="draft">征求意见稿</h2>
        <div class="draft">
          {c.parts.map((p) => (
            <Part part={p} open={open} id={c.id} />
          ))}
        </div>
      </section>
      {c.hearings.length ? (
        <section aria-labelledby="hearings">
          <h2 id="hearings">听证会</h2>
          {c.hearings.map((h) => (
            <dl class="hearing">
              <dt>时间</dt>
              <dd>{formatChineseDate(h.heldOn)}</dd>
              <dt>地点</dt>
              <dd>{h.place}</dd>
              <dt>参加人产生方式</dt>
              <dd>{h.selection}</dd>
              {h.participants ? (
                <>
                  <dt>参加人</dt>
                  <dd>{h.participants}</dd>
                </>
              ) : null}
              {h.record ? (
                <>
                  <dt>听证情况</dt>
                  <dd>{h.record}</dd>
                </>
              ) : null}
            </dl>
          ))}
        </section>
      ) : null}
      {c.report ? (
        <section aria-labelledby="report">
          <h2 id="report">意见采纳情况</h2>
          <p class="meta">公布日期：{formatChineseDate(c.report.publishedOn)}</p>
          {c.report.summary.split('\n').map((l) => (
            <p>{l}</p>
          ))}
        </section>
      ) : null}
      {c.finalDocument ? (
        <p>
          正式文件：<a href={documentHref(c.finalDocument.id)}>{c.finalDocument.title}</a>
        </p>
      ) : null}
      <section aria-labelledby="comments">
        <h2 id="comments">{c.report ? '收到的意见及采纳情况' : '已公开的意见'}</h2>
        {c.comments.length === 0 ? <p>暂无公开的意见。</p> : null}
        <ol class="comments">
          {c.comments.map((m) => (
            <li data-testid="public-comment">
              <p class="meta">
                <span>意见 {m.number}</span>
                <span>{m.clause === null ? '针对草案整体' : `针对第 ${m.clause} 条`}</span>
                <span>{formatChineseDate(m.receivedOn)}</span>
              </p>
              {m.body.split('\n').map((l) => (
                <p>{l}</p>
              ))}
              {'dispositionLabel' in m && m.dispositionLabel ? (
                <p class="disposition">
                  <strong>{m.dispositionLabel}</strong>
                  {m.reason ? `：${m.reason}` : ''}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {form}
    </>
  );
}

const pages: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const { config } = app.deps;
  acceptHtmlForms(app);

  async function page(request: FastifyRequest, reply: FastifyReply, status: number, title: string, body: VNode, breadcrumbs: { href: string; label: string }[], personal: boolean) {
    const ctx = await pageContext(request);
    if (personal) reply.header('cache-control', 'private, no-store');
    return reply
      .status(status)
      .type(HTML)
      .send(
        renderPage(
          <Layout page={ctx} title={title} breadcrumbs={breadcrumbs}>
            <h1>{title}</h1>
            {body}
          </Layout>,
        ),
      );
  }

  async function consultationPage(request: FastifyRequest, reply: FastifyReply, id: number, status: number, draft: CommentDraft, errors: CommentErrors = {}) {
    const c = await publicConsultation(db, id);
    // Only an open consultation carries a form (and so a token for this visitor): the others may be cached.
    const form = c.phase === 'open' ? <CommentForm c={c} draft={draft} errors={errors} csrf={ensureCsrfToken(request, reply, config.cookieSecure)} /> : null;
    return page(request, reply, status, c.title, <ConsultationPage c={c} form={form} />, listCrumbs, form !== null);
  }

  app.get(CONSULTATIONS, { schema: { hide: true } }, async (request, reply) => {
    const all = await publicConsultations(db);
    // Open ones first (soonest closing first), then the rest by closing date, newest first.
    const open = all.filter((c) => c.phase === 'open').sort((a, b) => (a.endsOn < b.endsOn ? -1 : 1));
    const others = all.filter((c) => c.phase !== 'open');
    const list = (items: typeof all) => (
      <ul class="doc-list">
        {items.map((c) => (
          <li>
            <a href={consultationHref(c.id)}>{c.title}</a>
            <p class="meta">
              <span>{c.orgName}</span>
              <span>{period(c)}</span>
              <Standing c={c} />
              <span>已收到意见 {c.comments} 条</span>
            </p>
          </li>
        ))}
      </ul>
    );
    return page(
      request,
      reply,
      200,
      LIST_TITLE,
      <>
        <p>政策文件草案向社会公开征求意见，征求意见期限一般不少于30日；征求意见结束后一个月内公布意见采纳情况。</p>
        <section aria-labelledby="open">
          <h2 id="open">正在征求意见</h2>
          {open.length ? list(open) : <p>目前没有正在征求意见的草案。</p>}
        </section>
        <section aria-labelledby="past">
          <h2 id="past">往期征求意见</h2>
          {others.length ? list(others) : <p>暂无。</p>}
        </section>
      </>,
      crumbs,
      false,
    );
  });

  const Params = Type.Object({ id: Type.Integer({ minimum: 1 }) });

  app.get(
    `${CONSULTATIONS}/:id`,
    { schema: { hide: true, params: Params, querystring: Type.Object({ clause: Type.Optional(Type.String({ maxLength: 4 })) }) } },
    async (request, reply) => consultationPage(request, reply, request.params.id, 200, { clause: request.query.clause ?? '', body: '', name: '', contact: '' }),
  );

  app.post(
    `${CONSULTATIONS}/:id`,
    {
      bodyLimit: FORM_BODY_LIMIT,
      config: { rateLimit: { ...COMMENT_RATE, ...tooMany(`同一网络每小时最多提交 ${COMMENT_RATE.max} 条意见，请稍后再提交`) } },
      schema: { hide: true, params: Params },
    },
    async (request, reply) => {
      const form = request.body as PostedForm;
      const draft: CommentDraft = { clause: text(form, 'clause'), body: text(form, 'body'), name: text(form, 'name'), contact: text(form, 'contact') };
      const failure = portalHumanCheck().verify('comment', request.csrfToken, text(form, 'challenge'), text(form, 'answer'), text(form, HONEYPOT));
      if (failure) return consultationPage(request, reply, request.params.id, failure === 'robot' ? 400 : 422, draft, { answer: FAILURE_MESSAGES[failure] });
      try {
        await submitComment(db, request.params.id, { body: draft.body, clause: draft.clause ? Number(draft.clause) : null, name: draft.name, contact: draft.contact }, request.ip);
      } catch (err) {
        if (!(err instanceof AppError) || err.status === 404) throw err;
        const field = /条款|第 \d+ 条/.test(err.message) ? 'clause' : /意见内容/.test(err.message) ? 'body' : 'form';
        return consultationPage(request, reply, request.params.id, err.status, draft, { [field]: err.message });
      }
      const c = await publicConsultation(db, request.params.id);
      return page(
        request,
        reply,
        200,
        '意见已提交',
        <>
          <p role="status">感谢您对《{c.title}》提出意见。意见经审核后在征求意见页面公开（不公开姓名和联系方式）；征求意见结束后一个月内公布意见采纳情况。</p>
          <p>
            <a href={consultationHref(c.id)}>返回征求意见页面</a>
          </p>
        </>,
        [...listCrumbs, { href: consultationHref(c.id), label: c.title }],
        true,
      );
    },
  );
};

export default pages;
