// Rich text from editors is sanitized before it is stored: only the markup an official document
// needs survives (paragraphs, headings, lists, tables, emphasis, links), never scripts, styles,
// event handlers or frames.
import sanitizeHtml from 'sanitize-html';

const ALIGN = [/^(left|right|center|justify)$/];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 'sub', 'sup', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'a', 'hr'],
  allowedAttributes: { a: ['href', 'title'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'], p: ['style'], h2: ['style'], h3: ['style'], h4: ['style'] },
  // Alignment (the workbench editor sets it on paragraphs and headings) and first-line indent only.
  allowedStyles: { p: { 'text-align': ALIGN, 'text-indent': [/^\d+(\.\d+)?em$/] }, h2: { 'text-align': ALIGN }, h3: { 'text-align': ALIGN }, h4: { 'text-align': ALIGN } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { b: 'strong', i: 'em', h1: 'h2' },
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
