/**
 * The body editor's 表格 component (issue 11): Decap's rich-text editor shows GFM tables but offers no way to
 * make or change one. An editor component (https://decapcms.org/docs/custom-widgets/#registereditorcomponent)
 * whose pattern matches a GFM table block turns every table, new or already in an article, into a small form:
 * one text box, a line per row, the first line the header, cells separated by `|` (or by tabs, which is what
 * a range copied from Excel or WPS 表格 pastes as). Alignment is kept in a hidden field, so opening and saving
 * an article leaves its tables byte for byte as they were.
 */

/** GFM's delimiter row: one `---`, `:---`, `---:` or `:---:` per column. */
export type Alignment = 'left' | 'right' | 'center' | null;

/** What the component's form holds. */
export interface TableData {
  /** One line per row, the first the header; cells separated by `|` or tabs. */
  rows: string;
  /** The delimiter row as written (e.g. `|---|---:|`); the source of each column's alignment. */
  align: string;
}

/**
 * A header row, a delimiter row with at least one pipe, and every following line that has a pipe. No `m`
 * flag (Decap refuses it); `^` is the start of the block Decap's parser is looking at.
 */
export const TABLE_PATTERN =
  /^([^\n]*\|[^\n]*)\n((?=[^\n]*\|)[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*)(?=\n|$)((?:\n[^\n]*\|[^\n]*)*)/;

/** The cells of a GFM row: split at pipes a backslash does not escape; the outer pipes are optional. */
export function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (/(^|[^\\])\|$/.test(text)) text = text.slice(0, -1);
  return text.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/**
 * The cells of one line of the form: tab-separated when it has a tab (a range pasted from a spreadsheet, whose
 * literal pipes are escaped so they stay in their cell), else like a GFM row.
 */
export function splitFormRow(line: string): string[] {
  if (!line.includes('\t')) return splitRow(line);
  return line.split('\t').map((cell) => cell.trim().replace(/(?<!\\)\|/g, '\\|'));
}

function alignments(delimiter: string): Alignment[] {
  return splitRow(delimiter).map((cell) => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
  });
}

const DELIMITER: Record<string, string> = { left: ':---', right: '---:', center: ':---:', null: '---' };

/** A GFM table as this portal writes it: `| a | b |` rows, a `|---|---:|` delimiter row. */
export function formatTable(rows: readonly (readonly string[])[], align: readonly Alignment[]): string {
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (width === 0) return '';
  const line = (row: readonly string[]) =>
    `| ${Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ')} |`;
  const delimiter = `|${Array.from({ length: width }, (_, i) => DELIMITER[String(align[i] ?? null)]).join('|')}|`;
  return [line(rows[0]!), delimiter, ...rows.slice(1).map(line)].join('\n');
}

/** The component's form data for a table block Decap's parser matched with TABLE_PATTERN. */
export function fromBlock(match: RegExpMatchArray): TableData {
  const body = (match[3] ?? '').split('\n').filter((line) => line.trim() !== '');
  const rows = [match[1]!, ...body].map((line) => splitRow(line).join(' | '));
  return { rows: rows.join('\n'), align: match[2]!.trim() };
}

/** The table block for the form's data; blank lines are skipped, an empty form gives no table. */
export function toBlock(data: Partial<TableData>): string {
  const rows = String(data.rows ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(splitFormRow);
  return formatTable(rows, alignments(String(data.align ?? '')));
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Decap's own preview of the block: the cells as text (the site renders their Markdown). */
export function toPreview(data: Partial<TableData>): string {
  const rows = String(data.rows ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => splitFormRow(line).map((cell) => escapeHtml(cell.replace(/\\\|/g, '|'))));
  if (rows.length === 0) return '';
  const [head, ...body] = rows;
  const cells = (tag: string, row: string[]) => row.map((c) => `<${tag}>${c}</${tag}>`).join('');
  return `<table><thead><tr>${cells('th', head!)}</tr></thead><tbody>${body
    .map((row) => `<tr>${cells('td', row)}</tr>`)
    .join('')}</tbody></table>`;
}

/** The component as CMS.registerEditorComponent takes it. */
export const TABLE_COMPONENT = {
  id: 'table',
  label: '表格',
  fields: [
    {
      name: 'rows',
      label: '表格内容',
      widget: 'text',
      default: '项目 | 数量 | 备注\n',
      hint: '每行是表格的一行，第一行是表头；单元格之间用 | 隔开。从电子表格里复制一片单元格，直接粘贴进来也可以。单元格里要写 | 本身时写成 \\|。',
    },
    { name: 'align', label: '对齐', widget: 'hidden', default: '' },
  ],
  pattern: TABLE_PATTERN,
  fromBlock,
  toBlock,
  toPreview,
};

/** The part of `window.CMS` this module needs. */
export interface EditorComponentRegistry {
  registerEditorComponent(component: typeof TABLE_COMPONENT): void;
}

export function registerTable(cms: EditorComponentRegistry): void {
  cms.registerEditorComponent(TABLE_COMPONENT);
}
