// Generates N applications for one organization for the annual report's benchmark (issue #6):
//
//   DATA_DIR=/tmp/gk-apps npx tsx bench/generate-applications.ts 100000 [--org zrj] [--from 2024]
//   DATA_KEY=… DATABASE_URL=postgres://postgres@127.0.0.1:5432/gk_bench_apps npx tsx bench/generate-applications.ts 100000
//
// Receipts are spread evenly over the working days of two years (--from and the year after); each
// case lives its life as bench/application-plans.ts plans it with the domain's rules (clock, lapses,
// every outcome key of RULES.md, corrections, consultations, fees, extensions, late replies, appeals
// and the reopenings they cause, about 1 in 100 transferred to a sibling department). Cases received
// at a year's end are answered in the next one, so both years carry cases over. Rows go in bulk, 500
// cases a transaction, with their ids reserved first so that events can name each other; numbers
// come from the serial counters as registration would take them. Seeds the demo government first if
// the database is empty. Personal data is sealed like any applicant's (DATA_KEY).
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { openPlatform } from '../src/bootstrap.js';
import { systemContext } from '../src/context.js';
import { queryRows, type Db } from '../src/db/client.js';
import { hasAnyOrganization, seedDemo } from '../src/demo/seed.js';
import { addDays, compareDates, type IsoDate } from '../src/domain/dates.js';
import { sealApplicant } from '../src/features/applications/applicant-store.js';
import { loadClockEnv } from '../src/features/applications/clock.js';
import { hashQueryCode, newQueryCode } from '../src/features/applications/query-code.js';
import { applicationAppeals, applicationEvents, applications } from '../src/features/applications/schema.js';
import { takeSerials } from '../src/features/applications/serials.js';
import { loadFeeSchedule } from '../src/features/applications/settings.js';
import { recordAudit } from '../src/features/orgs/audit.js';
import { childOrgs, findOrg, findOrgByCode } from '../src/features/orgs/organizations.js';
import type { Organization } from '../src/features/orgs/schema.js';
import { planCase, seeded, type PlanEnv, type PlannedCase } from './application-plans.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const count = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(count) || count < 1) throw new Error('usage: generate-applications.ts N [--org CODE] [--from YEAR]');
const orgCode = arg('--org') ?? 'zrj';
const BATCH = 500;
/** Rows per INSERT of events (11 columns): well under PostgreSQL's 65,535 parameters. */
const EVENT_ROWS = 2_000;

const config = loadConfig();
const database = await openPlatform(config);
const { db } = database;
if (!(await hasAnyOrganization(db))) await seedDemo(db);
const org = await findOrgByCode(db, orgCode);
if (!org) throw new Error(`no organization ${orgCode}`);
const base = await loadClockEnv(db);
const from = Number(arg('--from') ?? Number(base.today.slice(0, 4)) - 2);
const days: IsoDate[] = [];
for (let d = `${from}-01-01`; compareDates(d, `${from + 1}-12-31`) <= 0; d = addDays(d, 1)) if (base.calendar.isWorkingDay(d)) days.push(d);
const env: PlanEnv = { ...base, feeSchedule: await loadFeeSchedule(db), days };
// Transfers go to a sibling that accepts applications (the same government's agency holding the information).
const parent = org.parentId ? await findOrg(db, org.parentId) : undefined;
const siblings = parent ? (await childOrgs(db, parent.id)).filter((o) => o.id !== org.id && ['department', 'township'].includes(o.kind)) : [];
const transferTarget = siblings.find((o) => o.code === 'zjj') ?? siblings[0];

