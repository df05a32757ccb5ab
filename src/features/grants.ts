// Every area's grants in one list, so the workbench can be told which actions the user may take.
import { can, type Grants, type Subject } from '../domain/policy.js';
import { applicationGrants } from './applications/policy.js';
import { calendarGrants } from './calendar/policy.js';
import { cleanupGrants } from './cleanup/policy.js';
import { columnGrants } from './columns/policy.js';
import { consultationGrants } from './consultations/policy.js';
import { decisionGrants } from './decisions/policy.js';
import { documentGrants } from './documents/policy.js';
import { gazetteGrants } from './gazette/policy.js';
import { knowledgeGrants } from './knowledge/policy.js';
import { letterGrants } from './applications/letters/policy.js';
import { meetingGrants } from './meetings/policy.js';
import { orgGrants } from './orgs/policy.js';
import { reportGrants } from './annual-report/policy.js';
import { settingsGrants } from './settings/policy.js';

const allGrants: Grants<string>[] = [orgGrants, calendarGrants, documentGrants, settingsGrants, gazetteGrants, columnGrants, cleanupGrants, knowledgeGrants, applicationGrants, letterGrants, reportGrants, consultationGrants, decisionGrants, meetingGrants];

/** The actions the subject may take somewhere in its scope (the UI shows menus by these). */
export function permittedActions(subject: Subject): string[] {
  return allGrants.flatMap((g) => Object.keys(g).filter((action) => can(g, subject, action)));
}
