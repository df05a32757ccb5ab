// The HTML page for an error on the portal. It must not touch the database: it also reports
// failures of the database itself.
import type { FastifyRequest } from 'fastify';
import { Layout, renderPage } from './layout.js';
import { ELDER_COOKIE } from './page-context.js';

const TITLES: Record<number, string> = { 400: '请求有误', 403: '无权访问', 404: '页面不存在', 413: '内容过大', 429: '访问过于频繁' };

export function renderErrorPage(request: FastifyRequest, status: number, message: string): string {
  const title = TITLES[status] ?? '服务暂时不可用';
  const page = {
    siteName: '政府信息公开',
    site: request.server.deps.config.site,
    elder: request.cookies?.[ELDER_COOKIE] === '1',
    path: request.url.split('?')[0],
  };
  return renderPage(
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <p class="error-box" role="alert">
        {message}
      </p>
      <p>
        <a href="/">返回首页</a>
      </p>
    </Layout>,
  );
}
