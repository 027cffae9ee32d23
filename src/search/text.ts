/**
 * How Chinese text is cut into searchable units, on both sides of the index.
 *
 * Pagefind's extended binary segments Chinese into words with one dictionary when indexing, while the
 * browser segments a query with another (Intl.Segmenter). When the two disagree a page is not found:
 * "线下学术推广" is indexed as 线|下学|术|推广, so a query for 学术 never reaches it. Indexing every Han
 * character as a word of its own, and searching for the characters of a query, makes recall exact, and
 * pagefind's phrase mode (consecutive words) then means exactly "contains this string".
 */

const HAN_GLOBAL = /\p{Script=Han}/gu;
const ZWSP = '\u200B';

/** Full-width Latin letters and digits (Ａ, ｋ, ３): typed by Chinese input methods, the same as ASCII. */
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;

/** Full-width letters and digits as ASCII. Keeps the length, so offsets stay valid. */
export function foldWidth(text: string): string {
  return text.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The form in which text is compared: full-width folded and ASCII lower-cased, as pagefind lower-cases
 * words. Keeps the length (unlike toLowerCase on all of Unicode), so a match's offset is valid in the
 * original text.
 */
export function foldForMatch(text: string): string {
  return foldWidth(text).replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * Text as handed to the indexer: a zero-width space on both sides of every Han character. Pagefind treats
 * it as a word boundary and shows excerpts without it, so readers see the text unchanged.
 */
export function splitHanForIndex(text: string): string {
  return foldWidth(text)
    .replace(HAN_GLOBAL, `${ZWSP}$&${ZWSP}`)
    .replace(/\u200B{2,}/g, ZWSP);
}

/** A phrase as pagefind's query: its Han characters as separate words (`学术推广` → `学 术 推 广`). */
export function spaceHan(phrase: string): string {
  return phrase.replace(HAN_GLOBAL, ' $& ').replace(/\s+/g, ' ').trim();
}

/** Removes the zero-width spaces the indexer kept in titles or metadata taken from the page text. */
export function withoutZwsp(text: string): string {
  return text.replaceAll(ZWSP, '');
}
