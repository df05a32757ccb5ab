// 公开征求意见: the line on a final document's page in the library naming the consultation held on its
// draft and, once published, its adoption report (issue #7 item 5: the loop closed in both directions).
import { formatChineseDate } from '../../domain/dates.js';
import { consultationHref } from '../../portal/links.js';
import type { consultationsOfDocument } from './public.js';

export function ConsultedOn({ consultations }: { consultations: Awaited<ReturnType<typeof consultationsOfDocument>> }) {
  if (!consultations.length) return null;
  return (
    <p class="doc-consultation">
      公开征求意见：
      {consultations.map((c, n) => (
        <>
          {n ? '；' : ''}
          <a href={consultationHref(c.id)}>《{c.title}》</a>（{formatChineseDate(c.endsOn)}截止）
          {c.reported ? (
            <>
              ，<a href={`${consultationHref(c.id)}#report`}>意见采纳情况</a>
            </>
          ) : (
            '，意见采纳情况待公布'
          )}
        </>
      ))}
    </p>
  );
}
