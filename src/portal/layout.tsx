// The portal's page shell: government name, navigation, footer with the site's registration numbers,
// a skip link, and the large-font 长者模式. Server-rendered; no JavaScript needed.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { SiteConfig } from '../config.js';
import type { Organization } from '../features/orgs/schema.js';
import { APPLY } from './links.js';

export interface PageContext {
  /** The government the portal belongs to. */
  siteName: string;
  /** Its record (office, address…), when the database has one; pages reuse it instead of querying again. */
  root?: Organization;
  site: SiteConfig;
  elder: boolean;
  /** The path being shown, to mark the current navigation item and return from the mode toggle. */
  path: string;
}

export interface NavItem {
  href: string;
  label: string;
}

export const NAV: NavItem[] = [
  { href: '/', label: '政府信息公开' },
  { href: '/zfxxgk/zcwjk', label: '政策文件库' },
  { href: '/zfxxgk/ml', label: '公开目录' },
  { href: '/zfxxgk/guide', label: '公开指南' },
  { href: APPLY, label: '依申请公开' },
  { href: '/zfxxgk/orgs', label: '部门和乡镇' },
  { href: '/tools/working-days', label: '工作日计算' },
];

function isCurrent(item: NavItem, path: string): boolean {
  return item.href === '/' ? path === '/' : path.startsWith(item.href);
}

export function Layout(props: { page: PageContext; title: string; children: ComponentChildren; breadcrumbs?: NavItem[] }) {
  const { page } = props;
  const { site } = page;
  const toggle = `/elder-mode?on=${page.elder ? '0' : '1'}&back=${encodeURIComponent(page.path)}`;
  return (
    <html lang="zh-CN" class={page.elder ? 'elder' : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${page.siteName}`}</title>
        {site.siteCode ? <meta name="SiteIDCode" content={site.siteCode} /> : null}
        <link rel="stylesheet" href="/static/portal.css" />
        <link rel="alternate" type="application/atom+xml" title="政府信息公开" href="/zfxxgk/feed.atom" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="site-name" href="/">
              {page.siteName}
            </a>
            <form class="site-search" method="get" action="/zfxxgk/search" role="search" aria-label="全站搜索">
              <label class="visually-hidden" for="site-q">
                搜索本站
              </label>
              <input id="site-q" type="search" name="q" maxLength={100} placeholder="搜索政策、文号或问题" />
              <button type="submit">搜索</button>
            </form>
            <a class="mode-toggle" href={toggle}>
              {page.elder ? '退出长者模式' : '长者模式'}
            </a>
          </div>
          <nav class="site-nav" aria-label="主导航">
            <ul class="wrap">
              {NAV.map((item) => (
                <li>
                  <a href={item.href} aria-current={isCurrent(item, page.path) ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {props.breadcrumbs?.length ? (
          <nav class="wrap breadcrumbs" aria-label="当前位置">
            <ol>
              {props.breadcrumbs.map((b) => (
                <li>
                  <a href={b.href}>{b.label}</a>
                </li>
              ))}
              <li aria-current="page">{props.title}</li>
            </ol>
          </nav>
        ) : null}
        <main id="main" class="wrap" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>主办：{page.siteName}</p>
            <p>
              {site.siteCode ? <span>网站标识码：{site.siteCode}</span> : null}
              {site.icpNumber ? (
                <a href="https://beian.miit.gov.cn/" rel="noopener">
                  {site.icpNumber}
                </a>
              ) : null}
              {site.psbNumber ? (
                <a href="https://beian.mps.gov.cn/" rel="noopener">
                  {site.psbNumber}
                </a>
              ) : null}
            </p>
            <p>
              <a href="/workbench/">工作人员入口</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function renderPage(node: preact.VNode): string {
  return `<!DOCTYPE html>${renderToString(node)}`;
}
