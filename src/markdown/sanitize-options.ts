import type sanitizeHtml from 'sanitize-html';
import { BLOCK_TAGS, INLINE_TAGS } from './tags.ts';
import { EXTERNAL_LINK_REL, IMAGE_SCHEMES, LINK_SCHEMES, acceptUrl, isExternalUrl } from './url-policy.ts';

/**
 * sanitize-html policy for rendered submissions (Markdown written by sales
 * reps). It is an allow-list: anything not named here is removed, so new
 * browser features default to "not allowed".
 *
 * Every option that affects security is set explicitly instead of relying on
 * sanitize-html's defaults, so a library upgrade that changes a default cannot
 * silently widen the policy.
 */

type Attributes = sanitizeHtml.Attributes;
type Tag = sanitizeHtml.Tag;

/**
 * Only semantic, non-interactive elements. No element here can run script,
 * load a document (iframe/object/embed), submit data (form/input/button),
 * change how the page resolves URLs (base) or carry CSS (style). h1 is absent
 * because the page title owns it; raw `<h1>` is turned into h2 below.
 * `div` is kept only so pasted HTML keeps its paragraphs; it gets no attributes.
 * The tags themselves are listed in tags.ts.
 */
const ALLOWED_TAGS = [...BLOCK_TAGS, ...INLINE_TAGS];

/**
 * No id/class/name anywhere: they could collide with the page's own ids
 * (DOM clobbering, hijacking the portal's CSS or scripts). No style anywhere:
 * a submission must not be able to position itself over the portal UI.
 * The transforms below rebuild a/img/ol/th/td attributes from scratch, so the
 * lists here are a second gate rather than the only one.
 */
const ALLOWED_ATTRIBUTES: Record<string, sanitizeHtml.AllowedAttribute[]> = {
  a: ['href', 'title', 'rel'],
  // width and height only ever come from the image file itself (ImageSizes below), never from the author.
  img: ['src', 'alt', 'title', 'loading', 'decoding', 'referrerpolicy', 'width', 'height'],
  ol: ['start'],
  th: ['align', 'colspan', 'rowspan'],
  td: ['align', 'colspan', 'rowspan'],
  abbr: ['title'],
};

/**
 * Tags whose *content* is dropped along with the tag: the browser never shows
 * it as text to a reader (script bodies, CSS, inert templates, iframe/noscript
 * fallbacks, form option lists), so keeping it would only leak markup
 * fragments into the article.
 */
const NON_TEXT_TAGS = [
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'object',
  'textarea',
  'option',
  'select',
  'title',
  'xmp',
];

const ALIGNMENTS = new Set(['left', 'center', 'right']);

/** Browsers clamp colspan at 1000; anything bigger or non-numeric is just noise. */
function spanValue(raw: string | undefined): string | undefined {
  if (raw === undefined || !/^\d{1,4}$/.test(raw.trim())) return undefined;
  const n = Number(raw.trim());
  return n >= 1 && n <= 1000 ? String(n) : undefined;
}

function transformLink(_tag: string, attribs: Attributes): Tag {
  const out: Attributes = {};
  const href = acceptUrl(attribs.href, LINK_SCHEMES);
  if (href !== undefined) {
    out.href = href;
    // The author's own rel/target are ignored: we decide how links leave the portal.
    if (isExternalUrl(href)) out.rel = EXTERNAL_LINK_REL;
  }
  if (attribs.title) out.title = attribs.title;
  return { tagName: 'a', attribs: out };
}

/** The real size of a site image (`/uploads/…`), read at build time; undefined for any other src. */
export type ImageSizes = (src: string) => { width: number; height: number } | undefined;

const transformImageWith = (sizes: ImageSizes | undefined) => (_tag: string, attribs: Attributes) =>
  transformImage(attribs, sizes);

