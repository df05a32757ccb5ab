// The snippet texts kept per process: made once, never stale after an edit.
import { describe, expect, it } from 'vitest';
import { snippet } from '../../domain/search-text.js';
import { snippetTextOf } from './snippet-texts.js';

describe('snippetTextOf', () => {
  it('makes a text once, normalized for finding the words, and shows it as written', () => {
    const html = '<p>衢州市人民政府辦公室關於印發《衢州市政務公開工作要點》的通知</p>';
    const first = snippetTextOf(html, '摘要');
    expect(snippetTextOf(html, '摘要')).toBe(first);
    expect(first.normalized).toContain('政务公开');
    const marked = snippet(first, ['政务公开']).filter((p) => p.hit).map((p) => p.text);
    expect(marked).toEqual(['政務公開']);
  });

  it('gives an edited document its new text', () => {
    const before = snippetTextOf('<p>旧的正文</p>');
    const after = snippetTextOf('<p>新的正文</p>');
    expect(before.plain).toBe('旧的正文');
    expect(after.plain).toBe('新的正文');
    expect(snippetTextOf('<p>旧的正文</p>', '摘要').plain).toBe('摘要 旧的正文');
  });
});
