// The first text of an annual report's sections 一, 五 and 六, written from the year's figures (issue #6
// item 2), for staff to rewrite: every agency opens its report with the same few sentences on what it
// published and how it answered applications, and section 六 must say whether fees were collected.
// What the data cannot say is left as a 【待填写：…】 note; a report still holding one is not published
// (unfinishedSections), so a draft sentence never reaches the public by oversight.
//
// Pure: the caller counts the facts.
import type { ReportIssue } from './annual-report-check.js';
import { SECTION_TITLES, type TextSectionKey } from './annual-report-format.js';

export const TEXT_SECTION_KEYS: readonly TextSectionKey[] = ['overview', 'problems', 'other'];

export interface DraftFacts {
  orgName: string;
  year: number;
  /** Policy files and other documents first published in the year (interpretations apart). */
  documentsPublished: number;
  /** 政策解读 first published in the year. */
  interpretationsPublished: number;
  /** 行政规范性文件 made in the year (table 二). */
  normativeMade: number;
  applications: {
    received: number;
    carriedIn: number;
    /** Cases decided in the year (table 三's （七）总计). */
    decided: number;
    carriedOut: number;
    /** Replies sent in the year, and those sent on or before their due date. */
    replied: number;
    repliedInTime: number;
  };
  appeals: { reconsideration: number; litigation: number; corrected: number };
  /** 信息处理费 collected in the year, in yuan; null or 0 when none was collected. */
  feesYuan: number | null;
  /** Whether last year's report is known (section 五 then follows up its problems). */
  hasLastYear: boolean;
}

const TO_FILL = '【待填写';

/** A note for staff inside a draft: what the data cannot tell. */
const toFill = (what: string) => `${TO_FILL}：${what}】`;

function percent(part: number, whole: number): string {
  const p = (part / whole) * 100;
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`;
}

function yuan(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

function overview(f: DraftFacts): string {
  const a = f.applications;
  const proactive =
    `（一）主动公开。${f.year}年，${f.orgName}主动公开政府信息${f.documentsPublished}条，发布政策解读${f.interpretationsPublished}篇` +
    (f.normativeMade ? `，制发行政规范性文件${f.normativeMade}件` : '') +
    '。';
  const inTime = a.replied ? `其中在法定期限内答复${a.repliedInTime}件，占${percent(a.repliedInTime, a.replied)}` : '';
  const onRequest =
    `（二）依申请公开。全年新收政府信息公开申请${a.received}件，上年结转${a.carriedIn}件；办理完结${a.decided}件，结转下年度继续办理${a.carriedOut}件。` +
    (a.replied ? `全年作出答复${a.replied}件，${inTime}。` : '');
  const appeals = f.appeals.reconsideration + f.appeals.litigation;
  const review = appeals
    ? `（三）复议诉讼。因政府信息公开被申请行政复议${f.appeals.reconsideration}件、被提起行政诉讼${f.appeals.litigation}件，其中被纠正${f.appeals.corrected}件。`
    : '（三）复议诉讼。全年未发生因政府信息公开引起的行政复议和行政诉讼。';
  return [
    `${f.year}年，${f.orgName}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`,
    proactive,
    onRequest,
    review,
    `（四）${toFill('政府信息管理、平台建设、监督保障等情况')}`,
  ].join('\n');
}

function problems(f: DraftFacts): string {
  const late = f.applications.replied - f.applications.repliedInTime;
  const found = late ? `本年有${late}件政府信息公开申请未在法定期限内答复。` : '';
  return [
    `（一）存在的主要问题。${found}${toFill('本年工作中存在的主要问题')}`,
    `（二）改进情况。${f.hasLastYear ? `针对${f.year - 1}年年度报告所列问题，${toFill('逐项说明改进情况')}` : toFill('改进措施')}`,
  ].join('\n');
}

function other(f: DraftFacts): string {
  const fees = f.feesYuan ? `本年度收取信息处理费${yuan(f.feesYuan)}元。` : '本年度未收取信息处理费。';
  return fees;
}

/** The draft text of sections 一, 五 and 六. */
export function draftSections(f: DraftFacts): Record<TextSectionKey, string> {
  return { overview: overview(f), problems: problems(f), other: other(f) };
}

/** Errors for each section that still holds a 【待填写：…】 note of the draft. */
export function unfinishedSections(sections: Partial<Record<TextSectionKey, string>>): ReportIssue[] {
  return TEXT_SECTION_KEYS.filter((k) => sections[k]?.includes(TO_FILL)).map((section) => ({
    section,
    message: `${SECTION_TITLES[section]}：还有“${TO_FILL}…】”的内容，请按实际情况改写后再发布`,
  }));
}
