// Shapes the API returns (see the server's routes); shared with the server where it defines them.
export type { UserView as User } from '../../src/features/orgs/views';

export interface Org {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  path: string;
  sortOrder: number;
  officeName: string;
  address: string;
  postcode: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
  guideNote: string;
  indexPattern: string | null;
  /** A government's setting: a normative document may go public without its interpretation, with a reason. */
  interpretationExemptionAllowed: boolean;
}

export interface Option {
  value: string;
  label: string;
}

export interface Meta {
  roles: Option[];
  orgKinds: Option[];
}

export interface HolidayDay {
  name: string;
  date: string;
  isOffDay: boolean;
}
