// Step 1 of an import: read the manifest — JSON (an array, or { documents: [...] }), CSV (UTF-8 with
// or without BOM, or GBK as Excel exports it on Chinese Windows) or xlsx (first sheet) — into rows of
// raw values keyed by the English field names; Chinese column headers are aliases.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** A manifest that cannot be read at all: wrong usage, not a rejected row. */
export class ManifestError extends Error {}

export const FIELDS = [
  'title',
  'docNumber',
  'org',
  'writtenOn',
  'publishedOn',
  'effectiveOn',
  'expiresOn',
  'formedOn',
  'genre',
  'docType',
  'topic',
  'keywords',
  'coIssuers',
  'summary',
  'body',
  'bodyFile',
  'attachments',
  'disclosure',
  'disclosureReason',
  'indexNo',
  'key',
  'repeals',
  'interpretationOf',
  'interpretationForm',
] as const;
export type Field = (typeof FIELDS)[number];

const ALIASES: Record<Field, string[]> = {
  title: ['标题', '文件标题', '名称'],
  docNumber: ['文号', '发文字号'],
  org: ['发布机构', '机构代码', '发文机关', 'orgCode', 'issuer'],
  writtenOn: ['成文日期'],
  publishedOn: ['发布日期', 'publishedAt'],
  effectiveOn: ['施行日期', '生效日期'],
  expiresOn: ['有效期至', '失效日期'],
  formedOn: ['形成日期', '信息形成日期'],
  genre: ['文种'],
  docType: ['文件类型'],
  topic: ['主题分类'],
  keywords: ['关键词', '主题词'],
  coIssuers: ['联合发文机关', '联合发文单位'],
  summary: ['内容概述', '摘要'],
  body: ['正文'],
  bodyFile: ['正文文件'],
  attachments: ['附件'],
  disclosure: ['公开属性', '公开方式'],
  disclosureReason: ['公开属性理由', '不公开理由', '理由', 'reason'],
  indexNo: ['索引号'],
  key: ['来源编号', 'sourceKey', 'id'],
  repeals: ['废止'],
  interpretationOf: ['解读对象'],
  interpretationForm: ['解读形式'],
};

const byHeader = new Map<string, Field>();
for (const f of FIELDS) for (const name of [f, ...ALIASES[f]]) byHeader.set(name.toLowerCase(), f);

/** The field a column header stands for: the English key (any case) or a Chinese alias. */
export function fieldOf(header: string): Field | undefined {
  return byHeader.get(header.replace(/^\uFEFF/, '').trim().toLowerCase());
}

export type RawValue = string | number | boolean | Date | null | RawValue[];

export interface RawRow {
  /** What the operator sees: the spreadsheet row (the header is row 1), or the position in a JSON array. */
  rowNo: number;
  values: Partial<Record<Field, RawValue>>;
}

export interface Manifest {
  /** The folder that referenced files (正文文件, 附件) are read from. */
  folder: string;
  file: string;
  format: 'json' | 'csv' | 'xlsx';
  rows: RawRow[];
  /** Columns or keys that are not known fields: ignored, and reported to the operator. */
  unknownColumns: string[];
}

const MANIFEST_NAMES = ['manifest.json', 'manifest.csv', 'manifest.xlsx'];

/** UTF-8 (BOM stripped) when the bytes are valid UTF-8, otherwise GBK. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gbk').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** RFC 4180 CSV: quoted fields with "" for a quote, commas and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function fromTable(table: RawValue[][], firstRowNo: number): Pick<Manifest, 'rows' | 'unknownColumns'> {
  const [header, ...body] = table;
  if (!header) throw new ManifestError('清单为空：缺少表头行');
  const columns = header.map((h) => fieldOf(String(h ?? '')));
  if (!columns.includes('title')) throw new ManifestError('清单表头缺少“标题”（title）列');
  const unknownColumns = header.filter((h, i) => !columns[i] && String(h ?? '').trim()).map((h) => String(h).trim());
  const rows: RawRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) return;
    const values: RawRow['values'] = {};
    columns.forEach((f, j) => {
      if (f && cells[j] !== undefined && cells[j] !== null && cells[j] !== '') values[f] = cells[j];
    });
    rows.push({ rowNo: firstRowNo + 1 + i, values });
  });
  return { rows, unknownColumns };
}

function fromJson(text: string): Pick<Manifest, 'rows' | 'unknownColumns'> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(`清单不是有效的 JSON：${(err as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { documents?: unknown })?.documents;
  if (!Array.isArray(list)) throw new ManifestError('JSON 清单应为文件数组，或含 documents 数组的对象');
  const unknown = new Set<string>();
  const rows = list.map((item, i): RawRow => {
    const values: RawRow['values'] = {};
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
        const f = fieldOf(k);
        if (!f) unknown.add(k);
        else if (v !== null && v !== undefined) values[f] = v as RawValue;
      }
    }
    return { rowNo: i + 1, values };
  });
  return { rows, unknownColumns: [...unknown] };
}

/** A cell as a plain value: rich text and hyperlinks as their text, formulas as their result. */
function cellValue(v: ExcelJS.CellValue): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('error' in v) return null;
  }
  return String(v);
}

async function fromXlsx(bytes: Buffer): Promise<Pick<Manifest, 'rows' | 'unknownColumns'>> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as never);
  } catch (err) {
    throw new ManifestError(`无法读取 xlsx 清单：${(err as Error).message}`);
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new ManifestError('xlsx 清单中没有工作表');
  const table: RawValue[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: RawValue[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    table.push(cells);
  }
  return fromTable(table, 1);
}

/** Reads a manifest file, or the manifest.json / .csv / .xlsx in a folder. */
export async function readManifest(source: string): Promise<Manifest> {
  const resolved = path.resolve(source);
  if (!existsSync(resolved)) throw new ManifestError(`找不到文件或文件夹：${source}`);
  let file = resolved;
  if (statSync(resolved).isDirectory()) {
    const found = MANIFEST_NAMES.map((n) => path.join(resolved, n)).filter((p) => existsSync(p));
    if (!found.length) throw new ManifestError(`文件夹 ${source} 中没有 manifest.json、manifest.csv 或 manifest.xlsx`);
    if (found.length > 1) throw new ManifestError(`文件夹 ${source} 中有多个清单（${found.map((p) => path.basename(p)).join('、')}），请只保留一个`);
    file = found[0];
  }
  const ext = path.extname(file).toLowerCase();
  const bytes = readFileSync(file);
  const folder = path.dirname(file);
  if (ext === '.json') return { folder, file, format: 'json', ...fromJson(decodeText(bytes)) };
  if (ext === '.csv') return { folder, file, format: 'csv', ...fromTable(parseCsv(decodeText(bytes)), 1) };
  if (ext === '.xlsx') return { folder, file, format: 'xlsx', ...(await fromXlsx(bytes)) };
  throw new ManifestError(`不支持的清单格式“${ext || path.basename(file)}”：应为 .json、.csv 或 .xlsx`);
}
