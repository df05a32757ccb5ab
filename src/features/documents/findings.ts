// Everything checked before a document is published, in one list the editor and reviewer see:
// personal data, secrecy marks, sensitive words, wording errors (src/domain/text-checks.ts),
// missing or inconsistent metadata (src/domain/document-metadata.ts), body links that do not resolve
// (src/domain/links.ts). Severity 'block' stops publication.
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { metadataProblems, type DocumentMetadata } from '../../domain/document-metadata.js';
import { checkText, htmlToPlainText, type CheckRules } from '../../domain/text-checks.js';
import type { IsoDate } from '../../domain/dates.js';
import { loadCheckRules } from '../settings/check-rules.js';
import { linkFindingsFor } from './link-check.js';

export interface DocumentFinding {
  code: string;
  severity: 'block' | 'warn';
  field: string;
  message: string;
  /** Where in the field's plain text, for text findings. */
  index?: number;
  excerpt?: string;
}

export function documentFindings(doc: DocumentMetadata, publishOn: IsoDate, rules: CheckRules): DocumentFinding[] {
  const text = checkText(
    { title: doc.title, docNumber: doc.docNumber, summary: doc.summary, body: htmlToPlainText(doc.body), disclosureReason: doc.disclosureReason },
    rules,
  );
  return [...metadataProblems(doc, publishOn), ...text];
}

/** Every finding, with the government's check rules and what is known of the body's links. */
export async function findingsFor(db: Db, doc: DocumentMetadata, publishOn: IsoDate): Promise<DocumentFinding[]> {
  const rules = await loadCheckRules(db);
  return [...documentFindings(doc, publishOn, rules), ...(await linkFindingsFor(db, doc.body))];
}

export function blocking(findings: DocumentFinding[]): DocumentFinding[] {
  return findings.filter((f) => f.severity === 'block');
}

/** Refusal of a step (提交审核, 发布 …) for the blocking findings: the editor reads what to fix. */
export function blockedError(what: string, blocked: DocumentFinding[]) {
  return invalid(`${what}前须处理以下问题：${blocked.map((f) => f.message).join('；')}`, { findings: blocked });
}
