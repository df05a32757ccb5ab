import { describe, expect, it } from 'vitest';
import { bodyHtml, looksLikeHtml, textToHtml } from './plain-text.js';

describe('plain text as document HTML', () => {
  it('makes a paragraph of each non-empty line, escaping markup characters', () => {
    expect(textToHtml('第一条 总则\r\n\r\n  第二条 a<b & c>d  \n')).toBe('<p>第一条 总则</p><p>第二条 a&lt;b &amp; c&gt;d</p>');
    expect(textToHtml('')).toBe('');
  });

  it('tells HTML from plain text that merely mentions angle brackets', () => {
    expect(looksLikeHtml('<p>正文</p>')).toBe(true);
    expect(looksLikeHtml('第一行<br/>第二行')).toBe(true);
    expect(looksLikeHtml('人数 < 50 且 > 10')).toBe(false);
    expect(looksLikeHtml('《示例县办法》')).toBe(false);
  });

  it('keeps HTML and converts text', () => {
    expect(bodyHtml('<h2>一、背景</h2>')).toBe('<h2>一、背景</h2>');
    expect(bodyHtml('一、背景\n二、内容')).toBe('<p>一、背景</p><p>二、内容</p>');
  });
});
