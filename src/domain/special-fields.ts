// Special columns (专题栏目) and the fields their documents carry: 规划 (plans, by category and
// period), 财政预决算 (budgets and final accounts, by year, kind and body) and 重大建设项目 (major
// construction projects, by name and stage — the stages 国办发〔2018〕134号 lists for
// 重大建设项目批准和实施领域政府信息公开). Pure: the definitions and their validation.

export const COLUMN_KINDS = ['general', 'plan', 'budget', 'project'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];
export type SpecialKind = Exclude<ColumnKind, 'general'>;

export const COLUMN_KIND_LABELS: Record<ColumnKind, string> = { general: '普通栏目', plan: '规划信息', budget: '财政预决算', project: '重大建设项目' };

export const PLAN_CATEGORIES = ['发展规划', '专项规划', '空间规划', '区域规划', '历史规划'] as const;
export const BUDGET_CATEGORIES = ['预算', '决算', '“三公”经费'] as const;
export const BUDGET_ENTITIES = ['部门', '本级政府'] as const;
export const PROJECT_STAGES = ['批准服务', '批准结果', '招标投标', '征收土地', '重大设计变更', '施工管理', '质量安全监督', '竣工验收'] as const;

export interface SpecialFieldDef {
  key: string;
  label: string;
  /** A closed list of values, or a free text checked by `problem`. */
  options?: readonly string[];
  /** What to enter, shown beside the input. */
  hint?: string;
  /** Normalizes a free value; returns the stored value, or a message in Chinese. */
  check?: (value: string) => { value: string } | { problem: string };
}

/** '2021—2025', '2021-2025', '2021–2025' or '2021至2025' → '2021—2025' (the start before the end, at most 30 years). */
function checkPeriod(value: string): { value: string } | { problem: string } {
  const m = /^(\d{4})\s*(?:—|–|-|－|~|～|至)\s*(\d{4})$/.exec(value);
  if (!m) return { problem: '规划期应写作“起始年—终止年”，例如 2021—2025' };
  const [from, to] = [Number(m[1]), Number(m[2])];
  if (to <= from || to - from > 30) return { problem: '规划期的终止年须晚于起始年，且不超过30年' };
  return { value: `${from}—${to}` };
}

function checkYear(value: string): { value: string } | { problem: string } {
  const m = /^(\d{4})年?$/.exec(value);
  if (!m || Number(m[1]) < 1990 || Number(m[1]) > 2100) return { problem: '年度应为四位年份，例如 2026' };
  return { value: m[1]! };
}

function checkName(value: string): { value: string } | { problem: string } {
  return value.length > 100 ? { problem: '项目名称不能超过100个字' } : { value };
}

export const SPECIAL_FIELDS: Record<SpecialKind, SpecialFieldDef[]> = {
  plan: [
    { key: 'planCategory', label: '规划类别', options: PLAN_CATEGORIES },
    { key: 'planPeriod', label: '规划期', hint: '例如 2021—2025', check: checkPeriod },
  ],
  budget: [
    { key: 'fiscalYear', label: '年度', hint: '例如 2026', check: checkYear },
    { key: 'budgetCategory', label: '类别', options: BUDGET_CATEGORIES },
    { key: 'budgetEntity', label: '主体', options: BUDGET_ENTITIES },
  ],
  project: [
    { key: 'projectName', label: '项目名称', check: checkName },
    { key: 'projectStage', label: '项目阶段', options: PROJECT_STAGES },
  ],
};

export const isSpecialKind = (kind: string): kind is SpecialKind => kind in SPECIAL_FIELDS;

/** The field definitions that apply to a document in columns of these kinds, each once. */
export function fieldsForKinds(kinds: readonly string[]): SpecialFieldDef[] {
  const special = [...new Set(kinds)].filter(isSpecialKind);
  return special.flatMap((k) => SPECIAL_FIELDS[k]);
}

export type SpecialFieldsResult = { ok: true; fields: Record<string, string> } | { ok: false; message: string };

/**
 * Checks a document's special fields against the kinds of the columns it is in: each field of those
 * kinds is required and valid; values are trimmed and normalized; fields of other kinds are dropped
 * (a document taken out of a special column loses them).
 */
export function validateSpecialFields(kinds: readonly string[], input: Record<string, string> | null | undefined): SpecialFieldsResult {
  const fields: Record<string, string> = {};
  for (const def of fieldsForKinds(kinds)) {
    const raw = (input?.[def.key] ?? '').trim();
    if (!raw) return { ok: false, message: `请填写“${def.label}”（${kindOf(def)}栏目的文件必填）` };
    if (def.options && !def.options.includes(raw)) return { ok: false, message: `“${def.label}”应为以下之一：${def.options.join('、')}` };
    const checked = def.check ? def.check(raw) : { value: raw };
    if ('problem' in checked) return { ok: false, message: checked.problem };
    fields[def.key] = checked.value;
  }
  return { ok: true, fields };
}

function kindOf(def: SpecialFieldDef): string {
  const kind = (Object.keys(SPECIAL_FIELDS) as SpecialKind[]).find((k) => SPECIAL_FIELDS[k].includes(def))!;
  return COLUMN_KIND_LABELS[kind];
}

/** [label, value] pairs to show, in the definitions' order, for the fields a document has. */
export function specialFieldRows(fields: Record<string, string> | null | undefined): [string, string][] {
  if (!fields) return [];
  return Object.values(SPECIAL_FIELDS)
    .flat()
    .filter((def) => fields[def.key])
    .map((def) => [def.label, fields[def.key]!]);
}
