// Every failure leaves the server as a 4xx/5xx with a Chinese message: JSON for the API,
// an HTML page for the portal.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { describeValidationError } from './validation.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Renders an error for a person reading HTML; set by the portal so this file stays independent of it. */
export type HtmlErrorRenderer = (request: FastifyRequest, status: number, message: string) => string;

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || !(request.headers.accept ?? '').includes('text/html');
}

export function toErrorBody(err: FastifyError | AppError | Error, bodyLimit: number): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message, details: err.details } } };
  }
  const fe = err as FastifyError;
  if (fe.validation) {
    const part = fe.validationContext ?? 'body';
    const messages = fe.validation.map((v) => describeValidationError(v as never, part));
    return { status: 400, body: { error: { code: 'invalid', message: messages.join('；'), details: messages } } };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        body: { error: { code: 'too_large', message: `请求内容过大，上限为 ${Math.round(bodyLimit / 1024)} KB` } },
      };
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, body: { error: { code: 'too_large', message: '上传的文件过大' } } };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, body: { error: { code: 'unsupported_media_type', message: '请以 multipart/form-data 上传文件' } } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { error: { code: 'unsupported_media_type', message: '不支持的内容类型，请以 JSON 提交' } } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { error: { code: 'invalid', message: '请求内容为空，应为 JSON 对象' } } };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: { error: { code: 'invalid_json', message: '请求内容不是有效的 JSON' } } };
  }
  if (fe.statusCode === 429) {
    return { status: 429, body: { error: { code: 'too_many_requests', message: '请求过于频繁，请稍后再试' } } };
  }
  if (err instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return { status: 400, body: { error: { code: 'invalid_json', message: '请求内容不是有效的 JSON' } } };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { error: { code: 'bad_request', message: '请求无效' } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: '服务器内部错误，请稍后再试' } } };
}

export function installErrorHandling(app: FastifyInstance, bodyLimit: number, renderHtml: HtmlErrorRenderer): void {
  const send = (request: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody) => {
    if (wantsJson(request)) return reply.status(status).type('application/json; charset=utf-8').send(body);
    return reply.status(status).type('text/html; charset=utf-8').send(renderHtml(request, status, body.error.message));
  };

  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toErrorBody(err as FastifyError, bodyLimit);
    if (status >= 500) request.log.error({ err }, 'request failed');
    return send(request, reply, status, body);
  });

  app.setNotFoundHandler((request, reply) =>
    send(request, reply, 404, { error: { code: 'not_found', message: '找不到您要访问的页面或接口' } }),
  );
}
