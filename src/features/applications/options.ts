// What the application form offers (for the portal's form and the workbench's registration
// screen): the agencies that accept applications, the applicant kinds, ID types, information
// forms, delivery methods and channels, each with its Chinese label.
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { APPLICANT_KIND_LABELS, DELIVERY_METHOD_LABELS, INFORMATION_FORM_LABELS, OUTCOMES, OUTCOME_KEYS } from '../../domain/application-outcomes.js';
import { APPLICATION_CHANNEL_LABELS } from '../../domain/received-on.js';
import { organizations } from '../orgs/schema.js';
import { ID_TYPES } from './applicant.js';
import { basisRequired } from './reply.js';

const pairs = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export async function applicationOptions(db: Db) {
  const orgs = await db
    .select({ id: organizations.id, code: organizations.code, name: organizations.name, kind: organizations.kind, parentId: organizations.parentId })
    .from(organizations)
    .where(inArray(organizations.kind, ['government', 'department', 'township']))
    .orderBy(asc(organizations.sortOrder), asc(organizations.id));
  return {
    organizations: orgs,
    applicantKinds: pairs(APPLICANT_KIND_LABELS),
    idTypes: ID_TYPES.map((t) => ({ value: t, label: t })),
    forms: pairs(INFORMATION_FORM_LABELS),
    delivery: pairs(DELIVERY_METHOD_LABELS),
    channels: pairs(APPLICATION_CHANNEL_LABELS),
    outcomes: OUTCOME_KEYS.map((k) => ({ value: k, label: OUTCOMES[k].shortLabel, group: OUTCOMES[k].group, legalBasis: OUTCOMES[k].legalBasis, basisRequired: basisRequired(k) })),
  };
}
