// Transfer to the agency of the same government that holds the information: the case here closes
// with a note, and a new case is registered there with the same day received (the applicant's
// clock does not start again), the two linked both ways. The new case has its own number and query
// code, which the applicant is told.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { governmentOf } from '../orgs/organizations.js';
import { changeCase, factText } from './change-case.js';
import { OPEN_STATUSES } from './events.js';
import { acceptingOrg, createCase, type Registered } from './intake.js';
import { addEvent, auditCase, caseEvents } from './records.js';
import { applications } from './schema.js';

export async function transferCase(db: Db, ctx: ActionContext, id: number, input: { toOrgId: number; reason: string }) {
  return changeCase<Registered>(db, ctx, id, { action: 'applications.handle', audit: 'transfer', what: '转送该申请', statuses: OPEN_STATUSES }, async ({ tx, kase, env }) => {
    const target = await acceptingOrg(tx, input.toOrgId);
    if (target.id === kase.orgId) throw invalid('不能转送给本机关');
    const [here, there] = await Promise.all([governmentOf(tx, kase.orgPath), governmentOf(tx, target.path)]);
    if (!here || here.id !== there?.id) throw invalid(`只能转送给${here?.name ?? '本级政府'}所属的行政机关`);
    const reason = factText(input.reason, '转送理由', 1000);
    const received = (await caseEvents(tx, id)).find((e) => e.kind === 'received');
    const created = await createCase(
      tx,
      ctx,
      {
        org: target,
        fields: {
          applicantKind: kase.applicantKind,
          applicant: kase.applicant,
          description: kase.description,
          docTitle: kase.docTitle,
          docNumber: kase.docNumber,
          purpose: kase.purpose,
          forms: kase.forms,
          delivery: kase.delivery,
        },
        received: {
          receivedOn: kase.receivedOn,
          channel: kase.channel,
          basis: String(received?.data.basis ?? ''),
          text: kase.receivedExplanation,
          warnings: [],
        },
        channelFacts: kase.channelFacts,
        transferredFromId: kase.id,
      },
      env,
    );
    await addEvent(tx, ctx, created.id, { kind: 'transferred_in', on: env.today, note: `由${kase.orgName}转来（原申请编号 ${kase.number}），收到申请之日不变。`, data: { fromId: kase.id, fromNumber: kase.number } });
    await auditCase(tx, ctx, { id: created.id, orgId: target.id, number: created.number }, 'transfer_in', `由${kase.orgName}转来（原申请 ${kase.number}）`);
    await tx.update(applications).set({ status: 'closed', closedOn: env.today, transferredToId: created.id }).where(eq(applications.id, id));
    await addEvent(tx, ctx, id, { kind: 'transferred_out', on: env.today, note: `转送${target.name}办理（新申请编号 ${created.number}）。`, data: { toId: created.id, toNumber: created.number, reason } });
    return { summary: `转送${target.name}（新申请 ${created.number}）`, result: created };
  });
}
