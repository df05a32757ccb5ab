import { describe, expect, it } from 'vitest';
import { answerIsEmpty, archiveProblem, normalizeVariants, publishProblem, removeSourceProblem, variantList } from './knowledge.js';

describe('normalizeVariants', () => {
  it('keeps one trimmed variant per line, without blanks, repeats or the question itself', () => {
    const text = '  政府信息公开怎么申请 \r\n\n申请信息公开的流程\n怎么申请政府信息公开\n申请信息公开的流程\n去哪里  申请公开\r去哪里申请';
    expect(normalizeVariants(text, '怎么申请政府信息公开')).toBe('政府信息公开怎么申请\n申请信息公开的流程\n去哪里 申请公开\n去哪里申请');
  });
  it('gives an empty string for nothing, and variantList reads it back', () => {
    expect(normalizeVariants(' \n \n', 'q')).toBe('');
    expect(variantList('')).toEqual([]);
    expect(variantList('a\nb')).toEqual(['a', 'b']);
  });
});

describe('publishing and withdrawing', () => {
  it('needs a source to publish, and not twice', () => {
    expect(publishProblem('draft', 0)).toMatch('至少关联一件已发布的政策文件');
    expect(publishProblem('draft', 1)).toBeNull();
    expect(publishProblem('archived', 2)).toBeNull();
    expect(publishProblem('published', 2)).toBe('该问答已发布');
  });
  it('archives only what is published', () => {
    expect(archiveProblem('published')).toBeNull();
    expect(archiveProblem('draft')).toMatch('草稿');
    expect(archiveProblem('archived')).toMatch('已下线');
  });
  it('keeps the last source of a published answer', () => {
    expect(removeSourceProblem('published', 0)).toMatch('至少要保留一件');
    expect(removeSourceProblem('published', 1)).toBeNull();
    expect(removeSourceProblem('draft', 0)).toBeNull();
  });
  it('tells an empty rich-text answer', () => {
    expect(answerIsEmpty('<p></p><p>&nbsp; </p>')).toBe(true);
    expect(answerIsEmpty('<p>可以。</p>')).toBe(false);
  });
});
