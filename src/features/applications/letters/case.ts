// Loads what a letter is written from: the case with its organization, and the government that
// reviews the organization's decisions (行政复议机关).
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { organizations, type Organization } from '../../orgs/schema.js';
import { applications, type Application } from '../schema.js';
import { withApplicant, type WithApplicant } from '../applicant-store.js';
import type { LetterCase, LetterOrg } from './values.js';

export interface LoadedCase {
  application: WithApplicant<Application>;
  org: Organization;
}

export async function loadCase(db: Db, applicationId: number): Promise<LoadedCase> {
  const [row] = await db
    .select({ application: applications, org: organizations })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.orgId))
    .where(eq(applications.id, applicationId));
  if (!row) throw notFound('找不到该政府信息公开申请');
  return { application: withApplicant(row.application), org: row.org };
}

/** The case as letters see it: the applicant's name and nothing else of their identity. */
export function letterCase(a: WithApplicant<Application>): LetterCase {
  return {
    number: a.number,
    applicantName: a.applicant.name,
    receivedOn: a.receivedOn,
    description: a.description,
    docTitle: a.docTitle,
    docNumber: a.docNumber,
    forms: a.forms,
    delivery: a.delivery,
    dueOn: a.dueOn,
    clock: a.clock,
    outcome: a.outcome,
    outcomeBasis: a.outcomeBasis,
  };
}

/**
 * 行政复议法第二十四条: a department's or a township's decisions are reviewed by the government
 * above it — the nearest government (or township government) among its ancestors. At the top of the
 * tree that government is not in the system: the letter names it generically.
 */
export async function reviewBody(db: Db, org: Organization): Promise<string> {
  const ids = org.path.split('/').filter(Boolean).map(Number).filter((id) => id !== org.id);
  if (ids.length === 0) return '上一级人民政府';
  const rows = await db.select().from(organizations).where(inArray(organizations.id, ids));
  const governments = rows.filter((o) => o.kind === 'government' || o.kind === 'township').sort((a, b) => b.path.length - a.path.length);
  return governments[0]?.name ?? '上一级人民政府';
}

export async function letterOrg(db: Db, org: Organization): Promise<LetterOrg> {
  return { name: org.name, address: org.address, phone: org.phone, reviewBody: await reviewBody(db, org) };
}
