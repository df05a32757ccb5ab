// What the consultations' staff API returns (src/features/consultations/consultations.ts, handle.ts).
import type { CommentDisposition, ConsultationPhase, ModerationState } from '../../../../../src/domain/consultation';

interface Standing {
  phase: ConsultationPhase;
  phaseLabel: string;
  periodDays: number;
  daysLeft: number | null;
  reportDue: string;
  reportOverdue: boolean;
}

export interface ConsultationRow extends Standing {
  id: number;
  title: string;
  org: { id: number; name: string };
  startsOn: string;
  endsOn: string;
  comments: { total: number; pending: number; undisposed: number };
}

export interface Hearing {
  id: number;
  heldOn: string;
  place: string;
  selection: string;
  participants: string;
  record: string;
}

export interface Consultation extends Standing {
  id: number;
  org: { id: number; code: string; name: string };
  title: string;
  draft: string;
  explanation: string;
  channels: string;
  startsOn: string;
  endsOn: string;
  shortPeriodReason: string;
  published: boolean;
  reportSummary: string;
  reportPublishedOn: string | null;
  documentId: number | null;
  canManage: boolean;
  hearings: Hearing[];
}

export interface StaffComment {
  id: number;
  clause: number | null;
  body: string;
  sender: { name: string; contact: string };
  receivedOn: string;
  moderation: ModerationState;
  moderationLabel: string;
  moderationNote: string;
  topic: string;
  disposition: CommentDisposition | null;
  dispositionLabel: string | null;
  reason: string;
}
