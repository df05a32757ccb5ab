// Checks of a document's metadata before publishing (issue #3 item 3): required fields by kind of
// document, consistent dates, the disclosure attribute's legal ground (RULES.md §3).
import { compareDates, formatChineseDate, type IsoDate } from './dates.js';

export const DOC_TYPE_LABELS = { normative: '行政规范性文件', regulation: '政府规章', policy: '其他政策文件', general: '其他政府信息' } as const;
export const DISCLOSURE_LABELS = { proactive: '主动公开', on_request: '依申请公开', withheld: '不予公开' } as const;
export const FORM_LABELS = { text: '文字解读', graphic: '图解', qa: '问答', video: '视频', interview: '访谈' } as const;

export type MetadataSeverity = 'block' | 'warn';

export interface MetadataProblem {
  code: string;
  severity: MetadataSeverity;
  field: string;
  message: string;
}

export interface DocumentMetadata {
  title: string;
  docNumber: string;
  docType: 'normative' | 'regulation' | 'policy' | 'general';
  genre: string;
  topic: string;
  summary: string;
  body: string;
  writtenOn: IsoDate | null;
  effectiveOn: IsoDate | null;
  expiresOn: IsoDate | null;
  formedOn: IsoDate | null;
  disclosure: 'proactive' | 'on_request' | 'withheld';
  disclosureReason: string;
  interpretationOf: number | null;
  interpretationForm: string | null;
}

const POLICY_TYPES = new Set(['normative', 'regulation', 'policy']);

export function metadataProblems(doc: DocumentMetadata, publishOn: IsoDate): MetadataProblem[] {
  const out: MetadataProblem[] = [];
  const need = (field: keyof DocumentMetadata, ok: boolean, label: string, severity: MetadataSeverity = 'block') => {
    if (!ok) out.push({ code: 'missing', severity, field, message: `缺少${label}` });
  };
  need('title', doc.title.trim().length > 0, '标题');
  need('body', doc.body.trim().length > 0, '正文');
  need('topic', doc.topic.length > 0, '主题分类');
  need('writtenOn', doc.writtenOn !== null, '成文日期');
  if (POLICY_TYPES.has(doc.docType) && !doc.interpretationOf) {
    // Policy files carry the metadata of the gov.cn policy library.
    need('docNumber', doc.docNumber.trim().length > 0, '发文字号（政策文件必填）');
    need('genre', doc.genre.trim().length > 0, '文种（政策文件必填）');
    need('effectiveOn', doc.effectiveOn !== null, '施行日期（政策文件必填）');
  }
  need('summary', doc.summary.trim().length > 0, '内容概述（公开目录须列明，条例第十二条）', 'warn');
  if (doc.interpretationOf && !doc.interpretationForm) need('interpretationForm', false, '解读形式');

  // 主动公开 is the rule; anything else states its legal ground (条例第十四—十六条).
  if (doc.disclosure !== 'proactive' && doc.disclosureReason.trim().length < 4) {
    out.push({ code: 'disclosure_reason', severity: 'block', field: 'disclosureReason', message: '公开属性为依申请公开或不予公开时，须写明依据（条例第十四条至第十六条）' });
  }
  if (doc.disclosure !== 'proactive') {
    out.push({ code: 'not_proactive', severity: 'block', field: 'disclosure', message: '公开属性不是主动公开的文件不能在门户发布' });
  }

  const date = (d: IsoDate | null) => (d ? formatChineseDate(d) : '');
  if (doc.writtenOn && compareDates(doc.writtenOn, publishOn) > 0) {
    out.push({ code: 'dates', severity: 'block', field: 'writtenOn', message: `成文日期（${date(doc.writtenOn)}）晚于发布日期（${date(publishOn)}）` });
  }
  if (doc.writtenOn && doc.effectiveOn && compareDates(doc.effectiveOn, doc.writtenOn) < 0) {
    out.push({ code: 'dates', severity: 'block', field: 'effectiveOn', message: `施行日期（${date(doc.effectiveOn)}）早于成文日期（${date(doc.writtenOn)}）` });
  }
  if (doc.expiresOn && compareDates(doc.expiresOn, doc.effectiveOn ?? doc.writtenOn ?? doc.expiresOn) <= 0 && (doc.effectiveOn || doc.writtenOn)) {
    out.push({ code: 'dates', severity: 'block', field: 'expiresOn', message: `有效期截止日（${date(doc.expiresOn)}）不晚于施行日期` });
  }
  if (doc.expiresOn && compareDates(doc.expiresOn, publishOn) < 0) {
    out.push({ code: 'dates', severity: 'warn', field: 'expiresOn', message: `有效期已于${date(doc.expiresOn)}届满，发布后将显示为失效` });
  }
  if (doc.formedOn && doc.writtenOn && compareDates(doc.formedOn, doc.writtenOn) < 0) {
    out.push({ code: 'dates', severity: 'warn', field: 'formedOn', message: `信息形成日期（${date(doc.formedOn)}）早于成文日期` });
  }
  return out;
}
