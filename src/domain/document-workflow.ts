// The life of a document from draft to publication (issue #3): who may move it where.
//
//   draft ──submit──▶ submitted ──approve──▶ reviewed ──secrecy_approve──▶ approved ──publish──▶ published
//     ▲                   │ return               │ return                     │ schedule           │ withdraw
//     └───────────────────┴──────────────────────┴─────────────◀──────────────┤                    ▼
//                                                                          scheduled ──(time)──▶ published   withdrawn
//
// A published document keeps its public version while a revision of it goes through the same steps
// again (the working copy is back in draft); publishing the revision makes a new public version.
import type { Role } from './policy.js';

export const DOCUMENT_STATUSES = ['draft', 'submitted', 'reviewed', 'approved', 'scheduled', 'published', 'withdrawn'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  reviewed: '待保密审查',
  approved: '待发布',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
};

export const DOCUMENT_TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted', roles: ['editor'], label: '提交审核' },
  approve: { from: ['submitted'], to: 'reviewed', roles: ['reviewer'], label: '审核通过' },
  secrecy_approve: { from: ['reviewed'], to: 'approved', roles: ['secrecy_reviewer'], label: '保密审查通过' },
  return: { from: ['submitted', 'reviewed', 'approved', 'scheduled'], to: 'draft', roles: ['reviewer', 'secrecy_reviewer'], label: '退回修改' },
  publish: { from: ['approved', 'scheduled'], to: 'published', roles: ['reviewer', 'office_head'], label: '发布' },
  schedule: { from: ['approved'], to: 'scheduled', roles: ['reviewer', 'office_head'], label: '定时发布' },
  withdraw: { from: ['published'], to: 'withdrawn', roles: ['reviewer', 'office_head'], label: '撤回' },
} as const satisfies Record<string, { from: readonly DocumentStatus[]; to: DocumentStatus; roles: readonly Role[]; label: string }>;

export type DocumentTransition = keyof typeof DOCUMENT_TRANSITIONS;

/** Transitions that need a written reason (the record keeps why). */
export const NEEDS_REASON: ReadonlySet<DocumentTransition> = new Set(['return', 'withdraw']);

/** Null when the transition is allowed from this status, otherwise why not (Chinese). */
export function transitionProblem(status: DocumentStatus, transition: DocumentTransition): string | null {
  const t = DOCUMENT_TRANSITIONS[transition];
  if ((t.from as readonly DocumentStatus[]).includes(status)) return null;
  return `“${STATUS_LABELS[status]}”状态的文件不能${t.label}`;
}

/** The working copy may be edited only while it is a draft (a published document is revised: see reviseProblem). */
export function editProblem(status: DocumentStatus): string | null {
  return status === 'draft' ? null : `“${STATUS_LABELS[status]}”状态的文件不能直接修改，请先退回或发起修订`;
}

/** Revising starts a new working copy of a published (or withdrawn) document; its public version stays. */
export function reviseProblem(status: DocumentStatus): string | null {
  return status === 'published' || status === 'withdrawn' ? null : '只有已发布或已撤回的文件可以发起修订';
}
