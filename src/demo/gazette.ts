// Demo gazette (政府公报) of the county government, composed from the demo documents through the
// real use cases: 2025年第12期 (总第54期), 2026年第1期 and 第2期 published, 2026年第3期 (总第57期) a draft.
import { and, eq, isNotNull } from 'drizzle-orm';
import { systemContext } from '../context.js';
import type { Db } from '../db/client.js';
import { documents } from '../features/documents/schema.js';
import { addEntry, createIssue, publishIssue } from '../features/gazette/issues.js';
import { findOrgByCode } from '../features/orgs/organizations.js';
import { DEMO_ROOT } from './organizations.js';

interface DemoIssue {
  year: number;
  issueNo: number;
  totalNo?: number;
  publishedOn?: string;
  /** [document number or title, section]. */
  entries: [string, string][];
}

const ISSUES: DemoIssue[] = [
  { year: 2025, issueNo: 12, totalNo: 54, publishedOn: '2025-12-26', entries: [['示建发〔2025〕21号', '部门文件']] },
  {
    year: 2026,
    issueNo: 1,
    publishedOn: '2026-03-20',
    entries: [
      ['示政发〔2026〕4号', '县政府文件'],
      ['图解：示例县农村村民住宅建设管理办法（2026年修订）', '政策解读'],
    ],
  },
  { year: 2026, issueNo: 2, publishedOn: '2026-05-29', entries: [['示教发〔2026〕12号', '部门文件']] },
  // Being composed: the workbench shows it as a draft, the public does not see it.
  { year: 2026, issueNo: 3, entries: [] },
];

export async function seedDemoGazette(db: Db): Promise<number> {
  const org = await findOrgByCode(db, DEMO_ROOT);
  if (!org) throw new Error(`demo organization ${DEMO_ROOT} missing`);
  const published = await db
    .select({ id: documents.id, title: documents.title, docNumber: documents.docNumber })
    .from(documents)
    .where(and(isNotNull(documents.publishedVersion), eq(documents.status, 'published')));
  const find = (key: string) => published.find((d) => d.docNumber === key || d.title === key);
  for (const demo of ISSUES) {
    // 总期号 continues from the previous issue after the first one.
    const issue = await createIssue(db, systemContext, org.id, { year: demo.year, issueNo: demo.issueNo, ...(demo.totalNo ? { totalNo: demo.totalNo } : {}) });
    for (const [key, section] of demo.entries) {
      const doc = find(key);
      if (doc) await addEntry(db, systemContext, issue.id, { documentId: doc.id, section });
    }
    if (demo.publishedOn) await publishIssue(db, systemContext, issue.id, demo.publishedOn);
  }
  return ISSUES.length;
}
