// The portal search page (issue #4 items 2–4): one box for everything published, the best answer of
// the knowledge base on top (一网可答) with the policies it rests on, results with marked snippets,
// facets as plain links with counts, and suggestions when nothing matches. No JavaScript needed.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { chinaDate, formatChineseDate } from '../../domain/dates.js';
import type { SnippetPart } from '../../domain/search-text.js';
import { VALIDITY_LABELS, type Validity } from '../../domain/validity.js';
import { Layout, renderPage } from '../../portal/layout.js';
import { pageContext } from '../../portal/page-context.js';
import { Pager } from '../documents/pages.js';
import { search, SEARCH_MAX_PAGE, type SearchQuery, type SearchResult } from './query.js';
import { topicName } from './routes.js';
import { SEARCH_KIND_LABELS, SEARCH_KINDS } from './schema.js';

export const SEARCH_PATH = '/zfxxgk/search';


function Marked({ parts }: { parts: SnippetPart[] }) {
  return <>{parts.map((p) => (p.hit ? <mark>{p.text}</mark> : p.text))}</>;
}

const FACETS: { name: keyof SearchResult['facets']; label: string }[] = [
  { name: 'kind', label: '内容类别' },
  { name: 'validity', label: '有效性' },
  { name: 'docType', label: '文件类型' },
  { name: 'org', label: '发布机构' },
  { name: 'year', label: '成文年份' },
  { name: 'topic', label: '主题分类' },
];

