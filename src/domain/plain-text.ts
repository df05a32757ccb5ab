// Plain text as document HTML: what an editor pastes, a source system exports or a .txt file holds
// becomes paragraphs, one per non-empty line. Pure, no I/O.

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text to paragraphs, one per non-empty line. */
export function textToHtml(text: string): string {
  return text
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${escape(l)}</p>`)
    .join('');
}

/** Whether a text is already HTML (has a tag such as <p> or <br/>), rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(text);
}

/** HTML kept as it is (it is sanitized when stored), plain text turned into paragraphs. */
export function bodyHtml(text: string): string {
  return looksLikeHtml(text) ? text : textToHtml(text);
}
