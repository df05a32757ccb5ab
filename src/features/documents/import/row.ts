// Step 2 of an import: check one manifest row and turn its raw values into the fields a draft takes.
// Pure (no database, no files): what needs the database (the organization, doc numbers it refers
// to) or the folder (正文文件, 附件) is resolved when the row is imported.
import { addDays, chinaDate, compareDates, isIsoDate, type IsoDate } from '../../../domain/dates.js';
import { DISCLOSURE_LABELS, DOC_TYPE_LABELS, FORM_LABELS } from '../../../domain/document-metadata.js';
import { bodyHtml } from '../../../domain/plain-text.js';
import type { DocumentFields } from '../drafts.js';
import { DISCLOSURES, DOC_TYPES, INTERPRETATION_FORMS, type Disclosure, type DocType, type InterpretationForm } from '../schema.js';
import type { Field, RawRow, RawValue } from './manifest.js';

export interface ImportRow {
  rowNo: number;
  /** Organization code or full name, as the manifest gives it. */
  org: string;
  /** The source system's id; when absent it is derived from organization, doc number and title. */
  key: string | null;
  fields: Omit<DocumentFields, 'interpretationOf'>;
  publishedOn: IsoDate;
  /** A historical 索引号 to keep. */
  indexNo: string | null;
  /** A .txt or .html file in the manifest's folder holding the body. */
  bodyFile: string | null;
  attachments: string[];
  /** Doc numbers of the documents this one repeals. */
  repeals: string[];
  /** Doc number of the policy this row interprets. */
  interpretationOf: string | null;
}

export type RowCheck = { ok: true; row: ImportRow } | { ok: false; rowNo: number; title: string; problems: string[] };

const DOC_TYPE_NAMES: Record<string, DocType> = {
  ...Object.fromEntries(Object.entries(DOC_TYPE_LABELS).map(([k, v]) => [v, k as DocType])),
  行政规范性文件: 'normative',
  规范性文件: 'normative',
  规章: 'regulation',
  政府规章: 'regulation',
  政策文件: 'policy',
  其他政策文件: 'policy',
  其他: 'general',
  其他政府信息: 'general',
  一般文件: 'general',
};
const DISCLOSURE_NAMES: Record<string, Disclosure> = Object.fromEntries(Object.entries(DISCLOSURE_LABELS).map(([k, v]) => [v, k as Disclosure]));
const FORM_NAMES: Record<string, InterpretationForm> = { ...Object.fromEntries(Object.entries(FORM_LABELS).map(([k, v]) => [v, k as InterpretationForm])), 文字: 'text', 图文: 'graphic', 图解: 'graphic', 问答: 'qa', 视频: 'video', 访谈: 'interview' };

function text(v: RawValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(text).join(';');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** A list: a JSON array, or text separated by the given separators. */
function list(v: RawValue | undefined, separators: RegExp): string[] {
  const items = Array.isArray(v) ? v.map(text) : text(v).split(separators);
  return [...new Set(items.map((s) => s.trim()).filter(Boolean))];
}

const pad = (n: string) => n.padStart(2, '0');

/** 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, an Excel date cell or serial number. */
export function parseDate(v: RawValue | undefined): IsoDate | null | 'invalid' {
  if (v === undefined || v === null || v === '') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    // Excel's day count from 1899-12-30 (what a date cell holds when it is not formatted as a date).
    if (!Number.isInteger(v) || v < 20000 || v > 80000) return 'invalid';
    return addDays('1899-12-30', v);
  }
  const s = text(v);
  if (!s) return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return 'invalid';
  const iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  return isIsoDate(iso) ? iso : 'invalid';
}

const LABELS: Partial<Record<Field, string>> = { writtenOn: '成文日期', publishedOn: '发布日期', effectiveOn: '施行日期', expiresOn: '有效期至', formedOn: '形成日期' };

