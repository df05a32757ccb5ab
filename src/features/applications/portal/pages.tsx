// The portal's pages for applications (依申请公开, issue #5 items 1 and 6), for a citizen on a phone,
// without JavaScript:
//   GET  /zfxxgk/ysqgk            how to apply (cached like any reading page)
//   GET  /zfxxgk/ysqgk/sq         the form                                  ┐
//   POST /zfxxgk/ysqgk/sq/check   the form checked, with the published      │ private pages with a
//                                 documents that may already answer it      │ CSRF token and a
//   POST /zfxxgk/ysqgk/sq         submission → 303 to the receipt           │ human check
//   GET  /zfxxgk/ysqgk/hz         the receipt (number, query code, dates)   ┘
//   GET  /zfxxgk/ysqgk/cx, POST   tracking by number and query code; letters downloaded by POST
// The number and the query code travel in form bodies and an HttpOnly cookie only, never in an
// address, which servers, proxies and browser histories keep.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { VNode } from 'preact';
import { dataKey } from '../../../data-key.js';
import { AppError } from '../../../errors.js';
import { ensureCsrfToken } from '../../../http/csrf.js';
import { Layout, renderPage } from '../../../portal/layout.js';
import { APPLY, APPLY_CHECK, APPLY_FORM, APPLY_RECEIPT, TRACK } from '../../../portal/links.js';
import { pageContext } from '../../../portal/page-context.js';
import { parseQuery } from '../../../domain/search-text.js';
import { search, type SearchItem } from '../../search/query.js';
import { findOrgByCode } from '../../orgs/organizations.js';
import { submitApplication } from '../intake.js';
import { sendDocx } from '../letters/routes.js';
import { letterForApplicant } from '../letters/queries.js';
import { applicationOptions } from '../options.js';
import { SUBMIT_RATE, TRACK_RATE } from '../routes.js';
import { trackApplication } from '../track.js';
import { APPLICANT_FILE_MAX_BYTES, attachApplicantFiles, checkApplicantFiles, MAX_APPLICANT_FILES } from './attachments.js';
import { acceptHtmlForms, FORM_BODY_LIMIT, text, tooMany, type PostedForm } from './form-body.js';
import { applicantProblems, applicationFields, draftOf, emptyDraft, fieldOfMessage, formProblems, type Draft, type FieldErrors } from './form.js';
import { FAILURE_MESSAGES, HONEYPOT, portalHumanCheck as humanCheck, type Stage } from '../../../portal/human-check.js';
import { ApplicationForm, ApplyGuide, Receipt, TrackForm, TrackResult, type Match, type Options } from './views.js';

const HTML = 'text/html; charset=utf-8';
const crumbs = [{ href: '/', label: '政府信息公开' }];
const applyCrumbs = [...crumbs, { href: APPLY, label: '依申请公开' }];

/** The check step runs a search: generous for a person correcting the form, bounded for a robot. */
const CHECK_RATE = { max: 60, timeWindow: '1 hour' };
const SUBMIT_BODY_LIMIT = MAX_APPLICANT_FILES * APPLICANT_FILE_MAX_BYTES + FORM_BODY_LIMIT;
const MAX_MATCHES = 5;

/** Where the receipt waits for the redirect after submission: long enough to read it and take it down. */
const RECEIPT_COOKIE = 'gk_receipt';
const RECEIPT_SECONDS = 10 * 60;


/** Words every request uses, which say nothing about what is wanted. */
const REQUEST_WORDS = new Set(['申请', '公开', '政府信息', '信息', '提供', '有关', '相关', '关于', '文件', '内容', '请求', '本人', '需要']);

/**
 * The words of what the applicant typed, apart: the search then wants all of them first and, when no
 * document has them all (a sentence rarely matches as a whole), the documents with most of them.
 */
function searchWords(text: string): string[] {
  const words = parseQuery(text).terms.filter((w) => [...w].length > 1 && !REQUEST_WORDS.has(w));
  return [...new Set(words)].slice(0, 12);
}

/** When no document has every word: those whose title or passage holds at least three of them (or all, if fewer). */
function closeEnough(item: SearchItem, words: string[]): boolean {
  const text = item.title + item.snippet.map((p) => p.text).join('');
  return words.filter((w) => text.includes(w)).length >= Math.min(3, words.length);
}

