// Importing historical applications (issue #5 item 11) so that the annual report (issue #6) counts
// the years before the platform: the valid lines go in together, in one transaction; the invalid
// ones are reported with their line number and every reason, and left out.
//
// An imported case has no applicant identity (the old systems' exports carry none we may keep):
// its applicant is named （历史数据导入）, it has no applicant index, so it never counts as "the same
// applicant" for fees or screening, and its query code is thrown away (nobody can track it). Its
// number is the one it had (the serial counter moved past it) or the next of its year received.
// An open case gets its clock from the day received; a closed one keeps its outcome and closing
// date (the reply date and the steps in between are not known, so none is invented). The timeline
// says where it came from; one audit entry per organization names the numbers imported.
//
// A line without a serial imported twice is two cases: re-running a file is safe only for lines
// that carry their number (the second run refuses them as existing).
import { inArray } from 'drizzle-orm';
import type { ActionContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, conflict } from '../../../errors.js';
import { OUTCOMES } from '../../../domain/application-outcomes.js';
import { APPLICATION_CHANNEL_LABELS } from '../../../domain/received-on.js';
import { recordAudit } from '../../orgs/audit.js';
import { organizations, type Organization } from '../../orgs/schema.js';
import { sealApplicant } from '../applicant-store.js';
import { computeClock, loadClockEnv, type ClockEnv } from '../clock.js';
import { EVENT_KINDS } from '../events.js';
import { acceptingOrg } from '../intake.js';
import { authorizeCase } from '../policy.js';
import { hashQueryCode, newQueryCode } from '../query-code.js';
import { applicationEvents, applications } from '../schema.js';
import { passSerial, takeSerials } from '../serials.js';
import { checkLines, type ImportLine, type LineError } from './lines.js';

export const IMPORTED_APPLICANT = '（历史数据导入）';
const IMPORTED_DESCRIPTION = '（历史数据导入，原系统未记录申请内容）';
/** Rows per INSERT: well under PostgreSQL's 65,535 parameters. */
const BATCH = 500;

export interface ImportResult {
  /** Non-blank lines read. */
  total: number;
  imported: { line: number; number: string; org: string }[];
  errors: LineError[];
  dryRun: boolean;
}

const numberOf = (year: number, org: string, serial: number) => `${year}-${org}-${String(serial).padStart(4, '0')}`;
const scopeOf = (org: string, year: number) => `application/${org}/${year}`;

