// The worker thread that reads the text out of an uploaded attachment (issue #4 item 1), kept apart
// from the server so that a hostile or broken file can only cost this thread: attachment-text.ts
// ends it after a time limit and caps its heap. Plain JavaScript because worker threads load their
// module with Node itself, without the TypeScript loader.
//
// Messages in: { id, kind: 'pdf'|'docx'|'xlsx', bytes: Uint8Array, maxBytes }; out: { id, text } for
// each piece read (a PDF's pages one by one), then { id, done: true } (with `error` when the file
// could not be read). The text is raw: attachment-text.ts cleans and bounds it.
import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

// The libraries' complaints about a broken file are no news for the server's log.
for (const name of ['log', 'info', 'warn', 'error', 'debug']) console[name] = () => {};

/** pdf.js's folders of CMaps (Chinese CID fonts without a ToUnicode table need them) and standard fonts. */
function pdfjsFolder(name) {
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), name) + path.sep;
}

// A line break beside a Chinese character (CJK, its punctuation, full-width forms) and not beside a space.
const WRAP = /(?<=[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef])\n(?=\S)|(?<=\S)\n(?=[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef])/g;

/** A PDF breaks lines where the page ends, not where the words do: beside a Chinese character the break is no separator. */
export function joinWrappedLines(text) {
  return text.replace(WRAP, '');
}

/** The text of a page, a line per line of the page. */
function pageText(items) {
  const parts = [];
  let lastY = null;
  let atLineStart = true;
  for (const item of items) {
    if (!('str' in item)) continue;
    // A new line where pdf.js saw none (its guess fails for some CID fonts): words must not run together.
    const y = item.transform[5];
    if (lastY !== null && y !== lastY && !atLineStart) parts.push('\n');
    lastY = y;
    parts.push(item.str);
    if (item.hasEOL) parts.push('\n');
    atLineStart = item.hasEOL || (item.str === '' && atLineStart);
  }
  return joinWrappedLines(parts.join(''));
}

/** Page by page, each handed on as it is read, so that a file ended by the time limit still gives its first pages. */
async function pdfText(bytes, maxBytes, emit) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const task = pdfjs.getDocument({
    data: bytes,
    cMapUrl: pdfjsFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsFolder('standard_fonts'),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    let size = 0;
    for (let n = 1; n <= doc.numPages && size < maxBytes; n++) {
      let text;
      try {
        const page = await doc.getPage(n);
        text = pageText((await page.getTextContent()).items) + '\n\n';
        page.cleanup();
      } catch {
        continue; // a broken page: the others may still read
      }
      size += Buffer.byteLength(text);
      emit(text);
    }
  } finally {
    await task.destroy();
  }
}

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decodeXml(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (m, e) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The words of word/document.xml: runs of text (not deleted ones), tabs, breaks, one line a paragraph. */
export function wordXmlText(xml) {
  let text = '';
  const token = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\/>|<\/w:p>/g;
  for (let m; (m = token.exec(xml)); ) {
    if (m[1] !== undefined) text += decodeXml(m[1]);
    else if (m[2] === 'tab') text += '\t';
    else text += '\n';
  }
  return text;
}

const MAX_XML_BYTES = 32 * 1024 * 1024;

async function docxText(bytes, maxBytes, emit) {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(bytes);
  const body = zip.file('word/document.xml');
  if (!body) return;
  // The size the ZIP declares: a small file that would inflate to a huge one is not opened (the
  // worker's heap cap stops one that lies about it).
  if (body._data?.uncompressedSize > MAX_XML_BYTES) return;
  // Markup is several times the text; past this size the document is far over the cap anyway.
  const xml = await body.async('string');
  emit(wordXmlText(xml.length > maxBytes * 20 ? xml.slice(0, maxBytes * 20) : xml));
}

async function xlsxText(bytes, maxBytes, emit) {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  let text = '';
  for (const sheet of book.worksheets) {
    if (text.length >= maxBytes) break;
    text += sheet.name + '\n';
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (text.length >= maxBytes) return;
      const cells = [];
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.text;
        if (value) cells.push(value);
      });
      if (cells.length) text += cells.join('\t') + '\n';
    });
    text += '\n';
  }
  emit(text);
}

const READERS = { pdf: pdfText, docx: docxText, xlsx: xlsxText };

parentPort?.on('message', async ({ id, kind, bytes, maxBytes }) => {
  try {
    const emit = (text) => parentPort.postMessage({ id, text });
    await READERS[kind]?.(bytes, maxBytes, emit);
    parentPort.postMessage({ id, done: true });
  } catch (error) {
    parentPort.postMessage({ id, done: true, error: String(error?.message ?? error) });
  }
});
