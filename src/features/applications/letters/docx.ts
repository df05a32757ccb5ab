// A stored letter as a Word file in the layout of official documents (GB/T 9704-2012 党政机关公文格式):
// A4; 天头 37 mm, 订口 28 mm, so the type area is 156 × 225 mm (bottom 35 mm, right 26 mm); 22 lines
// of 28 characters, i.e. 三号 (16 pt) text on a fixed 29 pt line; 文号 centred above the title; title
// in 二号 方正小标宋简体, centred; addressee flush left with a full-width colon; paragraphs in 三号
// 仿宋_GB2312 indented two characters; the date 右空四字 with the agency's name centred over it and the
// seal's place within one line below the text (印章端正、居中下压署名和成文日期); page numbers in 4号
// 半角 Arabic numerals between 一字线 (— 1 —), on the outer side: odd pages right, even pages left,
// one character in from the edge.
import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
} from 'docx';

export interface RenderableLetter {
  number: string;
  title: string;
  /** As issued: addressee first, then the text, then the agency and the date. */
  paragraphs: readonly string[];
}

export const LETTER_FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', latin: 'Times New Roman', pageNumber: '宋体' } as const;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28 } as const;
/** 225 mm / 22 lines ≈ 28.95 pt: a fixed 29 pt line (in twips). */
const LINE = 580;
/** A4 portrait, 210 × 297 mm, in twips as Word writes it. */
export const A4 = { width: 11906, height: 16838 } as const;
/** One character of 三号 text (16 pt) in twips. */
const CHAR = 320;

type Fonts = { ascii: string; hAnsi: string; eastAsia: string; cs: string };

const bodyFont: Fonts = { ascii: LETTER_FONTS.latin, hAnsi: LETTER_FONTS.latin, eastAsia: LETTER_FONTS.body, cs: LETTER_FONTS.body };
const titleFont: Fonts = { ascii: LETTER_FONTS.title, hAnsi: LETTER_FONTS.title, eastAsia: LETTER_FONTS.title, cs: LETTER_FONTS.title };
const pageFont: Fonts = { ascii: LETTER_FONTS.pageNumber, hAnsi: LETTER_FONTS.pageNumber, eastAsia: LETTER_FONTS.pageNumber, cs: LETTER_FONTS.pageNumber };

const spacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function para(text: string, options: Omit<IParagraphOptions, 'children'> = {}, run: { font?: Fonts; size?: number; color?: string } = {}): Paragraph {
  return new Paragraph({
    spacing,
    ...options,
    children: [new TextRun({ text, font: run.font ?? bodyFont, size: run.size ?? SIZE.body, color: run.color })],
  });
}

const blank = () => para('');

/** Width in twips of a line of 三号 text: a full-width character is one character, ASCII half of one. */
function textWidth(s: string): number {
  return [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? CHAR / 2 : CHAR), 0);
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const odd = side === 'odd';
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // 单页码居右空一字，双页码居左空一字 (one 四号 character, 14 pt).
        indent: odd ? { right: 280 } : { left: 280 },
        children: [new TextRun({ font: pageFont, size: SIZE.pageNumber, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The paragraphs of the letter by their place: addressee, text, agency, date. */
function parts(letter: RenderableLetter) {
  const ps = [...letter.paragraphs];
  if (ps.length < 3) return { addressee: ps[0] ?? '', text: ps.slice(1), agency: '', date: '' };
  return { addressee: ps[0], text: ps.slice(1, -2), agency: ps[ps.length - 2], date: ps[ps.length - 1] };
}

/** Builds the Word document of a letter. */
export function letterDocument(letter: RenderableLetter): Document {
  const { addressee, text, agency, date } = parts(letter);
  // 成文日期右空四字; the agency centred over the date (over its middle), never past the margin.
  const dateRight = 4 * CHAR;
  const agencyRight = Math.max(0, dateRight + (textWidth(date) - textWidth(agency)) / 2);
  const children = [
    para(letter.number, { alignment: AlignmentType.CENTER }),
    blank(),
    para(letter.title, { alignment: AlignmentType.CENTER }, { font: titleFont, size: SIZE.title }),
    blank(),
    para(addressee, { alignment: AlignmentType.LEFT }),
    ...text.map((t) => para(t, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * CHAR, firstLineChars: 200 } })),
    // 印章位置: the seal's top within one line of the text, pressing on the agency and the date. The
    // marker is light grey so the red seal covers it; the line keeps the room when nothing is printed there.
    para('（印章）', { alignment: AlignmentType.RIGHT, indent: { right: Math.max(0, dateRight + (textWidth(date) - textWidth('（印章）')) / 2) } }, { color: 'BFBFBF' }),
    para(agency, { alignment: AlignmentType.RIGHT, indent: { right: agencyRight } }),
    para(date, { alignment: AlignmentType.RIGHT, indent: { right: dateRight } }),
  ];
  return new Document({
    title: letter.title,
    creator: 'Gongkai',
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: bodyFont, size: SIZE.body }, paragraph: { spacing } } } },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              // The 一字线 of the page number sits 7 mm below the type area.
              footer: convertMillimetersToTwip(25.5),
              header: convertMillimetersToTwip(15),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

export async function letterDocx(letter: RenderableLetter): Promise<Buffer> {
  return Packer.toBuffer(letterDocument(letter));
}

/** The file name a letter downloads as: its title and 文号 (no personal data). */
export function letterFileName(letter: { title: string; number: string }): string {
  return `${letter.title}（${letter.number}）.docx`.replace(/[\\/:*?"<>|]/g, '_');
}
