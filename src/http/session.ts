// Attaches the acting user (from the session cookie) and the client IP to every request as an
// ActionContext, which routes hand to the use cases.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActionContext } from '../context.js';
import type { Db } from '../db/client.js';
import { unauthorized } from '../errors.js';
import { resolveSession } from '../features/orgs/sessions.js';

export const SESSION_COOKIE = 'gk_session';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: ActionContext;
    sessionToken: string;
  }
}

export function installSessions(app: FastifyInstance, db: Db, ttlMinutes: number): void {
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('sessionToken', '');
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE] ?? '';
    request.sessionToken = token;
    // Static files of the workbench need no session lookup.
    const actor = token && !request.url.startsWith('/workbench/assets/') ? await resolveSession(db, token, ttlMinutes) : null;
    request.ctx = { actor, ip: request.ip };
  });
}

/**
 * A browser-session cookie: the server alone decides when a session ends (sliding idle expiry in
 * the sessions table), so the cookie carries no expiry date of its own.
 */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** For routes only staff may use: the public gets a 401 before any work is done. */
export async function requireSignedIn(request: FastifyRequest): Promise<void> {
  if (!request.ctx.actor) throw unauthorized('请先登录工作台');
}
