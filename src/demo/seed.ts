// Demo data for `npm start` on an empty database: the fictional 示例县 government, its departments
// and townships with their 公开指南 data, and a demo user for every role.
import { systemContext } from '../context.js';
import type { Db } from '../db/client.js';
import { createOrg } from '../features/orgs/organizations.js';
import { organizations } from '../features/orgs/schema.js';
import { createUser } from '../features/orgs/users.js';
import { seedDemoApplications } from './applications.js';
import { seedDemoCleanup } from './cleanup.js';
import { seedDemoConsultations } from './consultations.js';
import { seedDemoDecisions } from './decisions.js';
import { seedDemoMeetings } from './meetings.js';
import { seedDemoColumns } from './columns.js';
import { seedDemoDocuments } from './documents.js';
import { generateDocuments } from './generated.js';
import { seedDemoGazette } from './gazette.js';
import { seedDemoKnowledge } from './knowledge.js';
import { seedLetterTemplates } from '../features/applications/letters/store.js';
import { demoOrganizations } from './organizations.js';
import { DEMO_PASSWORD, demoUsers } from './users.js';

export async function hasAnyOrganization(db: Db): Promise<boolean> {
  return (await db.select({ id: organizations.id }).from(organizations).limit(1)).length > 0;
}

export async function seedDemo(db: Db, opts: { generated?: number } = {}): Promise<{ username: string; name: string; org: string; roles: string[] }[]> {
  const ids = new Map<string, number>();
  for (const [i, o] of demoOrganizations.entries()) {
    const org = await createOrg(db, systemContext, {
      code: o.code,
      name: o.name,
      kind: o.kind,
      parentId: o.parent ? ids.get(o.parent)! : null,
      sortOrder: i,
      officeName: o.officeName ?? `${o.name}办公室`,
      address: o.address ?? '',
      postcode: '999000',
      officeHours: '工作日 上午8:30–12:00，下午14:30–17:30（法定节假日除外）',
      phone: o.phone ?? '',
      fax: o.phone ? o.phone.replace(/\d$/, '9') : '',
      email: `gk_${o.code.replace(/-/g, '_')}@example.gov.cn`,
      website: 'https://www.example.gov.cn',
    });
    ids.set(o.code, org.id);
  }
  const created = [];
  for (const u of demoUsers) {
    const user = await createUser(db, systemContext, {
      username: u.username,
      password: DEMO_PASSWORD,
      name: u.name,
      orgId: ids.get(u.org)!,
      roles: u.roles,
    });
    created.push({ username: user.username, name: user.name, org: user.orgName, roles: user.roles });
  }
  await seedDemoDocuments(db);
  await seedDemoCleanup(db);
  await seedDemoGazette(db);
  await seedDemoColumns(db);
  await seedDemoKnowledge(db);
  await seedLetterTemplates(db);
  await seedDemoApplications(db);
  // Consultations first: the catalogue's decisions link to theirs.
  await seedDemoConsultations(db);
  await seedDemoDecisions(db);
  await seedDemoMeetings(db);
  // A county's ten years of files (npm start only: tests keep the demo small and fast).
  if (opts.generated) await generateDocuments(db, { count: opts.generated });
  return created;
}
