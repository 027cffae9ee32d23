/**
 * What a reader typed, as phrases. Every phrase is looked for as a whole; quotes only matter for phrases
 * with spaces or punctuation inside, and make the phrase required (`"学术推广" 华东`).
 */
import { foldForMatch, spaceHan } from './text.ts';

/** Longer queries are cut: no one types more, and each character costs the browser an index lookup. */
export const MAX_QUERY_CHARS = 60;
/** More phrases than this only slow the search down without narrowing it further. */
export const MAX_PHRASES = 8;

export interface Phrase {
  /** Folded (lower-case ASCII, half-width) text without spaces between Chinese characters. */
  text: string;
  /** Written in quotes: results must contain it. */
  quoted: boolean;
}

export interface Query {
  phrases: Phrase[];
  /** Whether the input was longer than MAX_QUERY_CHARS or had more than MAX_PHRASES phrases. */
  truncated: boolean;
}

/** ASCII, full-width and Chinese quotation marks: each one opens or closes a quoted phrase. */
const QUOTES = /["＂“”„‟「」『』]/u;
/** Anything that is not part of a word: spaces, punctuation, symbols, `<` and `>`. */
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/u;

/** Joins the words of a quoted phrase: no space next to a Chinese character, as Chinese is written. */
function joinWords(words: string[]): string {
  return words.reduce((text, word) => {
    if (text === '') return word;
    return /\p{Script=Han}$/u.test(text) || /^\p{Script=Han}/u.test(word) ? text + word : `${text} ${word}`;
  }, '');
}

export function parseQuery(raw: string): Query {
  const chars = Array.from(raw);
  let truncated = chars.length > MAX_QUERY_CHARS;
  const pieces = foldForMatch(chars.slice(0, MAX_QUERY_CHARS).join('')).split(QUOTES);
  // An odd number of quote marks leaves the last piece open: it is read as if unquoted.
  const closed = pieces.length % 2 === 1 ? pieces.length : pieces.length - 1;
  const phrases: Phrase[] = [];
  pieces.forEach((piece, i) => {
    const words = piece.split(NON_WORD).filter((w) => w !== '');
    const quoted = i % 2 === 1 && i < closed;
    if (quoted && words.length > 0) phrases.push({ text: joinWords(words), quoted: true });
    else for (const text of words) phrases.push({ text, quoted: false });
  });
  // A phrase given twice counts once, and as required if either time was quoted.
  const unique: Phrase[] = [];
  for (const phrase of phrases) {
    const seen = unique.find((p) => p.text === phrase.text);
    if (seen) seen.quoted ||= phrase.quoted;
    else unique.push(phrase);
  }
  if (unique.length > MAX_PHRASES) truncated = true;
  return { phrases: unique.slice(0, MAX_PHRASES), truncated };
}

/** The query for pagefind's ordinary search: every character of every phrase must occur somewhere. */
export function looseTerm(query: Query): string {
  return query.phrases.map((p) => spaceHan(p.text)).join(' ');
}

/** The query for pagefind's phrase mode: the characters of one phrase, one after another. */
export function exactTerm(phrase: Phrase): string {
  return `"${spaceHan(phrase.text)}"`;
}
