/**
 * Clipboard HTML (Word, WPS 文字, web pages) → the Markdown a submission may hold (issue 11). Decap's own paste
 * handler drops `<b>`, knows no tables and takes Word's fake lists (paragraphs with `mso-list` and a bullet
 * glyph) for paragraphs. Here rehype-parse reads the HTML, a small Office-specific pass rewrites what only
 * Office writes into plain HTML, rehype-remark (hast-util-to-mdast) turns that into Markdown's tree, an
 * allow-list keeps only what src/markdown/render.ts renders, and remark-stringify writes it with tables in the
 * 表格 component's form (table-block.ts), so a pasted table opens as that component.
 */
import type { Element, ElementContent, Properties, Root as HastRoot, RootContent } from 'hast';
import type { Nodes as MdastNodes, Parents as MdastParents, Root as MdastRoot, Table } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { formatTable } from './table-block.ts';

type HastParent = HastRoot | Element;

/** Office's own markup whose content is never text a reader saw: paragraph marks, drawings, document data. */
const DROPPED_PREFIXES = ['o:p', 'v:', 'w:', 'm:', 'xml'];

/** Elements whose content is not text for a reader (the allow-list below catches the rest). */
const DROPPED = new Set([
  'head',
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'svg',
  'math',
  'form',
  'button',
  'select',
  'textarea',
  'input',
]);

/** Markdown nodes the site renders; anything else is replaced by its children or dropped. */
const KEPT = new Set([
  'root',
  'paragraph',
  'heading',
  'text',
  'strong',
  'emphasis',
  'delete',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'link',
  'image',
  'break',
  'blockquote',
  'inlineCode',
  'code',
  'thematicBreak',
]);

const WEB_URL = /^(https?:\/\/|mailto:)/i;

function style(node: Element): string {
  const value = node.properties.style;
  return typeof value === 'string' ? value.toLowerCase().replace(/\s+/g, '') : '';
}

function element(tagName: string, children: ElementContent[], properties: Properties = {}): Element {
  return { type: 'element', tagName, properties, children };
}

