// Input validation for every route: JSON Schema (written with TypeBox) checked by Ajv, with the
// failures turned into Chinese a person can act on.
//
// Two Ajv instances on purpose: bodies are checked exactly as sent (no silent coercion of "12" to 12,
// no silent dropping of unknown fields — both would hide a client's mistake and store something the
// client did not mean); query strings and path parameters arrive as text and are coerced.
import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { Type, type TSchema, type TObject, type TProperties, type TObjectOptions } from 'typebox';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const common: Options = { allErrors: false, strict: false, removeAdditional: false, useDefaults: true };
const bodyAjv = addFormats(new Ajv({ ...common, coerceTypes: false }));
const paramAjv = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));

export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : paramAjv;
  return ajv.compile(schema) as never;
};

/** An object schema that rejects fields it does not name (TypeBox allows them by default). */
/** A schema for one of these string values (an enum of the domain). */
export const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export function Strict<P extends TProperties>(properties: P, options: TObjectOptions = {}): TObject<P> {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

const PART_LABEL: Record<string, string> = {
  body: '请求内容',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

const TYPE_LABEL: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '布尔值（true 或 false）',
  object: '对象',
  array: '数组',
  null: '空值',
};

function fieldName(err: ErrorObject): string {
  // '/roles/0' → 'roles[0]'
  return err.instancePath
    .split('/')
    .filter(Boolean)
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
}

const FORMAT_LABEL: Record<string, string> = {
  date: 'YYYY-MM-DD 格式的日期',
  'date-time': 'ISO 8601 格式的日期时间',
  email: '电子邮箱地址',
  uri: '网址',
};

/** One Chinese sentence for one Ajv failure. */
export function describeValidationError(err: ErrorObject, part: string): string {
  const where = PART_LABEL[part] ?? part;
  const f = fieldName(err);
  const field = f ? `字段“${f}”` : where;
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required':
      return `${where}缺少必填字段“${f ? `${f}.` : ''}${p.missingProperty}”`;
    case 'additionalProperties':
      return `${where}中有不允许的字段“${f ? `${f}.` : ''}${p.additionalProperty}”`;
    case 'type': {
      const types = String(p.type).split(',').map((t) => TYPE_LABEL[t] ?? t).join('或');
      return `${field}类型错误，应为${types}`;
    }
    case 'minLength':
      return Number(p.limit) <= 1 ? `${field}不能为空` : `${field}不能少于 ${p.limit} 个字符`;
    case 'maxLength':
      return `${field}不能超过 ${p.limit} 个字符`;
    case 'format':
      return `${field}格式不正确，应为${FORMAT_LABEL[String(p.format)] ?? String(p.format)}`;
    case 'pattern':
      return `${field}格式不正确`;
    case 'enum':
    case 'const': {
      const allowed = (p.allowedValues as unknown[] | undefined) ?? [p.allowedValue];
      return `${field}的取值无效，可选：${allowed.join('、')}`;
    }
    case 'minimum':
      return `${field}不能小于 ${p.limit}`;
    case 'maximum':
      return `${field}不能大于 ${p.limit}`;
    case 'minItems':
      return `${field}至少需要 ${p.limit} 项`;
    case 'maxItems':
      return `${field}最多 ${p.limit} 项`;
    case 'uniqueItems':
      return `${field}中有重复项`;
    default:
      return `${field}不符合要求`;
  }
}
