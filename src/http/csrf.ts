// CSRF protection for every state-changing request (POST, PUT, PATCH, DELETE), signed-in or not.
//
// Double-submit cookie: the server sets a random token in the `gk_csrf` cookie (readable by the
// page's own script, never by another site's); a state-changing request must echo it in the
// `x-csrf-token` header (the workbench) or a `_csrf` form field (portal forms). Another site can make
// the browser send the cookie but cannot read it, so it cannot echo it. SameSite=Lax on the session
// cookie is a second line of defence.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from '../errors.js';

export const CSRF_COOKIE = 'gk_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken: string;
  }
}

const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

/** The visitor's token, issued now if it has none (for a page with a form; mark such pages private). */
export function ensureCsrfToken(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  if (!request.csrfToken) {
    request.csrfToken = randomBytes(24).toString('base64url');
    reply.setCookie(CSRF_COOKIE, request.csrfToken, { path: '/', sameSite: 'lax', secure, httpOnly: false });
  }
  return request.csrfToken;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function submittedToken(request: FastifyRequest): string {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  return body && typeof body === 'object' && typeof body._csrf === 'string' ? body._csrf : '';
}

export function installCsrf(app: FastifyInstance, secure: boolean): void {
  app.decorateRequest('csrfToken', '');

  // A token is handed out to API clients (the workbench asks /api/v1/auth/session first) and to
  // pages that carry a form (ensureCsrfToken). Reading pages need none, so they stay cookie-free
  // and cacheable.
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[CSRF_COOKIE];
    if (token && TOKEN.test(token)) request.csrfToken = token;
    else if (request.url.startsWith('/api/')) ensureCsrfToken(request, reply, secure);
  });

  // preValidation: the body is parsed by then, so a portal form's `_csrf` field can be read.
  app.addHook('preValidation', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const sent = submittedToken(request);
    const cookie = request.cookies[CSRF_COOKIE] ?? '';
    if (!cookie || !sent || !same(sent, cookie)) {
      throw forbidden('安全校验未通过（CSRF 令牌缺失或不匹配），请刷新页面后重试');
    }
  });
}