function textOf(node: RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** `mso-list:l0 level2 lfo1` on a paragraph: item of Word's list 0 at depth 2. */
function listLevel(node: Element): { list: string; level: number } | undefined {
  if (node.tagName !== 'p') return undefined;
  const m = /mso-list:(l\d+)level(\d+)/.exec(style(node));
  return m ? { list: m[1]!, level: Number(m[2]) } : undefined;
}

/** The glyph Word prints before a list paragraph (in a span styled `mso-list:Ignore`). */
function marker(node: RootContent): string | undefined {
  if (node.type !== 'element') return undefined;
  if (style(node).includes('mso-list:ignore')) return textOf(node);
  for (const child of node.children) {
    const found = marker(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** 1. a) iv. 一、 （1） ① are numbers; Symbol's ·, Wingdings' l and §, Courier's o are bullets. */
const NUMBERED = /^\s*([(（]?(\d+|[a-z]{1,4}|[一二三四五六七八九十百]+)[.)）、．]|[①-⑳])/i;

/** Word's list paragraphs, one after another, as nested <ul>/<ol> by their mso-list level. */
function buildList(items: { node: Element; level: number; ordered: boolean }[]): Element {
  const newList = (ordered: boolean) => element(ordered ? 'ol' : 'ul', []);
  const first = items[0]!;
  const stack = [{ level: first.level, list: newList(first.ordered) }];
  for (const item of items) {
    while (stack.length > 1 && stack.at(-1)!.level > item.level) stack.pop();
    let top = stack.at(-1)!;
    if (item.level > top.level) {
      const parentItems = top.list.children as Element[];
      if (parentItems.length === 0) parentItems.push(element('li', []));
      const nested = newList(item.ordered);
      parentItems.at(-1)!.children.push(nested);
      top = { level: item.level, list: nested };
      stack.push(top);
    }
    top.list.children.push(element('li', item.node.children));
  }
  return stack[0]!.list;
}

/** Word's fake lists become real ones; other children are left in place. */
function listsFromParagraphs(children: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let run: { node: Element; level: number; ordered: boolean }[] = [];
  let runList = '';
  const flush = () => {
    if (run.length > 0) out.push(buildList(run));
    run = [];
  };
  for (const child of children) {
    const level = child.type === 'element' ? listLevel(child) : undefined;
    if (child.type === 'text' && child.value.trim() === '' && run.length > 0) continue;
    if (!level) {
      flush();
      out.push(child);
      continue;
    }
    // A new Word list (another lN) at the outer level starts a new Markdown list.
    if (run.length > 0 && level.list !== runList && level.level <= run[0]!.level) flush();
    if (run.length === 0) runList = level.list;
    run.push({
      node: child as Element,
      level: level.level,
      ordered: NUMBERED.test(marker(child) ?? ''),
    });
  }
  flush();
  return out;
}

/** Bold and italic that Word and WPS write as styles on spans rather than <b>/<i>. */
function styledEmphasis(node: Element, children: ElementContent[]): ElementContent[] {
  const css = style(node);
  let out = children;
  if (/font-style:italic/.test(css)) out = [element('em', out)];
  if (/font-weight:(bold|[6-9]00)/.test(css)) out = [element('strong', out)];
  return out;
}

/** One node cleaned: dropped, kept or replaced by its (cleaned) children. */
function cleanNode(node: RootContent): RootContent[] {
  if (node.type === 'comment' || node.type === 'doctype') return [];
  if (node.type === 'text') return [{ ...node, value: node.value.replace(/\u00a0/g, ' ') }];
  if (node.type !== 'element') return [];
  const tag = node.tagName.toLowerCase();
  if (DROPPED.has(tag) || DROPPED_PREFIXES.some((p) => tag.startsWith(p))) return [];
  // The bullet or number Word prints before a list item, and its spacing.
  if (style(node).includes('mso-list:ignore')) return [];
  const children = cleanChildren(node);
  // Word's smart tags (<st1:chsdate> around a date) and other prefixed wrappers only wrap text.
  if (tag.includes(':')) return children;
  switch (tag) {
    case 'img': {
      const src = String(node.properties.src ?? '');
      // Word's pictures are files on the author's own computer (file:///C:/…), which no reader can load.
      return WEB_URL.test(src) && !src.startsWith('mailto:')
        ? [element('img', [], { src, alt: String(node.properties.alt ?? '') })]
        : [];
    }
    case 'a': {
      const href = String(node.properties.href ?? '');
      return WEB_URL.test(href) ? [element('a', children as ElementContent[], { href })] : children;
    }
    case 'b':
    case 'strong':
      // Google Docs wraps a whole paste in <b style="font-weight:normal">.
      return /font-weight:(normal|[1-4]00)/.test(style(node))
        ? children
        : [element('strong', children as ElementContent[])];
    case 'span':
    case 'font':
      return styledEmphasis(node, children as ElementContent[]);
    case 'table':
      return [
        headerRow({ ...node, properties: tagProperties(node), children: children as ElementContent[] }),
      ];
    case 'td':
    case 'th':
      // Word puts a cell's text in paragraphs; a line break between them becomes a space in the mdast pass
      // rather than running two paragraphs' text together.
      return [
        {
          ...node,
          properties: tagProperties(node),
          children: children.flatMap((c, i) =>
            c.type === 'element' && c.tagName === 'p'
              ? [...(i > 0 ? [element('br', [])] : []), ...c.children]
              : [c],
          ) as ElementContent[],
        },
      ];
    default:
      return [{ ...node, properties: tagProperties(node), children: children as ElementContent[] }];
  }
}

/**
 * Word and WPS write every row with <td>; without a <th> hast-util-to-mdast adds an empty header row. In a
 * Word table the first row is the header, so it becomes one.
 */
function headerRow(table: Element): Element {
  const rows: Element[] = [];
  const collect = (n: Element) => {
    for (const c of n.children)
      if (c.type === 'element') {
        if (c.tagName === 'tr') rows.push(c);
        else if (['thead', 'tbody', 'tfoot'].includes(c.tagName)) collect(c);
      }
  };
  collect(table);
  const first = rows[0];
  if (first && !rows.some((r) => r.children.some((c) => c.type === 'element' && c.tagName === 'th'))) {
    for (const cell of first.children)
      if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
  }
  return table;
}

/** Only the attributes hast-util-to-mdast reads for structure; class and style have done their work. */
function tagProperties(node: Element): Properties {
  const keep = ['colSpan', 'rowSpan', 'align', 'start'];
  return Object.fromEntries(Object.entries(node.properties).filter(([key]) => keep.includes(key)));
}

function cleanChildren(node: HastParent): RootContent[] {
  return listsFromParagraphs(node.children).flatMap(cleanNode);
}

/** The hast pass: Office markup out, plain HTML in. */
function cleanOffice() {
  return (tree: HastRoot): HastRoot => ({ type: 'root', children: cleanChildren(tree) });
}

/** Word starts a new run (and <b>) at every change of language: **完成****Q4** becomes **完成Q4**. */
function mergeRuns(children: MdastNodes[]): MdastNodes[] {
  const out: MdastNodes[] = [];
  for (const child of children) {
    const last = out.at(-1);
    if (last && (child.type === 'strong' || child.type === 'emphasis') && last.type === child.type) {
      last.children.push(...(child.children as typeof last.children));
    } else out.push(child);
  }
  return out;
}

/**
 * The mdast pass: only what the site renders. Line breaks in table cells would end the row; bold inside bold
 * or in a heading (which WPS writes for every heading) or a table's header row says nothing.
 */
function keepAllowed() {
  const walk = (node: MdastNodes, inCell: boolean, inBold: boolean): MdastNodes[] => {
    const unwrap = () =>
      'children' in node ? node.children.flatMap((c) => walk(c as MdastNodes, inCell, inBold)) : [];
    if (!KEPT.has(node.type) || (node.type === 'strong' && inBold)) return unwrap();
    if (inCell && node.type === 'break') return [{ type: 'text', value: ' ' }];
    if (node.type === 'image' && !/^https?:\/\//i.test(node.url)) return [];
    if ('children' in node) {
      const cell = inCell || node.type === 'tableCell';
      const bold = inBold || node.type === 'strong' || node.type === 'heading';
      // The header row is bold on the site anyway.
      const header = (i: number) => bold || (node.type === 'table' && i === 0);
      (node as MdastParents).children = mergeRuns(
        node.children.flatMap((c, i) => walk(c as MdastNodes, cell, header(i))),
      ) as MdastParents['children'];
      // A paragraph that held only Word's empty-paragraph spacing.
      if (node.type === 'paragraph' && node.children.every((c) => c.type === 'text' && !c.value.trim()))
        return [];
    }
    return [node];
  };
  return (tree: MdastRoot) => ({ ...tree, children: tree.children.flatMap((c) => walk(c, false, false)) });
}

/** Tables in the 表格 component's canonical form, cells written (and their pipes escaped) by remark. */
function table(node: Table, _parent: unknown, state: TableState): string {
  const rows = node.children.map((row) =>
    row.children.map((cell) => {
      const exitCell = state.enter('tableCell');
      const exitPhrasing = state.enter('phrasing');
      const value = state.containerPhrasing(cell, { before: '|', after: '|' });
      exitPhrasing();
      exitCell();
      return value.replace(/\s+/g, ' ').trim();
    }),
  );
  return formatTable(rows, node.align ?? []);
}

/** The bits of mdast-util-to-markdown's state the table handler uses. */
interface TableState {
  enter(name: 'tableCell' | 'phrasing'): () => void;
  containerPhrasing(parent: Table['children'][number]['children'][number], info: object): string;
}

const processor = unified()
  .use(rehypeParse)
  .use(cleanOffice)
  .use(rehypeRemark)
  .use(keepAllowed)
  .use(remarkGfm)
  .use(remarkStringify, {
    // As Decap's own serialiser writes Markdown, so editing the body later does not rewrite the pasted part.
    bullet: '*',
    emphasis: '*',
    strong: '*',
    listItemIndent: 'one',
    rule: '-',
    fences: true,
    handlers: { table: table as never },
  });

/** Clipboard HTML as Markdown; '' when nothing in it is text a reader would keep. */
export function clipboardHtmlToMarkdown(html: string): string {
  const tree = processor.runSync(processor.parse(html)) as MdastRoot;
  return processor.stringify(tree).trim();
}

/** Word, WPS and Excel mark their clipboard HTML; others (web pages) are converted the same way. */
export function isOfficeHtml(html: string): boolean {
  return /urn:schemas-microsoft-com:office|mso-|KSOProductBuildVer|class="?Mso/i.test(html);
}