export function checkRow(raw: RawRow, today: IsoDate = chinaDate(new Date())): RowCheck {
  const v = raw.values;
  const problems: string[] = [];
  const title = text(v.title);
  if (!title) problems.push('缺少标题');
  const org = text(v.org);
  if (!org) problems.push('缺少发布机构（机构代码或名称）');

  const dates: Partial<Record<Field, IsoDate | null>> = {};
  for (const f of ['writtenOn', 'publishedOn', 'effectiveOn', 'expiresOn', 'formedOn'] as const) {
    const d = parseDate(v[f]);
    if (d === 'invalid') problems.push(`${LABELS[f]}无效：“${text(v[f])}”，应为 YYYY-MM-DD`);
    else dates[f] = d;
  }
  const publishedOn = dates.publishedOn ?? dates.writtenOn ?? null;
  if (!publishedOn && 'publishedOn' in dates && 'writtenOn' in dates) problems.push('缺少发布日期（或成文日期）');
  if (publishedOn && compareDates(publishedOn, today) > 0) problems.push(`发布日期（${publishedOn}）晚于今天：导入的是已发布的历史文件`);

  let docType: DocType = 'general';
  const typeText = text(v.docType);
  if (typeText) {
    const t = (DOC_TYPES as readonly string[]).includes(typeText) ? (typeText as DocType) : DOC_TYPE_NAMES[typeText];
    if (!t) problems.push(`未知的文件类型：“${typeText}”（可填 行政规范性文件、规章、政策文件、其他）`);
    else docType = t;
  }
  let disclosure: Disclosure = 'proactive';
  const disclosureText = text(v.disclosure);
  if (disclosureText) {
    const d = (DISCLOSURES as readonly string[]).includes(disclosureText) ? (disclosureText as Disclosure) : DISCLOSURE_NAMES[disclosureText];
    if (!d) problems.push(`未知的公开属性：“${disclosureText}”（可填 主动公开、依申请公开、不予公开）`);
    else disclosure = d;
  }
  const interpretationOf = text(v.interpretationOf) || null;
  let interpretationForm: InterpretationForm | null = null;
  const formText = text(v.interpretationForm);
  if (formText) {
    const f = (INTERPRETATION_FORMS as readonly string[]).includes(formText) ? (formText as InterpretationForm) : FORM_NAMES[formText];
    if (!f) problems.push(`未知的解读形式：“${formText}”（可填 文字、图解、问答、视频、访谈）`);
    else interpretationForm = f;
  }
  const body = text(v.body);
  const bodyFile = text(v.bodyFile) || null;
  if (body && bodyFile) problems.push('正文和正文文件只能填一个');
  if (bodyFile && !/\.(txt|html?)$/i.test(bodyFile)) problems.push(`正文文件须为 .txt 或 .html：“${bodyFile}”`);

  if (problems.length) return { ok: false, rowNo: raw.rowNo, title, problems };
  return {
    ok: true,
    row: {
      rowNo: raw.rowNo,
      org,
      key: text(v.key) || null,
      fields: {
        title,
        docNumber: text(v.docNumber),
        writtenOn: dates.writtenOn ?? null,
        effectiveOn: dates.effectiveOn ?? null,
        expiresOn: dates.expiresOn ?? null,
        formedOn: dates.formedOn ?? null,
        genre: text(v.genre),
        docType,
        topic: text(v.topic),
        keywords: list(v.keywords, /[，,;；\s、]+/),
        coIssuers: list(v.coIssuers, /[，,;；、\n]+/),
        summary: text(v.summary),
        body: body ? bodyHtml(body) : '',
        disclosure,
        disclosureReason: text(v.disclosureReason),
        interpretationForm: interpretationOf ? (interpretationForm ?? 'text') : null,
      },
      publishedOn: publishedOn!,
      indexNo: text(v.indexNo) || null,
      bodyFile,
      attachments: list(v.attachments, /[;；\n]+/),
      repeals: list(v.repeals, /[;；,，、\n]+/),
      interpretationOf,
    },
  };
}
