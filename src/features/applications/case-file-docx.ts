// The Word documents of a case file (卷宗) other than the letters: the application as registered,
// the record of handling, and the index of the file's documents (卷内文件目录). Plain A4 tables in
// 仿宋, titled in 小标宋 like the letters, for printing and binding with them.
import { AlignmentType, BorderStyle, convertMillimetersToTwip, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { A4, LETTER_FONTS } from './letters/docx.js';

type Fonts = { ascii: string; hAnsi: string; eastAsia: string; cs: string };
const font = (name: string): Fonts => ({ ascii: LETTER_FONTS.latin, hAnsi: LETTER_FONTS.latin, eastAsia: name, cs: name });

/** 四号 (14 pt) in tables, 二号 title: in half-points. */
const SIZE = { title: 44, text: 28 } as const;

export type RecordBlock =
  | { kind: 'fields'; heading?: string; rows: readonly (readonly [string, string])[] }
  | { kind: 'table'; heading?: string; columns: readonly string[]; rows: readonly (readonly string[])[] };

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function text(t: string, bold = false): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: t, bold, font: font(LETTER_FONTS.body), size: SIZE.text })] });
}

function cell(t: string, bold = false): TableCell {
  // Multi-line values (a note, an explanation) keep their lines.
  return new TableCell({ borders, children: t.split('\n').map((line) => text(line, bold)) });
}

function table(header: readonly string[] | null, rows: readonly (readonly string[])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...(header ? [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) })] : []), ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) }))],
  });
}

export async function recordDocx(title: string, blocks: readonly RecordBlock[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: title, font: font(LETTER_FONTS.title), size: SIZE.title })] }),
  ];
  for (const b of blocks) {
    if (b.heading) children.push(new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: b.heading, bold: true, font: font(LETTER_FONTS.body), size: SIZE.text })] }));
    children.push(b.kind === 'fields' ? table(null, b.rows) : table(b.columns, b.rows));
  }
  const doc = new Document({
    title,
    creator: 'Gongkai',
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: convertMillimetersToTwip(37), bottom: convertMillimetersToTwip(35), left: convertMillimetersToTwip(28), right: convertMillimetersToTwip(26) },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
