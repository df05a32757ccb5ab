// The texts snippets are cut from, made once per process. A snippet needs the document's plain text
// normalized like the index (Traditional → Simplified among others) to find the query's words in
// it: for a long Traditional-script file (衢州's plan, 10,000 characters) that is 8 ms, and the same
// popular files come up in search after search. Keyed by the stored text itself, so an edited
// document is never served its old text; the least recently used go first.
import { snippetText, type SnippetText } from '../../domain/search-text.js';
import { htmlToPlainText } from '../../domain/text-checks.js';

/** Characters kept in all, keys and texts (each text twice: as written and normalized): about 20 MB. */
const MAX_CHARS = 10_000_000;

const kept = new Map<string, SnippetText>();
let keptChars = 0;

/** `prefix` (a summary) and the plain text of `html`, as snippets are cut from them. */
export function snippetTextOf(html: string, prefix = ''): SnippetText {
  const key = `${prefix}\u0000${html}`;
  const hit = kept.get(key);
  if (hit) {
    // Most recently used last: a Map iterates in insertion order.
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const text = snippetText(prefix ? `${prefix}\n${htmlToPlainText(html)}` : htmlToPlainText(html));
  kept.set(key, text);
  keptChars += key.length + 2 * text.plain.length;
  for (const [k, v] of kept) {
    if (keptChars <= MAX_CHARS || kept.size === 1) break;
    kept.delete(k);
    keptChars -= k.length + 2 * v.plain.length;
  }
  return text;
}
