// Shapes the applications API returns to the workbench (src/features/applications/*.ts and
// letters/*.ts), built from the server's own row types and the domain's clock, so that a column
// renamed there is a type error here. Dates come as YYYY-MM-DD, timestamps as ISO strings.
import type { ApplicationClock } from '../../../../src/domain/application-clock';
import type { OutcomeGroup, OutcomeKey } from '../../../../src/domain/application-outcomes';
import type { ApplicantDetails, Application, ApplicationAppeal, ApplicationEvent, ApplicationLetter } from '../../../../src/features/applications/schema';
import type { Option } from '../../types';

export type { ApplicationStatus, LetterKind } from '../../../../src/features/applications/schema';
export type TrafficLight = 'on_track' | 'due_soon' | 'overdue';
export type ClockState = ApplicationClock['state'];

/** An earlier application that reads almost the same (src/domain/application-screening.ts). */
export interface SimilarApplication {
  id: number;
  number: string;
  sameApplicant: boolean;
  receivedOn: string;
  score: number;
  replied: boolean;
}

/** A screening hint: a possibility for the handler, citing the rule that could apply. */
export interface ScreeningHint {
  kind: string;
  message: string;
  rule: string;
  outcome?: OutcomeKey;
  terms?: string[];
  similar?: SimilarApplication[];
}

/** What the inbox and the case page both show of a case. */
type CaseCore = Pick<Application, 'id' | 'number' | 'orgId' | 'status' | 'receivedOn' | 'dueOn' | 'assigneeId' | 'outcome'> & {
  orgName: string;
  statusLabel: string;
  applicantKindLabel: string;
  clockState: ClockState;
  assigneeName: string | null;
  trafficLight: TrafficLight | null;
};

export type InboxItem = CaseCore & {
  /** Only for staff who handle the case's organization. */
  applicantName: string | null;
  /** The first 80 characters. */
  description: string;
};

export interface Inbox {
  items: InboxItem[];
  total: number;
  page: number;
  pageSize: number;
  today: string;
}

export type TimelineEvent = Pick<ApplicationEvent, 'id' | 'kind' | 'on' | 'actorName' | 'internal' | 'note' | 'data' | 'letterId'> & { label: string; at: string };

export type LetterSummary = Pick<ApplicationLetter, 'id' | 'kind' | 'number' | 'title' | 'issuedOn' | 'toApplicant'>;
export type IssuedLetter = LetterSummary & Pick<ApplicationLetter, 'paragraphs'>;

export type CaseDetail = CaseCore &
  Pick<Application, 'channel' | 'channelFacts' | 'applicantKind' | 'description' | 'docTitle' | 'docNumber' | 'purpose' | 'forms' | 'delivery' | 'receivedExplanation' | 'outcomeBasis' | 'repliedOn' | 'closedOn'> & {
    channelLabel: string;
    /** Only for staff who handle the case's organization. */
    applicant: ApplicantDetails | null;
    clock: ApplicationClock | null;
    outcomeLabel: string | null;
    transferredFrom: { id: number; number: string } | null;
    transferredTo: { id: number; number: string } | null;
    today: string;
    timeline: TimelineEvent[];
    screening: { countInMonth: number; countInQuarter: number; similar: SimilarApplication[]; hints: ScreeningHint[] };
    letters: LetterSummary[];
    permissions: { handle: boolean; assign: boolean; extend: boolean; legalReview: boolean };
  };

export interface OutcomeOption extends Option {
  value: OutcomeKey;
  group: OutcomeGroup;
  legalBasis: string;
  basisRequired: boolean;
}

/** GET /applications/options: what the form offers. */
export interface FormOptions {
  organizations: { id: number; code: string; name: string; kind: string; parentId: number | null }[];
  applicantKinds: Option[];
  idTypes: Option[];
  forms: Option[];
  delivery: Option[];
  channels: Option[];
  outcomes: OutcomeOption[];
}

/** GET /applications/staff: the organizations the user reads cases of, and who may take a case up. */
export interface HandlingStaff {
  organizations: { id: number; name: string }[];
  staff: { id: number; name: string; orgId: number; roles: string[] }[];
}

/** POST /applications/register (and a transfer's result): the new case's receipt, its query code shown once. */
export type Registered = Pick<Application, 'id' | 'number' | 'receivedOn' | 'receivedExplanation' | 'dueOn'> & { queryCode: string };

/** GET /applications/:id/appeals: a reconsideration or lawsuit about the case (appeals.ts). */
export type AppealRecord = Pick<ApplicationAppeal, 'id' | 'kind' | 'filedOn' | 'authority' | 'caseNumber' | 'result' | 'decidedOn' | 'note'> & {
  kindLabel: string;
  resultLabel: string;
};

/**
 * GET /applications/:id/same-requests (proactive.ts, 第四十四条): other applicants of the same
 * government in the past year who asked for nearly the same; their cases listed only where the
 * reader may read them, the rest only counted.
 */
export interface SameRequests {
  since: string;
  applications: number;
  applicants: number;
  sameOrg: number;
  byOrg: { orgId: number; orgName: string; count: number }[];
  cases: { id: number; number: string; orgName: string; receivedOn: string; score: number; outcome: string | null }[];
  message: string;
  rule: string;
  drafts: { on: string; documentId: number; title: string }[];
}
