// The applicant's identity at rest: sealed with the data key (src/data-key.ts) in
// applications.applicant_sealed, with a keyed hash of the ID number or credit code
// (applicant_index) so that "the same applicant's applications" — counted for fees (收费办法第四条)
// and screening — are found by an index without the ID number being stored in the clear.
// Everything that reads or writes an applicant goes through here.
import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dataKey } from '../../data-key.js';
import { applications, type ApplicantDetails } from './schema.js';

/** Whatever identifies the applicant across applications: the ID number or the credit code. */
export function applicantKey(a: ApplicantDetails): string {
  return a.creditCode ? `org:${a.creditCode}` : `id:${a.idType ?? ''}:${a.idNumber ?? ''}`;
}

/** Imported historical cases have no identity to match: no index, so they never count as "the same". */
function indexOf(a: ApplicantDetails): string | null {
  return a.creditCode || a.idNumber ? dataKey().blindIndex(applicantKey(a)) : null;
}

/** The columns to write for an applicant. */
export function sealApplicant(a: ApplicantDetails): { applicantSealed: string; applicantIndex: string | null; plainApplicant: null } {
  return { applicantSealed: dataKey().seal(JSON.stringify(a)), applicantIndex: indexOf(a), plainApplicant: null };
}

/** The applicant of a case row as read from the database. */
export function openApplicant(row: { applicantSealed: string | null; plainApplicant?: ApplicantDetails | null }): ApplicantDetails {
  if (row.applicantSealed) return JSON.parse(dataKey().open(row.applicantSealed)) as ApplicantDetails;
  // Only between the 0010 migration and the start-up sealing below.
  if (row.plainApplicant) return row.plainApplicant;
  throw new Error('申请人信息缺失');
}

/** The SQL condition matching the same applicant's applications (never true for an unidentified one). */
export function sameApplicant(a: ApplicantDetails): SQL {
  const index = indexOf(a);
  return index ? eq(applications.applicantIndex, index) : sql`false`;
}

/**
 * Seals the identities stored in the clear before encryption came (migration 0010), in batches, at
 * start-up. Cheap when there is nothing left: one indexed-free probe of a nullable column.
 */
export async function sealPlainApplicants(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db
      .select({ id: applications.id, plain: applications.plainApplicant })
      .from(applications)
      .where(and(isNotNull(applications.plainApplicant), isNull(applications.applicantSealed)))
      .limit(500);
    if (rows.length === 0) return done;
    await db.transaction(async (tx) => {
      for (const r of rows) await tx.update(applications).set(sealApplicant(r.plain!)).where(eq(applications.id, r.id));
    });
    done += rows.length;
  }
}

type Stored = { applicantSealed: string | null; applicantIndex: string | null; plainApplicant: ApplicantDetails | null };

/** A case row with its applicant opened, and the stored forms of it left out. */
export type WithApplicant<R extends Stored> = Omit<R, keyof Stored> & { applicant: ApplicantDetails };

export function withApplicant<R extends Stored>(row: R): WithApplicant<R> {
  const { applicantSealed: _s, applicantIndex: _i, plainApplicant: _p, ...rest } = row;
  return { ...rest, applicant: openApplicant(row) };
}
