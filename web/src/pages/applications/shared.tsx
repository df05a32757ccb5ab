// Pieces every screen of 依申请公开 uses: the due date with its traffic light, the form's options
// and the handling staff (fetched once per page load), links to a letter's Word file and the case file.
import { useEffect, useState } from 'react';
import { Space, Tag } from 'antd';
import { api } from '../../api';
import { chineseDate } from '../../format';
import type { ClockState, FormOptions, HandlingStaff, TrafficLight } from './types';

export const LIGHTS: Readonly<Record<TrafficLight, { label: string; color: string }>> = {
  on_track: { label: '正常', color: 'green' },
  due_soon: { label: '即将到期', color: 'orange' },
  overdue: { label: '已超期', color: 'red' },
};

/** The clock's states that stop the reply period, as the inbox shows them. */
export const PAUSED_STATES: Partial<Readonly<Record<ClockState, string>>> = {
  paused: '已暂停',
  awaiting_correction: '待补正',
};

export function LightTag({ light }: { light: TrafficLight | null }) {
  if (!light) return null;
  const l = LIGHTS[light];
  return (
    <Tag color={l.color} data-light={light}>
      {l.label}
    </Tag>
  );
}

/** The due date as people read it, its light, and whether the clock stands still. */
export function DueDate({ dueOn, light, clockState }: { dueOn: string | null; light: TrafficLight | null; clockState: ClockState }) {
  const paused = PAUSED_STATES[clockState];
  return (
    <Space size={4} wrap>
      <span>{dueOn ? chineseDate(dueOn) : clockState === 'awaiting_correction' ? '补正后计算' : '—'}</span>
      <LightTag light={light} />
      {paused ? <Tag color="blue">{paused}</Tag> : null}
    </Space>
  );
}

/** Today in China, where the law's days are counted (the browser may run on another zone's clock). */
export function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export const letterDocxUrl = (letterId: number) => `/api/v1/applications/letters/${letterId}/docx`;
/** The case file (卷宗) as a zip for archiving; the server names the file. */
export const caseFileUrl = (caseId: number) => `/api/v1/applications/${caseId}/case-file`;

let optionsLoad: Promise<FormOptions> | null = null;
const staffLoads = new Map<number, Promise<HandlingStaff>>();

/** The form's options and the handling staff within the user's scope; null until loaded. */
export function useApplicationOptions(userId: number | undefined): { options: FormOptions | null; staff: HandlingStaff | null } {
  const [options, setOptions] = useState<FormOptions | null>(null);
  const [staff, setStaff] = useState<HandlingStaff | null>(null);
  useEffect(() => {
    if (userId === undefined) return;
    optionsLoad ??= api.get<FormOptions>('/applications/options');
    optionsLoad.then(setOptions, () => (optionsLoad = null));
    // Per user: signing in as someone else in the same tab gives another scope.
    if (!staffLoads.has(userId)) staffLoads.set(userId, api.get<HandlingStaff>('/applications/staff'));
    staffLoads.get(userId)!.then(setStaff, () => staffLoads.delete(userId));
  }, [userId]);
  return { options, staff };
}

/** A value of an event's data as text ('' when absent). */
export const dataText = (data: Record<string, unknown>, key: string): string => (typeof data[key] === 'string' ? (data[key] as string) : '');
