// How an application comes in: submitted online on the portal by the applicant, or registered by
// staff when it came in person, by post, fax or email. Either way it gets its number
// (2026-zfb-0012, per organization and year), a query code given once, the day it counts as
// received (条例第三十一条) and its clock.
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { determineReceivedOn, ReceivedOnError, type ApplicationChannel, type ReceivedOnFacts, type ReceivedOnResult } from '../../domain/received-on.js';
import { findOrg } from '../orgs/organizations.js';
import type { Organization } from '../orgs/schema.js';
import { cleanApplicationFields, type ApplicationFields } from './applicant.js';
import { sealApplicant } from './applicant-store.js';
import { loadClockEnv, refreshClock, type ClockEnv } from './clock.js';
import { enqueueReceiptMail } from './notify.js';
import { authorizeCase } from './policy.js';
import { nextSerial } from './serials.js';
import { addEvent, auditCase } from './records.js';
import { hashQueryCode, newQueryCode } from './query-code.js';
import { applications } from './schema.js';

/** Only administrative agencies answer requests under the 条例 (a residents' committee does not). */
const ACCEPTING_KINDS = new Set(['government', 'department', 'township']);

export interface Registered {
  id: number;
  number: string;
  /** Shown to the applicant once; only its hash is stored. */
  queryCode: string;
  receivedOn: string;
  receivedExplanation: string;
  dueOn: string | null;
}

export async function acceptingOrg(tx: Db, orgId: number): Promise<Organization> {
  const org = await findOrg(tx, orgId);
  if (!org) throw invalid('所选的受理机关不存在');
  if (!ACCEPTING_KINDS.has(org.kind)) throw invalid(`${org.name}不是受理政府信息公开申请的行政机关，请选择县政府、部门或乡镇`);
  return org;
}

function receivedOn(facts: ReceivedOnFacts, env: ClockEnv): ReceivedOnResult {
  try {
    return determineReceivedOn(facts, env.today);
  } catch (err) {
    if (err instanceof ReceivedOnError) throw invalid(err.message);
    throw err;
  }
}

export interface NewCase {
  org: Organization;
  fields: ApplicationFields;
  received: ReceivedOnResult;
  channelFacts: Record<string, string | null>;
  /** A note for the 'received' event beyond the received-on explanation. */
  note?: string;
  transferredFromId?: number;
}

/** Numbers and stores a case with its 'received' event and its clock, and queues the receipt mail; the caller writes the audit entry. */
export async function createCase(tx: Db, ctx: ActionContext, c: NewCase, env: ClockEnv): Promise<Registered> {
  const year = Number(env.today.slice(0, 4));
  const serial = await nextSerial(tx, `application/${c.org.code}/${year}`);
  const number = `${year}-${c.org.code}-${String(serial).padStart(4, '0')}`;
  const queryCode = newQueryCode();
  const { fields, received } = c;
  const [kase] = await tx
    .insert(applications)
    .values({
      orgId: c.org.id,
      number,
      year,
      queryCodeHash: hashQueryCode(number, queryCode),
      channel: received.channel,
      channelFacts: c.channelFacts,
      applicantKind: fields.applicantKind,
      ...sealApplicant(fields.applicant),
      description: fields.description,
      docTitle: fields.docTitle ?? '',
      docNumber: fields.docNumber ?? '',
      purpose: fields.purpose ?? '',
      forms: fields.forms,
      delivery: fields.delivery,
      receivedOn: received.receivedOn,
      receivedExplanation: received.text,
      status: 'registered',
      transferredFromId: c.transferredFromId ?? null,
    })
    .returning();
  await addEvent(tx, ctx, kase!.id, {
    kind: 'received',
    on: received.receivedOn,
    note: [received.text, c.note].filter(Boolean).join(''),
    data: { channel: received.channel, basis: received.basis, warnings: received.warnings },
  });
  const clock = await refreshClock(tx, ctx, kase!, env);
  // The receipt by mail when the applicant gave an address (online, registered by staff or transferred in).
  await enqueueReceiptMail(tx, kase!.id);
  return { id: kase!.id, number, queryCode, receivedOn: received.receivedOn, receivedExplanation: received.text, dueOn: clock?.dueOn ?? null };
}

// 第三十一条第（三）项 counts an online application as received on the day both sides confirm. The
// applicant confirms by submitting the form; the agency confirms by the receipt the system returns at
// once with the application number and query code — the agency's own acknowledgement, on its behalf.
// Both happen in the same moment, so the day of submission (in China) is the day received.
const ONLINE_CONFIRMATION = '申请人在线提交申请即为申请人确认；本机关网上申请系统即时出具载有申请编号和查询码的回执，即为本机关确认，双方于同日确认。';

/** The portal's online form: anyone may apply, without an account. */
export async function submitApplication(db: Db, ctx: ActionContext, input: ApplicationFields & { orgId: number }): Promise<Registered> {
  const fields = cleanApplicationFields(input);
  return db.transaction(async (tx) => {
    const org = await acceptingOrg(tx, input.orgId);
    const env = await loadClockEnv(tx);
    const received = receivedOn({ channel: 'online', submittedOn: env.today, confirmedOn: env.today }, env);
    const channelFacts = { submittedOn: env.today, confirmedOn: env.today };
    const created = await createCase(tx, ctx, { org, fields, received, channelFacts, note: ONLINE_CONFIRMATION }, env);
    await auditCase(tx, ctx, { id: created.id, orgId: org.id, number: created.number }, 'submit', '收到网上申请');
    return created;
  });
}

export interface ChannelFacts {
  channel: ApplicationChannel;
  submittedOn?: string;
  signedForOn?: string;
  arrivedOn?: string;
  confirmedOn?: string;
}

/** Staff register an application that came in person, by registered post, ordinary letter, fax or email. */
export async function registerApplication(db: Db, ctx: ActionContext, input: ApplicationFields & ChannelFacts & { orgId: number }): Promise<Registered> {
  return db.transaction(async (tx) => {
    const org = await acceptingOrg(tx, input.orgId);
    await authorizeCase(tx, ctx, 'applications.register', { orgId: org.id, orgPath: org.path }, `无权为${org.name}登记政府信息公开申请`);
    const fields = cleanApplicationFields(input);
    const env = await loadClockEnv(tx);
    const facts: ReceivedOnFacts = { channel: input.channel, submittedOn: input.submittedOn, signedForOn: input.signedForOn, arrivedOn: input.arrivedOn, confirmedOn: input.confirmedOn };
    const received = receivedOn(facts, env);
    const channelFacts = Object.fromEntries(Object.entries(facts).filter(([k, v]) => k !== 'channel' && v != null)) as Record<string, string>;
    const created = await createCase(tx, ctx, { org, fields, received, channelFacts }, env);
    await auditCase(tx, ctx, { id: created.id, orgId: org.id, number: created.number }, 'register', `登记申请（${received.basis}，收到申请之日 ${received.receivedOn}）`);
    return created;
  });
}
