/**
 * Which built pages go into which index, and the text the indexer reads. Used by the integration in
 * src/integrations/search.ts; kept free of pagefind so it can be tested on its own.
 */
import render from 'dom-serializer';
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import { BLOCK_TAGS } from '../markdown/tags.ts';
import { splitHanForIndex } from './text.ts';

/** `articles/x/index.html` → `/articles/x/`: the URL the site serves the file at (trailingSlash: always). */
export function pageUrl(file: string): string {
  const path = file.split('\\').join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Staff must never find anything under /manage/ (reports, compliance): only managers may open it. */
export function inStaffIndex(url: string): boolean {
  return !url.startsWith('/manage/');
}

/** Pages without a `data-pagefind-body` (lists, navigation, compliance grids) are not indexed at all. */
export function hasSearchBody(html: string): boolean {
  return html.includes('data-pagefind-body');
}

const SORT_TIME = /data-pagefind-sort="time:(\d+)"/;

/**
 * A page's search time, epoch seconds, as SearchFacts wrote it for pagefind's `time` sort: the time that
 * decides its search shard (shards.ts). Undefined when the page has none.
 */
export function searchTime(html: string): number | undefined {
  const match = SORT_TIME.exec(html);
  return match ? Number(match[1]) : undefined;
}

/**
 * Elements whose text is a unit of its own: a phrase never runs from one into the next. A submission's blocks,
 * plus the page's own (h1 and the sectioning elements the layouts use).
 */
const BLOCKS: ReadonlySet<string> = new Set([
  ...BLOCK_TAGS,
  ...'address article aside details figcaption figure footer h1 header main nav section summary'.split(' '),
]);

type Element = ReturnType<typeof DomUtils.findAll>[number];
type Text = Extract<Element['children'][number], { type: typeof ElementType.Text }>;

const VISIBLE = /[^\s\u200B]/;

/** The last text node inside `element` that has something to read, at any depth. */
function lastText(element: Element): Text | undefined {
  for (const child of [...element.children].reverse()) {
    if (child.type === ElementType.Text && VISIBLE.test(child.data)) return child;
    if (child.type === ElementType.Tag) {
      const found = lastText(child);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The page as the indexer should read it. Only text nodes change; attributes, which carry pagefind's
 * filters and metadata, stay as built, and entities are neither decoded nor encoded, so the markup cannot
 * change meaning on the way.
 *
 * - Every Han character is set apart as a word (see text.ts).
 * - Every block ends in a full stop (。 after Chinese) unless it ends in punctuation already. Pagefind adds one only after a
 *   letter, and a zero-width space is none: without it the title 「…的实践」 and the author 「张梦瑶」 would
 *   read as one run, and a phrase could match across them.
 */
export function prepareForIndex(html: string): string {
  const doc = parseDocument(html, { decodeEntities: false });
  const elements = DomUtils.findAll((e) => e.name !== 'script' && e.name !== 'style', doc.children);
  for (const element of elements) {
    for (const child of element.children) {
      if (child.type === ElementType.Text) child.data = splitHanForIndex(child.data);
    }
  }
  for (const element of elements.filter((e) => BLOCKS.has(e.name))) {
    const text = lastText(element);
    if (!text) continue;
    const trimmed = text.data.replace(/[\s\u200B]+$/, '');
    // Readers see this stop in excerpts: a Chinese block gets 。, a Latin one a full stop.
    if (/\p{Script=Han}$/u.test(trimmed)) text.data = `${trimmed}。`;
    else if (/[\p{L}\p{N}]$/u.test(trimmed)) text.data = `${trimmed}.`;
  }
  return render(doc, { decodeEntities: false });
}
