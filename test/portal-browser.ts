// A browser for the portal's plain HTML forms in tests (no JavaScript, as the forms work): its own
// cookies, HTML accepted, forms posted urlencoded or multipart as a browser posts them, and the human
// check answered from the question on the page as a person would.
import type { LightMyRequestResponse } from 'fastify';
import { readAnswer } from '../src/portal/human-check.js';
import type { TestApp } from './app.js';

/** A browser: its own cookies, HTML accepted, forms posted as a browser posts them. */
export function portalBrowser(t: TestApp) {
  const cookies = new Map<string, string>();
  const remember = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) cookies.set(c.name, c.value);
    return res;
  };
  const headers = () => ({ accept: 'text/html,application/xhtml+xml', cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') });
  return {
    cookies,
    async get(url: string) {
      return remember(await t.app.inject({ method: 'GET', url, headers: headers() }));
    },
    async post(url: string, fields: [string, string][], files: { fileName: string; bytes: Buffer }[] = []) {
      if (!files.length) {
        const payload = new URLSearchParams(fields).toString();
        return remember(await t.app.inject({ method: 'POST', url, headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' }, payload }));
      }
      const data = new FormData();
      for (const [k, v] of fields) data.append(k, v);
      for (const f of files) data.append('attachments', new Blob([new Uint8Array(f.bytes)]), f.fileName);
      const request = new Request('http://localhost/', { method: 'POST', body: data });
      const payload = Buffer.from(await request.arrayBuffer());
      return remember(await t.app.inject({ method: 'POST', url, headers: { ...headers(), 'content-type': request.headers.get('content-type')! }, payload }));
    },
  };
}

export const hidden = (html: string, name: string) => new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

/** What a person does with the question on the page: reads it and adds the two numbers. */
export function solve(html: string): string {
  const question = /<label for="f-answer">([^<]*)等于几？/.exec(html)?.[1];
  if (!question) throw new Error('no human check on the page');
  const [a, b] = question.split('加').map(readAnswer);
  return String(a! + b!);
}

/** The page's tokens and the answer to its question. */
export const pageFields = (html: string, answer = solve(html)): [string, string][] => [
  ['_csrf', hidden(html, '_csrf')],
  ['challenge', hidden(html, 'challenge')],
  ['answer', answer],
  ['homepage', ''],
];

