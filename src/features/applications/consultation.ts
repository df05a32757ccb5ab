// 征求意见 (条例第三十二、三十四条): a third party whose rights the disclosure may harm, or another
// agency, is asked for its opinion; it has 15 working days to answer, and the time is not counted
// toward the reply period. The applicant's timeline says that an opinion was asked and answered;
// who was asked and what they said stay with staff.
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid } from '../../errors.js';
import type { ConsultationKind } from '../../domain/application-clock.js';
import { changeCase, factDate, factText } from './change-case.js';
import { OPEN_STATUSES } from './events.js';
import { addEvent } from './records.js';

const handle = { action: 'applications.handle', statuses: OPEN_STATUSES } as const;

export const CONSULTATION_KIND_LABELS: Readonly<Record<ConsultationKind, string>> = {
  third_party: '征求第三方意见',
  other_agency: '征求其他行政机关意见',
};

export async function sendConsultation(db: Db, ctx: ActionContext, id: number, input: { consultation: ConsultationKind; party: string; subject?: string; on?: string }) {
  return changeCase(db, ctx, id, { ...handle, audit: 'consultation_sent', what: '征求意见' }, async ({ tx, kase, env }) => {
    if (!(input.consultation in CONSULTATION_KIND_LABELS)) throw invalid('征求意见的对象应为第三方或其他行政机关');
    const party = factText(input.party, '征求意见的对象', 100);
    const subject = factText(input.subject, '征求意见的事项', 1000, false);
    const on = factDate(input.on, kase, env, '征求意见函发出日期');
    const label = CONSULTATION_KIND_LABELS[input.consultation];
    await addEvent(tx, ctx, id, {
      kind: 'consultation_sent',
      on,
      note: `${label}，对方自收到之日起 ${env.rules.consultationDays} 个工作日内提出意见，征求意见的期间不计入答复期限。`,
      data: { consultation: input.consultation, party, subject },
    });
    return { summary: label, clockReason: label, on };
  });
}

export async function answerConsultation(db: Db, ctx: ActionContext, id: number, input: { sentEventId: number; gist: string; on?: string }) {
  return changeCase(db, ctx, id, { ...handle, audit: 'consultation_answered', what: '登记征求意见的答复' }, async ({ tx, kase, events, env }) => {
    const sent = events.find((e) => e.id === input.sentEventId && e.kind === 'consultation_sent');
    if (!sent) throw invalid('找不到该申请的这次征求意见');
    if (events.some((e) => e.kind === 'consultation_answered' && e.data.sentEventId === sent.id)) throw conflict('这次征求意见的答复已经登记');
    const gist = factText(input.gist, '答复要点', 2000);
    const on = factDate(input.on, kase, env, '收到答复的日期', { date: sent.on, label: '征求意见函发出日期' });
    const label = CONSULTATION_KIND_LABELS[sent.data.consultation as ConsultationKind];
    await addEvent(tx, ctx, id, { kind: 'consultation_answered', on, note: `${label}收到答复。`, data: { sentEventId: sent.id, party: sent.data.party, gist } });
    return { summary: `${label}收到答复`, clockReason: `${label}收到答复`, on };
  });
}
