/**
 * The HTML tags a submission may contain, in two kinds. The sanitiser's allow-list is their union
 * (sanitize-options.ts); the block tags also tell where words end in plain text (render.ts) and where a
 * phrase ends for the search index (src/search/indexing.ts).
 */

/** Elements that start a block of their own: their boundaries separate words. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p',
  'br',
  'hr',
  'div',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
]);

/** Elements inside a line of text: they must not add spaces inside words. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'code',
  'a',
  'img',
  'strong',
  'b',
  'em',
  'i',
  'del',
  's',
  'ins',
  'u',
  'mark',
  'small',
  'sup',
  'sub',
  'kbd',
  'abbr',
]);
