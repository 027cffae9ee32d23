/**
 * Excerpts as plain parts (text, or marked text), never as HTML: the page builds them with text nodes and
 * <mark> elements, so nothing in a page's text or a query can become markup.
 */
import { foldForMatch, withoutZwsp } from './text.ts';

export interface Part {
  text: string;
  mark: boolean;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Appends a part, merging it into the previous one of the same kind (pagefind marks one character at a time). */
function push(parts: Part[], text: string, mark: boolean): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last && last.mark === mark) last.text += text;
  else parts.push({ text, mark });
}

/**
 * Pagefind's excerpt: its page text with `<` and `>` escaped as `&lt;` `&gt;` and matches wrapped in
 * `<mark>`. Only those two entities are undone; anything else stays literal text.
 */
export function partsFromPagefind(excerpt: string): Part[] {
  const parts: Part[] = [];
  let mark = false;
  for (const piece of withoutZwsp(excerpt).split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else push(parts, piece.replaceAll('&lt;', '<').replaceAll('&gt;', '>'), mark);
  }
  return parts;
}

/**
 * About `length` characters of `content` around the first occurrence of the first phrase found, with every
 * occurrence of every phrase marked; undefined when the text contains none of them.
 */
export function phraseWindow(
  content: string,
  phrases: readonly string[],
  length: number,
): Part[] | undefined {
  const text = withoutZwsp(content).replace(/\s+/g, ' ');
  const folded = foldForMatch(text);
  const wanted = phrases.map(foldForMatch).filter((p) => p !== '');
  const first = wanted.map((p) => folded.indexOf(p)).find((i) => i >= 0);
  if (first === undefined) return undefined;
  let start = Math.max(0, Math.min(first - Math.floor(length / 3), text.length - length));
  let end = Math.min(text.length, start + length);
  // Never cut a character outside the Basic Multilingual Plane (rare Han characters, emoji) in half.
  if (isLowSurrogate(text.charCodeAt(start))) start += 1;
  if (isLowSurrogate(text.charCodeAt(end))) end -= 1;
  // A cut excerpt starts at a word, not at the full stop or space the previous block ended with.
  while (start > 0 && start < first && /[\s.,，。、;；:：]/.test(text[start]!)) start += 1;
  // Every marked range inside the window; overlapping ranges simply merge.
  const marked = new Array<boolean>(end - start).fill(false);
  for (const phrase of wanted) {
    for (let at = folded.indexOf(phrase, start); at >= 0 && at < end; at = folded.indexOf(phrase, at + 1)) {
      for (let i = at; i < Math.min(at + phrase.length, end); i++) marked[i - start] = true;
    }
  }
  const parts: Part[] = [];
  if (start > 0) push(parts, '…', false);
  for (let i = start; i < end; i++) push(parts, text[i]!, marked[i - start]!);
  if (end < text.length) push(parts, '…', false);
  return parts;
}
