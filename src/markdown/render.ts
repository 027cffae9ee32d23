import { Marked, type Token } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { markInvisible } from '../model/text.ts';
import { sanitizeOptions, SUBMISSION_SANITIZE_OPTIONS, type ImageSizes } from './sanitize-options.ts';
import { BLOCK_TAGS } from './tags.ts';

/**
 * Rendering of submitted Markdown (sales reps' posts from the CMS or by hand).
 *
 * Submissions are data, not code. marked does not sanitise anything (raw HTML
 * and `javascript:` links pass straight through it), so its output is treated
 * as hostile and *everything* goes through sanitize-html with
 * SUBMISSION_SANITIZE_OPTIONS before it may reach a page.
 */

// A private instance: the global `marked` may be configured by other code
// (e.g. an Astro integration), and our settings must not leak into it either.
const markdown = new Marked({
  async: false,
  gfm: true,
  // GFM as specified: a single newline is a soft break, not <br>.
  breaks: false,
  pedantic: false,
  silent: false,
});

/** A newline between two CJK characters or punctuation marks. */
const CJK_SOFT_BREAK =
  /([\p{Script=Han}\u3000-\u303f\uff00-\uffef])\n([\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

markdown.use({
  walkTokens(token: Token) {
    // The page's <h1> is the post title, so the submission's `#` must be an h2.
    if (token.type === 'heading') {
      const heading = token as { depth: number };
      heading.depth = Math.min(heading.depth + 1, 6);
    }
    // A line break inside a paragraph becomes a space, which reads as a stray gap between two Chinese
    // characters; hand-wrapped Chinese text is joined without one.
    if (token.type === 'text' && !('tokens' in token && token.tokens)) {
      const text = token as { text: string };
      text.text = text.text.replace(CJK_SOFT_BREAK, '$1$2');
    }
  },
  renderer: {
    // marked renders task lists as <input type="checkbox">, which the policy
    // forbids (no form controls in submissions); a glyph keeps the meaning.
    checkbox({ checked }) {
      return checked ? '☑ ' : '☐ ';
    },
  },
});

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * marked recurses per nesting level and throws RangeError on pathological
 * input (a few thousand nested `>` or `*`). One bad post must not break the
 * whole site build, so it is shown as escaped plain text instead.
 */
function plainTextFallback(source: string): string {
  return source
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter((para) => para !== '')
    .map((para) => `<p>${escapeText(para)}</p>`)
    .join('\n');
}

function markdownToUntrustedHtml(source: string): string {
  try {
    return markdown.parse(source, { async: false });
  } catch {
    return plainTextFallback(source);
  }
}

/** Real input converges after one extra pass; this only bounds pathological input. */
const MAX_EXTRA_PASSES = 3;

/**
 * Markdown (GFM) → sanitised HTML, safe to insert with `set:html`.
 * Headings are shifted down one level (h1 → h2, capped at h6).
 * `sizes` (the build's) gives site images their width and height.
 */
export function renderSubmission(source: string, sizes?: ImageSizes): string {
  // Frontmatter/CMS values are not type-checked at runtime; fail loudly rather
  // than render "undefined" or "[object Object]".
  if (typeof source !== 'string') {
    throw new TypeError(`renderSubmission expects a string, got ${typeof source}`);
  }
  const options = sizes ? sanitizeOptions(sizes) : SUBMISSION_SANITIZE_OPTIONS;
  let html = sanitizeHtml(markdownToUntrustedHtml(source), options);
  // Removing a disallowed wrapper can leave markup that parses into a
  // different tree than the one that was checked (e.g. `<p><math><table>`
  // becomes `<p><table>`, which parsers restructure). Re-sanitising until the
  // output is a fixed point means the HTML we emit is exactly what the
  // sanitiser itself would accept, the invariant mutation-XSS attacks break.
  // Every pass is full sanitiser output, so the result is policy-clean even
  // when the bound stops pathological input from costing unbounded time.
  for (let pass = 0; pass < MAX_EXTRA_PASSES; pass++) {
    const again = sanitizeHtml(html, options);
    if (again === html) break;
    html = again;
  }
  // Last, because the sanitiser decodes character references: `&#x202E;` or
  // `&#27;` in the source come out as the raw character. Direction and
  // invisible characters (which the loader lets through in bodies) and any
  // control character become a visible marker, so nothing reorders or hides
  // text and pages and RSS stay valid XML characters throughout.
  return markInvisible(html);
}

/**
 * Elements whose boundaries separate words; inline ones (a, strong…) must not add spaces inside words. An image
 * stands between words, like a block.
 */
const WORD_BREAK_TAGS: ReadonlySet<string> = new Set([...BLOCK_TAGS, 'img']);

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/**
 * Only valid on sanitize-html output: it escapes every literal < and > (in
 * text and attribute values), so each `<…>` is exactly one tag and only these
 * four entities occur.
 */
function textFromSanitizedHtml(html: string): string {
  return html
    .replace(/<\/?([a-z][a-z0-9]*)[^>]*>/g, (_tag, name: string) => (WORD_BREAK_TAGS.has(name) ? ' ' : ''))
    .replace(/&(amp|lt|gt|quot);/g, (_entity, name: string) => ENTITIES[name] ?? '');
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/**
 * Plain text of a submission for excerpts, RSS descriptions and search.
 *
 * The result is *text*, not HTML: it may contain `<` or `&` (e.g. "价格 < 100")
 * and must be escaped by whoever outputs it (Astro's `{expr}` does).
 *
 * @param maxChars optional limit in user-perceived characters (grapheme
 *   clusters, so an emoji or a combined character is never cut in half);
 *   longer text is cut and ends with '…', the whole result fitting in maxChars.
 */
export function submissionText(source: string, maxChars?: number): string {
  if (maxChars !== undefined && (!Number.isInteger(maxChars) || maxChars < 1)) {
    throw new RangeError(`maxChars must be a positive integer, got ${maxChars}`);
  }
  // Starting from the sanitised HTML means dropped content (script bodies,
  // hidden templates…) can never leak into excerpts.
  const text = textFromSanitizedHtml(renderSubmission(source)).replace(/\s+/g, ' ').trim();
  if (maxChars === undefined) return text;
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  if (parts.length <= maxChars) return text;
  return `${parts
    .slice(0, maxChars - 1)
    .join('')
    .trimEnd()}…`;
}
