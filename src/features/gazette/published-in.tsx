// 刊登于: the line on a document's page naming the published gazette issues that carry it.
import { issueLabel } from '../../domain/gazette.js';
import { issueHref } from './links.js';
import type { issuesOfDocument } from './queries.js';

export function PublishedIn({ issues }: { issues: Awaited<ReturnType<typeof issuesOfDocument>> }) {
  if (!issues.length) return null;
  return (
    <p class="doc-gazette">
      刊登于：
      {issues.map((i, n) => (
        <>
          {n ? '、' : ''}
          <a href={issueHref(i.id)}>《政府公报》{issueLabel({ ...i, totalNo: null })}</a>
        </>
      ))}
    </p>
  );
}
