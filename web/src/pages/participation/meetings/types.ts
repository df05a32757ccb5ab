// What the meetings API returns to the workbench (src/features/meetings/meetings.ts).
export interface MeetingRow {
  id: number;
  title: string;
  org: { id: number; name: string };
  heldOn: string;
  published: boolean;
  publishedOn: string | null;
  representatives: number;
  opinions: number;
  unhandled: number;
  canManage: boolean;
}

export interface Representative {
  id: number;
  name: string;
  capacity: string;
  namePublic: boolean;
  /** How the portal shows them: by name only with their consent. */
  publicLabel: string;
}

export interface Opinion {
  id: number;
  representativeId: number;
  opinion: string;
  handled: boolean;
  handling: string;
  handledOn: string | null;
  handledBy: { name: string; orgName: string } | null;
}

export interface Meeting {
  id: number;
  org: { id: number; code: string; name: string };
  title: string;
  heldOn: string;
  topics: string;
  selection: string;
  published: boolean;
  publishedOn: string | null;
  representatives: Representative[];
  opinions: Opinion[];
  canManage: boolean;
}

export const meetingsRoute = '/participation/meetings';
export const meetingRoute = (id: number) => `${meetingsRoute}/${id}`;
