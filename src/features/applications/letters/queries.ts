// Reading issued letters. The list of a case's letters (kind, 文号, title, date) is for anyone who may
// read the case; a letter's text names the applicant, so opening it takes the right to handle the
// case (the rule of ../policy.ts seesApplicant). The applicant opens the letters addressed to them
// with the tracking credentials (application number + query code); a wrong code, a wrong number and
// a letter that is not theirs all get the same answer.
import { and, asc, eq } from 'drizzle-orm';
import type { ActionContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { organizations } from '../../orgs/schema.js';
import { authorizeCase } from '../policy.js';
import { verifyQueryCode } from '../query-code.js';
import { applicationLetters, applications, type ApplicationLetter } from '../schema.js';
import { loadCase } from './case.js';

export type LetterSummary = Pick<ApplicationLetter, 'id' | 'kind' | 'number' | 'title' | 'issuedOn' | 'toApplicant'>;

const summary = {
  id: applicationLetters.id,
  kind: applicationLetters.kind,
  number: applicationLetters.number,
  title: applicationLetters.title,
  issuedOn: applicationLetters.issuedOn,
  toApplicant: applicationLetters.toApplicant,
};

export async function listCaseLetters(db: Db, ctx: ActionContext, applicationId: number): Promise<LetterSummary[]> {
  const { org } = await loadCase(db, applicationId);
  await authorizeCase(db, ctx, 'applications.read', { orgId: org.id, orgPath: org.path }, '无权查看该申请的文书');
  return db.select(summary).from(applicationLetters).where(eq(applicationLetters.applicationId, applicationId)).orderBy(asc(applicationLetters.issuedOn), asc(applicationLetters.id));
}

/** A letter with its text, for the staff who handle its case. */
export async function letterForStaff(db: Db, ctx: ActionContext, letterId: number): Promise<ApplicationLetter> {
  const [row] = await db
    .select({ letter: applicationLetters, orgId: organizations.id, orgPath: organizations.path })
    .from(applicationLetters)
    .innerJoin(applications, eq(applications.id, applicationLetters.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.orgId))
    .where(eq(applicationLetters.id, letterId));
  if (!row) throw notFound('找不到该文书');
  await authorizeCase(db, ctx, 'applications.handle', { orgId: row.orgId, orgPath: row.orgPath }, '无权查看该文书');
  return row.letter;
}

const NOT_FOUND = '申请编号或查询码不正确，或者没有该文书';

/** A letter addressed to the applicant, opened with the application number and the query code. */
export async function letterForApplicant(db: Db, number: string, code: string, letterId: number): Promise<ApplicationLetter> {
  const n = number.trim();
  const [app] = await db.select({ id: applications.id, hash: applications.queryCodeHash }).from(applications).where(eq(applications.number, n));
  // Checked even when no application has the number, so that both take the same time.
  if (!verifyQueryCode(n, code, app?.hash ?? null) || !app) throw notFound(NOT_FOUND);
  const [letter] = await db
    .select()
    .from(applicationLetters)
    .where(and(eq(applicationLetters.id, letterId), eq(applicationLetters.applicationId, app.id), eq(applicationLetters.toApplicant, true)));
  if (!letter) throw notFound(NOT_FOUND);
  return letter;
}
