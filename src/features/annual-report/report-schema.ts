// The shape of a report's tables and text as the API and the import file take them (TypeBox): every
// figure a non-negative whole number but 行政事业性收费 (万元, with decimals); a draft's patch names only
// what changes, a report published elsewhere gives every figure.
import { Type, type TSchema } from 'typebox';
import { APPEAL_COLUMN_KEYS, APPEAL_GROUP_KEYS } from '../../domain/annual-report-format.js';
import { TALLY_COLUMNS, TALLY_ROWS } from '../../domain/annual-report-tally.js';
import { describeValidationError, Strict, validatorCompiler } from '../../http/validation.js';

export const Year = Type.Integer({ minimum: 2008, maximum: 2100 });
const Count = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const TenThousandYuan = Type.Number({ minimum: 0, maximum: 100_000_000 });
const Text = Type.String({ maxLength: 20_000 });

/** An object of the given keys, each holding `value`; all required or all optional. */
function keyed(keys: readonly string[], value: TSchema, optional: boolean) {
  return Strict(Object.fromEntries(keys.map((k) => [k, optional ? Type.Optional(value) : value])));
}

export function tablesSchema(optional: boolean) {
  const issued = keyed(['made', 'repealed', 'inForce'], Count, optional);
  const decisions = optional ? Type.Union([Count, Type.Null()]) : Count;
  const proactive = Strict(
    Object.fromEntries(
      [
        ['regulations', issued],
        ['normativeDocuments', issued],
        ['licensing', decisions],
        ['penalties', decisions],
        ['enforcement', decisions],
        ['feesTenThousandYuan', optional ? Type.Union([TenThousandYuan, Type.Null()]) : TenThousandYuan],
      ].map(([k, v]) => [k as string, optional ? Type.Optional(v as TSchema) : (v as TSchema)]),
    ),
  );
  const applications = keyed(TALLY_ROWS, keyed(TALLY_COLUMNS, Count, optional), optional);
  const appeals = keyed(APPEAL_GROUP_KEYS, keyed(APPEAL_COLUMN_KEYS, Count, optional), optional);
  return optional
    ? Strict({ proactive: Type.Optional(proactive), applications: Type.Optional(applications), appeals: Type.Optional(appeals) })
    : Strict({ proactive, applications, appeals });
}

export const Sections = Strict({ overview: Type.Optional(Text), problems: Type.Optional(Text), other: Type.Optional(Text) });


/** A report file to import: the fixture shape (other fields, such as its title, are let through). */
const ReportFile = Type.Object({ tables: tablesSchema(false), sections: Type.Optional(Sections), publishedOn: Type.Optional(Type.String({ format: 'date' })) });
const checkFile = validatorCompiler({ schema: ReportFile, httpPart: 'body' } as never) as unknown as ((data: unknown) => boolean) & { errors?: Parameters<typeof describeValidationError>[0][] };

/** The problems of an import file's content, in Chinese; none when it has the report's shape. */
export function reportFileProblems(data: unknown): string[] {
  if (checkFile(data)) return [];
  return (checkFile.errors ?? []).map((e) => describeValidationError(e, '文件'));
}