function transformImage(attribs: Attributes, sizes: ImageSizes | undefined): Tag {
  const out: Attributes = {};
  const src = acceptUrl(attribs.src, IMAGE_SCHEMES);
  if (src !== undefined) out.src = src;
  // The browser reserves the image's space before it loads: the text below does not jump.
  const size = src === undefined || isExternalUrl(src) ? undefined : sizes?.(src);
  if (size) {
    out.width = String(size.width);
    out.height = String(size.height);
  }
  if (attribs.alt !== undefined) out.alt = attribs.alt;
  if (attribs.title) out.title = attribs.title;
  // Submissions can be long and image-heavy; never let them block the page.
  out.loading = 'lazy';
  out.decoding = 'async';
  // Third-party image hosts must not learn intranet URLs from the Referer.
  if (src !== undefined && isExternalUrl(src)) out.referrerpolicy = 'no-referrer';
  return { tagName: 'img', attribs: out };
}

function transformOrderedList(_tag: string, attribs: Attributes): Tag {
  const out: Attributes = {};
  const start = attribs.start?.trim();
  if (start !== undefined && /^-?\d{1,9}$/.test(start)) out.start = String(Number(start));
  return { tagName: 'ol', attribs: out };
}

function transformCell(tag: string, attribs: Attributes): Tag {
  const out: Attributes = {};
  // Alignment is kept (sales tables right-align figures); it is a fixed
  // keyword, not CSS, so it cannot move anything outside the cell.
  const align = attribs.align?.trim().toLowerCase();
  if (align !== undefined && ALIGNMENTS.has(align)) out.align = align;
  const colspan = spanValue(attribs.colspan);
  if (colspan !== undefined) out.colspan = colspan;
  const rowspan = spanValue(attribs.rowspan);
  if (rowspan !== undefined) out.rowspan = rowspan;
  return { tagName: tag, attribs: out };
}

/**
 * Links whose href was rejected are unwrapped (text kept) and images without
 * a usable src are removed, instead of leaving dead `<a>`/`<img>` behind.
 */
function exclusiveFilter(frame: sanitizeHtml.IFrame): boolean | 'excludeTag' {
  if (frame.tag === 'img') return frame.attribs.src === undefined;
  if (frame.tag === 'a') return frame.attribs.href === undefined ? 'excludeTag' : false;
  return false;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * Frozen so that no other module can widen the policy at runtime by mutating
 * a shared array (sanitize-html only reads these).
 */
export function sanitizeOptions(sizes?: ImageSizes): Readonly<sanitizeHtml.IOptions> {
  return deepFreeze({
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedClasses: {},
    // With style parsing on and no property allowed, even a future mistake that
    // lets `style` through would leave it empty rather than raw.
    allowedStyles: {},
    parseStyleAttributes: true,
    allowedSchemes: [...LINK_SCHEMES],
    allowedSchemesByTag: { img: [...IMAGE_SCHEMES] },
    allowedSchemesAppliedToAttributes: [
      'href',
      'src',
      'srcset',
      'cite',
      'action',
      'formaction',
      'data',
      'xlink:href',
      'poster',
      'background',
      'ping',
      'longdesc',
      'usemap',
      'codebase',
      'classid',
      'archive',
      'profile',
      'manifest',
      'itemid',
      'dynsrc',
      'lowsrc',
    ],
    allowProtocolRelative: true,
    allowedEmptyAttributes: ['alt'],
    allowVulnerableTags: false,
    disallowedTagsMode: 'discard',
    nonTextTags: NON_TEXT_TAGS,
    enforceHtmlBoundary: false,
    // Deeply nested markup is never legitimate prose and can make browsers
    // (and the portal layout) struggle; deeper tags are dropped, text kept.
    nestingLimit: 40,
    transformTags: {
      h1: (): Tag => ({ tagName: 'h2', attribs: {} }),
      a: transformLink,
      img: transformImageWith(sizes),
      ol: transformOrderedList,
      th: transformCell,
      td: transformCell,
    },
    exclusiveFilter,
    parser: {
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      decodeEntities: true,
    },
  });
}

/** The policy without image sizes: what every submission is checked against (the preview, the tests). */
export const SUBMISSION_SANITIZE_OPTIONS = sanitizeOptions();
