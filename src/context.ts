// Who is acting, from where: every use case receives this and writes it to the audit log.
import type { Role } from './domain/policy.js';

export interface Actor {
  userId: number;
  username: string;
  name: string;
  orgId: number;
  /** The materialized path of the actor's organization, e.g. '/1/4/': scope checks are prefix tests. */
  orgPath: string;
  roles: Role[];
}

export interface ActionContext {
  /** The signed-in member of staff; null for the public and for the system. */
  actor: Actor | null;
  ip: string;
  /** The command line and the demo seeding act as the system: trusted, audited as 系统. */
  system?: boolean;
}

export const systemContext: ActionContext = { actor: null, ip: '', system: true };
