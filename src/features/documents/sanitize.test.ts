// What the workbench editor produces survives sanitizing; what an attacker adds does not.
import { describe, expect, it } from 'vitest';
import { sanitizeBody } from './sanitize.js';

describe('sanitizeBody', () => {
  it('keeps the editor markup: aligned paragraphs and headings, tables, links, emphasis', () => {
    const html =
      '<h2 style="text-align: center">关于做好秋季学期资助工作的通知</h2><p style="text-indent: 2em">各学校：</p><p style="text-align: right">示例县教育局</p>' +
      '<table style="min-width: 75px"><colgroup><col style="min-width: 25px"></colgroup><tbody><tr><th colspan="1" rowspan="1"><p>项目</p></th><td colspan="1" rowspan="1"><p><strong>标准</strong></p></td></tr></tbody></table>' +
      '<p>详见<a target="_blank" rel="noopener noreferrer nofollow" href="/zfxxgk/wj/12">通知</a><u>下划线</u></p>';
    expect(sanitizeBody(html)).toBe(
      '<h2 style="text-align:center">关于做好秋季学期资助工作的通知</h2><p style="text-indent:2em">各学校：</p><p style="text-align:right">示例县教育局</p>' +
        '<table><tbody><tr><th colspan="1" rowspan="1"><p>项目</p></th><td colspan="1" rowspan="1"><p><strong>标准</strong></p></td></tr></tbody></table>' +
        '<p>详见<a href="/zfxxgk/wj/12">通知</a><u>下划线</u></p>',
    );
  });

  it('drops scripts, handlers, frames, javascript: links and foreign styles', () => {
    const html = '<p onclick="x()" style="color:red;text-align:left">甲</p><script>alert(1)</script><iframe src="https://evil.example"></iframe><a href="javascript:alert(1)">乙</a><h3 style="position:fixed">丙</h3><img src=x onerror=alert(1)>';
    expect(sanitizeBody(html)).toBe('<p style="text-align:left">甲</p><a>乙</a><h3>丙</h3>');
  });
});