/** The checks that need the database: the organization, and numbers given that are taken or repeated. */
async function checkAgainstDatabase(tx: Db, ctx: ActionContext, rows: ImportLine[], errors: LineError[]): Promise<{ valid: ImportLine[]; orgs: Map<string, Organization> }> {
  const codes = [...new Set(rows.map((r) => r.org))];
  const found = codes.length ? await tx.select().from(organizations).where(inArray(organizations.code, codes)) : [];
  const orgs = new Map(found.map((o) => [o.code, o]));
  // The intake's rule of which organizations accept applications, its refusal as the line's reason.
  const refusedOrgs = new Map<string, string>();
  for (const o of found) {
    try {
      await acceptingOrg(tx, o.id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      refusedOrgs.set(o.code, err.message);
      continue;
    }
    await authorizeCase(tx, ctx, 'applications.register', { orgId: o.id, orgPath: o.path }, `无权为${o.name}导入政府信息公开申请`);
  }
  const given = rows.filter((r) => r.serial).map((r) => numberOf(r.serial!.year, r.org, r.serial!.serial));
  const taken = new Set(
    given.length ? (await tx.select({ number: applications.number }).from(applications).where(inArray(applications.number, given))).map((r) => r.number) : [],
  );
  const firstLine = new Map<string, number>();
  const valid: ImportLine[] = [];
  for (const r of rows) {
    const org = orgs.get(r.org);
    const problems: string[] = [];
    if (!org) problems.push(`找不到机构代码“${r.org}”`);
    else if (refusedOrgs.has(r.org)) problems.push(refusedOrgs.get(r.org)!);
    if (r.serial) {
      const number = numberOf(r.serial.year, r.org, r.serial.serial);
      if (taken.has(number)) problems.push(`申请编号“${number}”已存在`);
      else if (firstLine.has(number)) problems.push(`申请编号“${number}”与第 ${firstLine.get(number)} 行重复`);
      else firstLine.set(number, r.line);
    }
    if (problems.length) errors.push({ line: r.line, reason: problems.join('；') });
    else valid.push(r);
  }
  return { valid, orgs };
}

/**
 * Numbers for the valid rows: those given move their counters past them first, so the next serials
 * taken for the others never meet them.
 */
async function numberRows(tx: Db, rows: ImportLine[]): Promise<Map<ImportLine, { year: number; number: string }>> {
  const numbers = new Map<ImportLine, { year: number; number: string }>();
  const highest = new Map<string, number>();
  for (const r of rows.filter((x) => x.serial)) {
    const { year, serial } = r.serial!;
    numbers.set(r, { year, number: numberOf(year, r.org, serial) });
    const scope = scopeOf(r.org, year);
    highest.set(scope, Math.max(highest.get(scope) ?? 0, serial));
  }
  for (const [scope, serial] of highest) await passSerial(tx, scope, serial);
  const byScope = new Map<string, ImportLine[]>();
  for (const r of rows.filter((x) => !x.serial)) {
    const scope = scopeOf(r.org, Number(r.receivedOn.slice(0, 4)));
    byScope.set(scope, [...(byScope.get(scope) ?? []), r]);
  }
  for (const [scope, list] of byScope) {
    const serials = await takeSerials(tx, scope, list.length);
    list.forEach((r, i) => {
      const year = Number(r.receivedOn.slice(0, 4));
      numbers.set(r, { year, number: numberOf(year, r.org, serials[i]!) });
    });
  }
  // A counter behind numbers already stored (entered outside the platform) must not fail on the
  // unique index halfway: say what to do instead.
  const fresh = [...byScope.values()].flat().map((r) => numbers.get(r)!.number);
  for (let i = 0; i < fresh.length; i += BATCH) {
    const clash = await tx.select({ number: applications.number }).from(applications).where(inArray(applications.number, fresh.slice(i, i + BATCH)));
    if (clash.length) throw conflict(`申请编号计数器落后于已有的申请编号（如 ${clash[0]!.number}），请在导入文件中为这些申请填写 serial`);
  }
  return numbers;
}

function caseValues(r: ImportLine, org: Organization, n: { year: number; number: string }, env: ClockEnv) {
  const open = r.closedOn === null;
  const clock = open ? computeClock(r.receivedOn, [], env) : null;
  return {
    orgId: org.id,
    number: n.number,
    year: n.year,
    queryCodeHash: hashQueryCode(n.number, newQueryCode()),
    channel: r.channel,
    applicantKind: r.applicantKind,
    ...sealApplicant({ name: IMPORTED_APPLICANT }),
    description: r.description || IMPORTED_DESCRIPTION,
    receivedOn: r.receivedOn,
    receivedExplanation: `历史数据导入：收到申请之日按原系统记录（${APPLICATION_CHANNEL_LABELS[r.channel]}）。`,
    status: open ? ('in_progress' as const) : ('closed' as const),
    dueOn: clock?.dueOn ?? null,
    clockState: clock?.state ?? 'ended',
    clock,
    outcome: r.outcome,
    outcomeBasis: r.outcome ? OUTCOMES[r.outcome].legalBasis : '',
    closedOn: r.closedOn,
  };
}

function importedNote(r: ImportLine, source: string): string {
  const closed = r.closedOn && r.outcome ? `原系统记录：${r.closedOn}办结，办理结果为“${OUTCOMES[r.outcome].shortLabel}”。` : '原系统记录：尚未办结。';
  return `由原系统导入（${source} 第 ${r.line} 行）。${closed}`;
}

export async function importApplications(db: Db, ctx: ActionContext, text: string, opts: { source: string; dryRun?: boolean }): Promise<ImportResult> {
  const env = await loadClockEnv(db);
  const { rows, errors, total } = checkLines(text, env.today);
  const imported: ImportResult['imported'] = [];
  const dryRun = Boolean(opts.dryRun);
  const rollback = new Error('dry run');
  try {
    await db.transaction(async (tx) => {
      const { valid, orgs } = await checkAgainstDatabase(tx, ctx, rows, errors);
      const numbers = await numberRows(tx, valid);
      const counts = new Map<number, string[]>();
      for (let i = 0; i < valid.length; i += BATCH) {
        const batch = valid.slice(i, i + BATCH);
        const stored = await tx
          .insert(applications)
          .values(batch.map((r) => caseValues(r, orgs.get(r.org)!, numbers.get(r)!, env)))
          .returning({ id: applications.id, number: applications.number, orgId: applications.orgId });
        await tx.insert(applicationEvents).values(
          batch.map((r, j) => ({
            applicationId: stored[j]!.id,
            kind: 'imported',
            on: r.receivedOn,
            actorId: ctx.actor?.userId ?? null,
            actorName: ctx.actor?.name ?? '系统',
            internal: EVENT_KINDS.imported.internal,
            note: importedNote(r, opts.source),
            data: { line: r.line, source: opts.source, closedOn: r.closedOn, outcome: r.outcome },
          })),
        );
        batch.forEach((r, j) => {
          imported.push({ line: r.line, number: stored[j]!.number, org: r.org });
          counts.set(stored[j]!.orgId, [...(counts.get(stored[j]!.orgId) ?? []), stored[j]!.number]);
        });
      }
      for (const [orgId, list] of counts) {
        const sorted = [...list].sort();
        const range = sorted.length > 1 ? `${sorted[0]} 至 ${sorted[sorted.length - 1]}` : sorted[0];
        await recordAudit(tx, ctx, { action: 'application.import', orgId, targetType: 'application', summary: `导入历史申请 ${list.length} 件（${opts.source}，编号 ${range}）` });
      }
      if (dryRun) throw rollback;
    });
  } catch (err) {
    if (err !== rollback) throw err;
  }
  errors.sort((a, b) => a.line - b.line);
  imported.sort((a, b) => a.line - b.line);
  return { total, imported, errors, dryRun };
}