/** Up to five published documents (or answers of the knowledge base) that may already hold what is asked. */
async function findMatches(db: Parameters<typeof search>[0], d: Draft): Promise<Match[]> {
  // The doc number and title first (a doc number is ranked first when it matches), then the description.
  const queries = [searchWords(`${d.docNumber} ${d.docTitle}`), searchWords(d.description)].filter((words) => words.length);
  const found = new Map<string, Match>();
  for (const words of queries) {
    if (found.size >= MAX_MATCHES) break;
    const result = await search(db, { q: words.join(' ') });
    for (const item of result.items) {
      if (found.size >= MAX_MATCHES || found.has(item.url) || (result.relaxed && !closeEnough(item, words))) continue;
      found.set(item.url, { title: item.title, url: item.url, docNumber: item.docNumber, orgName: item.orgName, publishedAt: item.publishedAt });
    }
  }
  return [...found.values()];
}

const pages: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const { config, files } = app.deps;
  acceptHtmlForms(app);

  /** A page made for this visitor (a form with its tokens, a receipt): never cached or shared. */
  async function privatePage(request: FastifyRequest, reply: FastifyReply, status: number, title: string, body: VNode, breadcrumbs = applyCrumbs) {
    const page = await pageContext(request);
    return reply
      .status(status)
      .type(HTML)
      .header('cache-control', 'private, no-store')
      .send(
        renderPage(
          <Layout page={page} title={title} breadcrumbs={breadcrumbs}>
            <h1>{title}</h1>
            {body}
          </Layout>,
        ),
      );
  }

  interface FormState {
    stage: Exclude<Stage, 'comment'>;
    draft: Draft;
    errors?: FieldErrors;
    matches?: Match[] | null;
    filesDropped?: boolean;
  }

  async function formPage(request: FastifyRequest, reply: FastifyReply, status: number, s: FormState, options?: Options) {
    const csrf = ensureCsrfToken(request, reply, config.cookieSecure);
    const form = (
      <ApplicationForm
        mode={s.stage}
        draft={s.draft}
        errors={s.errors ?? {}}
        challenge={humanCheck().issue(s.stage, csrf)}
        csrf={csrf}
        options={options ?? (await applicationOptions(db))}
        matches={s.matches ?? null}
        filesDropped={s.filesDropped}
      />
    );
    return privatePage(request, reply, status, '政府信息公开申请', form);
  }

  /** A posted form read: the draft, and every problem at once by field, the human check's included. */
  async function readForm(request: FastifyRequest, stage: Exclude<Stage, 'comment'>) {
    const form = request.body as PostedForm;
    const draft = draftOf(form);
    const options = await applicationOptions(db);
    const failure = humanCheck().verify(stage, request.csrfToken, text(form, 'challenge'), text(form, 'answer'), text(form, HONEYPOT));
    const errors: FieldErrors = {
      ...formProblems(
        draft,
        options.organizations.map((o) => o.id),
      ),
      ...applicantProblems(draft),
    };
    if (failure) errors.answer = FAILURE_MESSAGES[failure];
    return { form, draft, options, errors, robot: failure === 'robot' };
  }

  app.get(APPLY, { schema: { hide: true } }, async (request, reply) => {
    const page = await pageContext(request);
    return reply.type(HTML).send(
      renderPage(
        <Layout page={page} title="依申请公开" breadcrumbs={crumbs}>
          <h1>依申请公开</h1>
          <ApplyGuide root={page.root} applyHref={APPLY_FORM} />
        </Layout>,
      ),
    );
  });

  app.get(APPLY_FORM, { schema: { hide: true, querystring: Type.Object({ org: Type.Optional(Type.String({ maxLength: 40 })) }) } }, async (request, reply) => {
    // ?org=jyj from a department's guide chooses that agency.
    const org = request.query.org ? await findOrgByCode(db, request.query.org) : undefined;
    return formPage(request, reply, 200, { stage: 'check', draft: emptyDraft(org ? String(org.id) : '') });
  });

  // The addresses that only take posts, asked for by a link (the 长者模式 switch returns to the page
  // it was clicked on, a bookmark): the page they come from, not a 404.
  app.get(APPLY_CHECK, { schema: { hide: true } }, async (_request, reply) => reply.redirect(APPLY_FORM));
  app.get(`${TRACK}/ws/:letterId`, { schema: { hide: true } }, async (_request, reply) => reply.redirect(TRACK));

  app.post(
    APPLY_CHECK,
    {
      bodyLimit: FORM_BODY_LIMIT,
      config: { rateLimit: { ...CHECK_RATE, ...tooMany('查找过于频繁，请稍后再试') }, readOnly: true },
      schema: { hide: true },
    },
    async (request, reply) => {
      const { draft, options, errors, robot } = await readForm(request, 'check');
      if (Object.keys(errors).length) return formPage(request, reply, robot ? 400 : 422, { stage: 'check', draft, errors }, options);
      return formPage(request, reply, 200, { stage: 'submit', draft, matches: await findMatches(db, draft) }, options);
    },
  );

  app.post(
    APPLY_FORM,
    {
      bodyLimit: SUBMIT_BODY_LIMIT,
      config: { rateLimit: { ...SUBMIT_RATE, ...tooMany(`同一网络每小时最多在线提交 ${SUBMIT_RATE.max} 件申请，请稍后再试；也可以通过信函、传真或者当面提交`) } },
      schema: { hide: true },
    },
    async (request, reply) => {
      const { form, draft, options, errors, robot } = await readForm(request, 'submit');
      const uploads = checkApplicantFiles(form.files);
      if (uploads.problem) errors.attachments = uploads.problem;
      const refuse = (status: number, errs: FieldErrors) => formPage(request, reply, status, { stage: 'submit', draft, errors: errs, filesDropped: form.files.length > 0 }, options);
      if (Object.keys(errors).length) return refuse(robot ? 400 : 422, errors);
      let registered;
      try {
        registered = await submitApplication(db, request.ctx, { ...applicationFields(draft), orgId: Number(draft.orgId) });
      } catch (err) {
        // What only the use case can tell (an agency that does not accept applications, say).
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return refuse(422, { [fieldOfMessage(err.message) ?? 'form']: err.message });
      }
      await attachApplicantFiles(db, files, registered.id, uploads.files);
      // Post/redirect/get: reloading the receipt must not submit the application again.
      reply.setCookie(RECEIPT_COOKIE, dataKey().seal(JSON.stringify({ number: registered.number, code: registered.queryCode })), {
        path: APPLY_RECEIPT,
        httpOnly: true,
        sameSite: 'strict',
        secure: config.cookieSecure,
        maxAge: RECEIPT_SECONDS,
      });
      return reply.header('cache-control', 'no-store').redirect(APPLY_RECEIPT, 303);
    },
  );

  app.get(APPLY_RECEIPT, { schema: { hide: true } }, async (request, reply) => {
    const sealed = request.cookies[RECEIPT_COOKIE];
    let receipt: { number: string; code: string } | null = null;
    try {
      receipt = sealed ? (JSON.parse(dataKey().open(sealed)) as { number: string; code: string }) : null;
    } catch {
      receipt = null;
    }
    const tracked = receipt ? await trackApplication(db, receipt.number, receipt.code).catch(() => null) : null;
    if (!receipt || !tracked) {
      const gone = (
        <>
          <p>回执只在提交后的 {RECEIPT_SECONDS / 60} 分钟内显示。已记下申请编号和查询码的，可以查询办理进度。</p>
          <p>
            <a href={TRACK}>查询办理进度</a>
          </p>
        </>
      );
      return privatePage(request, reply, 404, '回执已过期', gone);
    }
    return privatePage(request, reply, 200, '申请已提交', <Receipt tracked={tracked} queryCode={receipt.code} />);
  });

  const trackPage = (request: FastifyRequest, reply: FastifyReply, status: number, body: (csrf: string) => VNode) =>
    privatePage(request, reply, status, '查询申请办理进度', body(ensureCsrfToken(request, reply, config.cookieSecure)));

  app.get(TRACK, { schema: { hide: true } }, async (request, reply) => trackPage(request, reply, 200, (csrf) => <TrackForm csrf={csrf} number="" />));

  app.post(
    TRACK,
    { bodyLimit: FORM_BODY_LIMIT, config: { rateLimit: { ...TRACK_RATE, ...tooMany('查询过于频繁，请一分钟后再试') }, readOnly: true }, schema: { hide: true } },
    async (request, reply) => {
      const form = request.body as PostedForm;
      const number = text(form, 'number').trim().slice(0, 40);
      const code = text(form, 'code').trim().slice(0, 20);
      try {
        const tracked = await trackApplication(db, number, code);
        return trackPage(request, reply, 200, (csrf) => <TrackResult tracked={tracked} code={code} csrf={csrf} />);
      } catch (err) {
        // A wrong number and a wrong code get the same answer (track.ts), so numbers cannot be probed.
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return trackPage(request, reply, err.status, (csrf) => <TrackForm csrf={csrf} number={number} error={err.message} />);
      }
    },
  );

  app.post(
    `${TRACK}/ws/:letterId`,
    {
      bodyLimit: FORM_BODY_LIMIT,
      config: { rateLimit: { ...TRACK_RATE, ...tooMany('下载过于频繁，请一分钟后再试') }, readOnly: true },
      schema: { hide: true, params: Type.Object({ letterId: Type.Integer({ minimum: 1 }) }) },
    },
    async (request, reply) => {
      const form = request.body as PostedForm;
      return sendDocx(reply, await letterForApplicant(db, text(form, 'number').slice(0, 40), text(form, 'code').slice(0, 20), request.params.letterId));
    },
  );
};

export default pages;
