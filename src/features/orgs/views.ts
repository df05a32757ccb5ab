// What the API sends about staff accounts. Plain types with no server imports, so the workbench
// (web/) uses the same definitions.
import type { Role } from '../../domain/policy.js';

/** A user as it leaves the server: never the password hash, never the lockout counters. */
export interface UserView {
  id: number;
  username: string;
  name: string;
  /** Where due-date reminders go; '' when none. */
  email: string;
  orgId: number;
  orgName: string;
  orgCode: string;
  roles: Role[];
  active: boolean;
  locked: boolean;
  lastLoginAt: Date | string | null;
  createdAt: Date | string;
}
