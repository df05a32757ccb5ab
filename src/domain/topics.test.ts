import { describe, expect, it } from 'vitest';
import { findTopic, TOPICS, topicTree } from './topics.js';

describe('主题分类', () => {
  it('has unique codes and paths, every child under an existing parent', () => {
    expect(new Set(TOPICS.map((t) => t.code)).size).toBe(TOPICS.length);
    expect(new Set(TOPICS.map((t) => t.path)).size).toBe(TOPICS.length);
    const codes = new Set(TOPICS.map((t) => t.code));
    for (const t of TOPICS) if (t.parent) expect(codes.has(t.parent)).toBe(true);
  });

  it('finds a topic by code or by path with either separator', () => {
    const t = findTopic('综合政务\\政务公开')!;
    expect(t.name).toBe('政务公开');
    expect(findTopic(t.code)).toBe(t);
    expect(findTopic('综合政务/政务公开')).toBe(t);
    expect(findTopic('科技、教育 / 教育')?.path).toBe('科技、教育\\教育');
    expect(findTopic('不存在')).toBeUndefined();
  });

  it('builds the two-level tree', () => {
    const tree = topicTree();
    expect(tree.length).toBe(TOPICS.filter((t) => !t.parent).length);
    expect(tree.find((n) => n.name === '城乡建设、环境保护')?.children.map((c) => c.name)).toContain('城乡建设（含住房）');
  });
});
