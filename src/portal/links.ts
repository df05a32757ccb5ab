// Addresses of public pages that several areas link to (search results, feeds, the API's \`url\`
// fields), in one place so a page can move without a hunt through the code.
export const documentHref = (id: number) => `/zfxxgk/wj/${id}`;
export const KNOWLEDGE = '/zfxxgk/zsk';
export const knowledgeHref = (id: number) => `${KNOWLEDGE}/${id}`;
// 依申请公开: how to apply, the form (and its check for published documents), the receipt, tracking.
export const APPLY = '/zfxxgk/ysqgk';
export const APPLY_FORM = `${APPLY}/sq`;
export const APPLY_CHECK = `${APPLY_FORM}/check`;
export const APPLY_RECEIPT = `${APPLY}/hz`;
export const TRACK = `${APPLY}/cx`;
export const trackLetterHref = (letterId: number) => `${TRACK}/ws/${letterId}`;
// 年度报告: every year's published reports, and one report with its Word and JSON downloads.
export const ANNUAL_REPORTS = '/zfxxgk/ndbg';
export const annualReportHref = (orgCode: string, year: number, ext?: 'docx' | 'json') => `${ANNUAL_REPORTS}/${encodeURIComponent(orgCode)}/${year}${ext ? `.${ext}` : ''}`;
// 意见征集: consultations on draft policies, one with its draft, the comment form and the adoption report.
export const CONSULTATIONS = '/zfxxgk/yjzj';
export const consultationHref = (id: number) => `${CONSULTATIONS}/${id}`;
// 列席会议: government meetings attended by citizens' representatives, their opinions and the handling.
export const MEETINGS = '/zfxxgk/lxhy';
export const meetingHref = (id: number) => `${MEETINGS}/${id}`;
// 重大行政决策: the governments' decision catalogues by year, and one decision's whole path.
export const DECISIONS = '/zfxxgk/zdjc';
export const decisionCatalogHref = (orgCode: string, year: number) => `${DECISIONS}/${encodeURIComponent(orgCode)}/${year}`;
export const decisionHref = (id: number) => `${DECISIONS}/${id}`;