const pages: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;

  app.get(
    SEARCH_PATH,
    {
      schema: {
        hide: true,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          kind: Type.Optional(Type.String({ maxLength: 20 })),
          org: Type.Optional(Type.String({ maxLength: 40 })),
          year: Type.Optional(Type.String({ maxLength: 4 })),
          docType: Type.Optional(Type.String({ maxLength: 20 })),
          topic: Type.Optional(Type.String({ maxLength: 10 })),
          validity: Type.Optional(Type.String({ maxLength: 20 })),
          page: Type.Optional(Type.String({ maxLength: 6 })),
        }),
      },
    },
    async (request, reply) => {
      const raw = request.query;
      const q = (raw.q ?? '').trim();
      // Filter values from links may be stale or hand-edited: unknown ones are ignored, not errors.
      const query: SearchQuery = {
        q,
        kind: SEARCH_KINDS.find((k) => k === raw.kind),
        org: raw.org || undefined,
        year: /^\d{4}$/.test(raw.year ?? '') ? Number(raw.year) : undefined,
        docType: ['normative', 'regulation', 'policy', 'general'].find((t) => t === raw.docType),
        topic: /^\d{2}(\.\d{2})?$/.test(raw.topic ?? '') ? raw.topic : undefined,
        validity: (Object.keys(VALIDITY_LABELS) as Validity[]).find((v) => v === raw.validity),
        page: /^\d+$/.test(raw.page ?? '') ? Math.min(SEARCH_MAX_PAGE, Math.max(1, Number(raw.page))) : 1,
      };
      const [page, result] = await Promise.all([pageContext(request), q ? search(db, query, topicName) : Promise.resolve(null)]);
      const link = (change: Record<string, string | number | undefined>) => {
        const params = new URLSearchParams();
        for (const [k, v] of Object.entries({ ...raw, page: undefined, ...change })) if (v !== undefined && v !== '') params.set(k, String(v));
        return `${SEARCH_PATH}?${params}`;
      };
      const pages = result ? Math.min(SEARCH_MAX_PAGE, Math.max(1, Math.ceil(result.total / result.pageSize))) : 1;
      const filtered = FACETS.some((f) => raw[f.name]);
      return reply.type('text/html; charset=utf-8').send(
        renderPage(
          <Layout page={page} title={q ? `搜索：${q}` : '搜索'} breadcrumbs={[{ href: '/', label: '政府信息公开' }]}>
            <h1>搜索政府信息</h1>
            <form class="search-box" method="get" action={SEARCH_PATH} role="search" aria-label="搜索政府信息">
              <label for="search-q">搜索词或问题</label>
              <input id="search-q" type="search" name="q" value={q} maxLength={100} placeholder="如：义务教育招生、乐政办发〔2021〕19号、怎么申请政府信息公开" />
              <button type="submit">搜索</button>
            </form>
            {!result ? (
              <p>可输入文件标题中的词语、发文字号（各种括号写法均可）或一个问题；繁体、简体均可。</p>
            ) : (
              <>
                {result.answer ? (
                  <section class="answer" aria-labelledby="answer-title">
                    <h2 id="answer-title">
                      问答：<a href={result.answer.url}>{result.answer.question}</a>
                    </h2>
                    <div class="doc-body" dangerouslySetInnerHTML={{ __html: result.answer.answerHtml }} />
                    {result.answer.sources.length ? (
                      <>
                        <h3>依据</h3>
                        <ul class="answer-sources">
                          {result.answer.sources.map((s) => (
                            <li>
                              <a href={s.url}>{s.title}</a>
                              {s.docNumber ? `（${s.docNumber}）` : ''} {s.orgName}
                              {s.note ? ` ${s.note}` : ''}
                              {s.passage.some((p) => p.hit) ? (
                                <p class="snippet">
                                  <Marked parts={s.passage} />
                                </p>
                              ) : null}
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                  </section>
                ) : null}
                <div class="search-layout">
                  <aside class="facets" aria-label="筛选">
                    {FACETS.map((f) =>
                      result.facets[f.name].length ? (
                        <section>
                          <h2>{f.label}</h2>
                          <ul>
                            {raw[f.name] ? (
                              <li>
                                <a href={link({ [f.name]: undefined })}>不限</a>
                              </li>
                            ) : null}
                            {result.facets[f.name].map((v) => (
                              <li>
                                {raw[f.name] === v.value ? (
                                  <strong aria-current="true">
                                    {v.label}（{result.estimated ? '约' : ''}{v.count}）
                                  </strong>
                                ) : (
                                  <a href={link({ [f.name]: v.value })}>
                                    {v.label}（{result.estimated ? '约' : ''}{v.count}）
                                  </a>
                                )}
                              </li>
                            ))}
                          </ul>
                        </section>
                      ) : null,
                    )}
                  </aside>
                  <div class="search-results">
                    <p class="count" aria-live="polite">
                      找到{result.estimated ? '约 ' : ' '}{result.total} 条结果{result.relaxed ? '（没有同时包含全部搜索词的内容，以下结果包含其中部分词语）' : ''}
                      {result.total > SEARCH_MAX_PAGE * result.pageSize ? `，列出最相关的前 ${SEARCH_MAX_PAGE * result.pageSize} 条；可用筛选条件或更多词语缩小范围` : ''}
                    </p>
                    {result.items.length ? (
                      <ol class="doc-list">
                        {result.items.map((item) => (
                          <li>
                            <a href={item.url}>{item.title}</a>
                            <p class="snippet">
                              <Marked parts={item.snippet} />
                            </p>
                            <p class="meta">
                              <span>{SEARCH_KIND_LABELS[item.kind]}</span>
                              <span>{item.orgName}</span>
                              {item.docNumber ? <span>{item.docNumber}</span> : null}
                              <span>{formatChineseDate(chinaDate(item.publishedAt))}</span>
                              {item.validity ? <span class={`validity validity-${item.validity}`}>{VALIDITY_LABELS[item.validity]}</span> : null}
                            </p>
                          </li>
                        ))}
                      </ol>
                    ) : (
                      <div class="no-results">
                        <p>没有找到与“{q}”相符的内容。</p>
                        <ul>
                          {result.suggestions.map((s) => (
                            <li>
                              试试只搜 <a href={`${SEARCH_PATH}?${new URLSearchParams({ q: s })}`}>{s}</a>
                            </li>
                          ))}
                          {filtered ? (
                            <li>
                              <a href={`${SEARCH_PATH}?${new URLSearchParams({ q })}`}>去掉筛选条件再搜</a>
                            </li>
                          ) : null}
                          <li>换用更短或更常用的词语，或检查是否有错别字</li>
                          <li>
                            到<a href="/zfxxgk/zcwjk">政策文件库</a>按机构、年份和类别查找，或<a href="/zfxxgk/guide#apply">申请政府信息公开</a>
                          </li>
                        </ul>
                      </div>
                    )}
                    <Pager page={result.page} pages={pages} link={(p) => link({ page: p })} />
                  </div>
                </div>
              </>
            )}
          </Layout>,
        ),
      );
    },
  );
};

export default pages;
