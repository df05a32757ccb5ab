import { describe, expect, it } from 'vitest';
import { bodyLinks, classifyLink, extractHrefs, linkAnswers, linkFindings, type LinkCheckResult } from './links.js';

const SITE = ['https://www.example.gov.cn'];

describe('extractHrefs', () => {
  it('finds each href once, in order, with entities decoded', () => {
    const html = `<p>见<a href="/zfxxgk/wj/12">通知</a>和<a title="x" href='https://a.example/p?x=1&amp;y=2'>附件</a>，再见<a href="/zfxxgk/wj/12">通知</a><a name="top">锚</a><a href=https://b.example/>b</a></p>`;
    expect(extractHrefs(html)).toEqual(['/zfxxgk/wj/12', 'https://a.example/p?x=1&y=2', 'https://b.example/']);
  });
  it('finds nothing in plain text that looks like a link', () => {
    expect(extractHrefs('<p>访问 https://www.gov.cn 了解详情</p>')).toEqual([]);
  });
});

describe('classifyLink', () => {
  it.each([
    ['/zfxxgk/wj/5', { kind: 'document', documentId: 5 }],
    ['/zfxxgk/wj/5/files/3', { kind: 'document', documentId: 5 }],
    ['/zfxxgk/wj/5#p2', { kind: 'document', documentId: 5 }],
    ['https://www.example.gov.cn/zfxxgk/wj/77', { kind: 'document', documentId: 77 }],
    ['/zfxxgk/wj/5abc', { kind: 'internal' }],
    ['/zfxxgk/zcwjk?docType=normative', { kind: 'internal' }],
    ['https://www.example.gov.cn/zfxxgk/guide', { kind: 'internal' }],
    ['http://www.gov.cn/zhengce/', { kind: 'external', url: 'http://www.gov.cn/zhengce/' }],
    ['//cdn.example/x', { kind: 'invalid' }],
    ['zfxxgk/wj/5', { kind: 'invalid' }],
    ['www.gov.cn', { kind: 'invalid' }],
    ['https://', { kind: 'invalid' }],
  ])('%s', (href, expected) => {
    expect(classifyLink(href, SITE)).toMatchObject(expected);
  });
  it('ignores mail links and fragments of the same page', () => {
    expect(classifyLink('mailto:gk@example.gov.cn')).toBeNull();
    expect(classifyLink('#section-2')).toBeNull();
  });
});

describe('linkFindings', () => {
  const checked = (ok: boolean, status: number | null, error = ''): LinkCheckResult => ({ ok, status, error, checkedOn: '2026-11-20' });
  const html = '<p><a href="/zfxxgk/wj/1">甲</a><a href="/zfxxgk/wj/2">乙</a><a href="https://gone.example/a">丙</a><a href="https://up.example/">丁</a><a href="https://new.example/">戊</a><a href="www.x.cn">己</a></p>';

  it('blocks links to documents that are not public and warns of dead or malformed external links', () => {
    const results = new Map([
      ['https://gone.example/a', checked(false, 404)],
      ['https://up.example/', checked(true, 200)],
    ]);
    const findings = linkFindings(bodyLinks(html), new Set([1]), results);
    expect(findings.map((f) => [f.severity, f.excerpt])).toEqual([
      ['block', '/zfxxgk/wj/2'],
      ['warn', 'https://gone.example/a'],
      ['warn', 'www.x.cn'],
    ]);
    expect(findings[1].message).toBe('正文链接无法访问（返回 HTTP 404，2026年11月20日检查）：https://gone.example/a');
  });

  it('names the network error when the server never answered', () => {
    const findings = linkFindings(bodyLinks('<a href="https://down.example/">x</a>'), new Set(), new Map([['https://down.example/', checked(false, null, '连接超时')]]));
    expect(findings[0].message).toContain('连接超时');
  });

  it('says nothing of links not checked yet or that answered', () => {
    expect(linkFindings(bodyLinks('<a href="https://new.example/">x</a><a href="/zfxxgk/guide">y</a>'), new Set(), new Map())).toEqual([]);
  });
});

describe('linkAnswers', () => {
  it('counts 2xx and 3xx as answering', () => {
    expect([200, 204, 301, 304, 399, 400, 404, 410, 500, 503].map(linkAnswers)).toEqual([true, true, true, true, true, false, false, false, false, false]);
  });
});