async function reserve(tx: Db, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await queryRows<{ id: number }>(tx, sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n})`);
  return rows.map((r) => r.id);
}

interface Stored {
  plan: PlannedCase;
  org: Organization;
  id: number;
  number: string;
}

async function store(tx: Db, plans: PlannedCase[]): Promise<void> {
  const all: { plan: PlannedCase; org: Organization }[] = [];
  for (const p of plans) {
    all.push({ plan: p, org: org! });
    if (p.transferredTo) all.push({ plan: p.transferredTo, org: transferTarget! });
  }
  const ids = await reserve(tx, 'applications', all.length);
  const byScope = new Map<string, number>();
  for (const { plan, org: o } of all) byScope.set(`application/${o.code}/${plan.receivedOn.slice(0, 4)}`, (byScope.get(`application/${o.code}/${plan.receivedOn.slice(0, 4)}`) ?? 0) + 1);
  const serials = new Map<string, number[]>();
  for (const [scope, n] of byScope) serials.set(scope, await takeSerials(tx, scope, n));
  const stored = new Map<PlannedCase, Stored>();
  all.forEach(({ plan, org: o }, i) => {
    const year = plan.receivedOn.slice(0, 4);
    const serial = serials.get(`application/${o.code}/${year}`)!.shift()!;
    stored.set(plan, { plan, org: o, id: ids[i]!, number: `${year}-${o.code}-${String(serial).padStart(4, '0')}` });
  });
  await tx.insert(applications).values(
    [...stored.values()].map(({ plan: p, org: o, id, number }) => ({
      id,
      orgId: o.id,
      number,
      year: Number(p.receivedOn.slice(0, 4)),
      queryCodeHash: hashQueryCode(number, newQueryCode()),
      channel: p.channel,
      channelFacts: p.channelFacts,
      applicantKind: p.applicantKind,
      ...sealApplicant(p.applicant),
      description: p.description,
      forms: ['electronic' as const],
      delivery: ['email' as const],
      receivedOn: p.receivedOn,
      receivedExplanation: p.receivedExplanation,
      status: p.status,
      dueOn: p.dueOn,
      clockState: p.clockState,
      clock: p.clock,
      outcome: p.outcome,
      outcomeBasis: p.outcomeBasis,
      repliedOn: p.repliedOn,
      closedOn: p.closedOn,
      archivedAt: p.archivedAt,
      transferredToId: p.transferredTo ? stored.get(p.transferredTo)!.id : null,
      transferredFromId: p.transferredFrom ? stored.get(p.transferredFrom)!.id : null,
      createdAt: new Date(`${p.receivedOn}T09:00:00+08:00`),
    })),
  );
  const appeals = [...stored.values()].flatMap((s) => s.plan.appeals.map((a) => ({ s, a })));
  const appealIds = await reserve(tx, 'application_appeals', appeals.length);
  appeals.forEach(({ a }, i) => (a.id = appealIds[i]));
  if (appeals.length) {
    await tx.insert(applicationAppeals).values(
      appeals.map(({ s, a }) => ({ id: a.id!, applicationId: s.id, kind: a.kind, filedOn: a.filedOn, authority: a.authority, caseNumber: a.caseNumber, result: a.result, decidedOn: a.decidedOn, createdAt: new Date(`${a.filedOn}T10:00:00+08:00`) })),
    );
  }
  const events = [...stored.values()].flatMap((s) => s.plan.events.map((e) => ({ s, e })));
  const eventIds = await reserve(tx, 'application_events', events.length);
  events.forEach(({ e }, i) => (e.id = eventIds[i]));
  const rows = events.map(({ s, e }) => {
    const links: Record<string, unknown> = {};
    if (e.sent) links.sentEventId = e.sent.id;
    if (e.appeal) links.appealId = e.appeal.id;
    if (e.kind === 'transferred_out') Object.assign(links, { toId: stored.get(s.plan.transferredTo!)!.id, toNumber: stored.get(s.plan.transferredTo!)!.number });
    if (e.kind === 'transferred_in') Object.assign(links, { fromId: stored.get(s.plan.transferredFrom!)!.id, fromNumber: stored.get(s.plan.transferredFrom!)!.number });
    return { id: e.id!, applicationId: s.id, kind: e.kind, on: e.on, at: new Date(`${e.on}T10:00:00+08:00`), actorName: '基准数据生成', internal: e.internal, note: e.note, data: { ...e.data, ...links } };
  });
  for (let i = 0; i < rows.length; i += EVENT_ROWS) await tx.insert(applicationEvents).values(rows.slice(i, i + EVENT_ROWS));
}

const started = Date.now();
const rng = seeded(Number(arg('--seed') ?? 20261125));
let events = 0;
let appeals = 0;
let transfers = 0;
for (let i = 0; i < count; i += BATCH) {
  const plans: PlannedCase[] = [];
  for (let j = i; j < Math.min(count, i + BATCH); j++) {
    const receivedOn = days[Math.floor((j * days.length) / count)]!;
    const plan = planCase(rng, env, receivedOn, j, { appealSerial: j + 1, transfer: Boolean(transferTarget) && rng() < 0.01 });
    plans.push(plan);
    events += plan.events.length + (plan.transferredTo?.events.length ?? 0);
    appeals += plan.appeals.length + (plan.transferredTo?.appeals.length ?? 0);
    if (plan.transferredTo) transfers++;
  }
  await db.transaction((tx) => store(tx, plans));
  if ((i + BATCH) % 10_000 === 0) process.stderr.write(`  ${i + BATCH} applications, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
await recordAudit(db, systemContext, {
  action: 'application.import',
  orgId: org.id,
  targetType: 'application',
  summary: `生成基准测试申请 ${count} 件（${from}—${from + 1}年收到，转送${transferTarget?.name ?? ''} ${transfers} 件）`,
});
// As autovacuum would after a bulk load: statistics, and the visibility map for index-only scans.
for (const t of ['applications', 'application_events', 'application_appeals']) await db.execute(sql.raw(`vacuum analyze ${t}`));
console.log(`${count} applications for ${org.name} (${transfers} transferred on), ${events} events, ${appeals} appeals, generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await database.close();
