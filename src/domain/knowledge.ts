// Rules of the knowledge base (政务知识库, 一网可答): how a question's variants are kept, and when
// an entry may be published, changed or withdrawn. Pure: the use cases in
// src/features/knowledge/entries.ts ask here.
/** As KNOWLEDGE_STATUSES in src/features/knowledge/schema.ts. */
export type KnowledgeStatus = 'draft' | 'published' | 'archived';

export const KNOWLEDGE_STATUS_LABELS: Record<KnowledgeStatus, string> = { draft: '草稿', published: '已发布', archived: '已下线' };

/** Most variants an entry keeps; more is a sign of a list pasted by mistake. */
export const MAX_VARIANTS = 20;

/**
 * Variants as stored: one per line, trimmed, inner runs of spaces collapsed, empty lines, repeats
 * and the question itself left out, in the order typed.
 */
export function normalizeVariants(text: string, question: string): string {
  const q = question.trim();
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const v = line.replace(/\s+/g, ' ').trim();
    if (!v || v === q || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out.join('\n');
}

export const variantList = (stored: string): string[] => (stored ? stored.split('\n') : []);

/** Why the entry cannot be published now, or null. Every answer shows where it comes from. */
export function publishProblem(status: KnowledgeStatus, publicSources: number): string | null {
  if (status === 'published') return '该问答已发布';
  if (publicSources === 0) return '发布前请至少关联一件已发布的政策文件作为答复依据';
  return null;
}

/** Why the entry cannot be taken off the portal, or null. */
export function archiveProblem(status: KnowledgeStatus): string | null {
  if (status === 'draft') return '草稿尚未发布，无需下线';
  if (status === 'archived') return '该问答已下线';
  return null;
}

/** Why a source cannot be removed, or null: a published answer keeps at least one. */
export function removeSourceProblem(status: KnowledgeStatus, sourcesLeft: number): string | null {
  return status === 'published' && sourcesLeft === 0 ? '已发布的问答至少要保留一件答复依据；如需更换，请先关联新的依据' : null;
}

/** The text of an answer without markup, to tell an empty rich-text answer (<p></p>) from a real one. */
export function answerIsEmpty(html: string): boolean {
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;|\s/g, '') === '';
}
