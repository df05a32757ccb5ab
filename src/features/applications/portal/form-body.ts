// Plain HTML forms post application/x-www-form-urlencoded, or multipart/form-data when they carry
// files. The API takes JSON only, so these parsers are added to the application pages alone
// (Fastify keeps content-type parsers per plugin). Both give the same shape, with `_csrf` on top,
// where the CSRF check (src/http/csrf.ts, a preValidation hook) reads it. That is why multipart is
// read here, whole, as the body — @fastify/multipart would hand the parts to the handler, after the
// CSRF check has already refused the request for want of a token. The size is bounded by the
// route's bodyLimit before anything is parsed.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, invalid } from '../../../errors.js';

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

export interface PostedForm {
  _csrf: string;
  fields: Map<string, string[]>;
  files: Upload[];
}

function formOf(entries: Iterable<[string, string]>, files: Upload[] = []): PostedForm {
  const fields = new Map<string, string[]>();
  for (const [name, value] of entries) fields.set(name, [...(fields.get(name) ?? []), value]);
  return { _csrf: fields.get('_csrf')?.[0] ?? '', fields, files };
}

async function parseMultipart(body: Buffer, contentType: string): Promise<PostedForm> {
  let data: FormData;
  try {
    data = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw invalid('表单内容不完整，请返回后重新提交');
  }
  const texts: [string, string][] = [];
  const files: Upload[] = [];
  for (const [name, value] of data) {
    if (typeof value === 'string') texts.push([name, value]);
    // A file input left empty arrives as a nameless, empty part.
    else if (value.size > 0 || value.name) files.push({ fileName: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return formOf(texts, files);
}

/** Lets the routes of this plugin read plain HTML form posts. */
export function acceptHtmlForms(app: FastifyInstance): void {
  app.removeContentTypeParser('multipart/form-data');
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, async (request: FastifyRequest, body: Buffer) =>
    parseMultipart(body, String(request.headers['content-type'])),
  );
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, async (_request: FastifyRequest, body: string) => formOf(new URLSearchParams(body)));
}

export const text = (form: PostedForm, name: string): string => form.fields.get(name)?.[0] ?? '';
export const texts = (form: PostedForm, name: string): string[] => form.fields.get(name) ?? [];

/** A form of text alone, urlencoded: far below this even with every field full of Chinese. */
export const FORM_BODY_LIMIT = 64 * 1024;

/** A route's rate limit answered with a 429 and a message in Chinese that says what to do. */
export const tooMany = (message: string) => ({ errorResponseBuilder: () => new AppError(429, 'too_many_requests', message) });
