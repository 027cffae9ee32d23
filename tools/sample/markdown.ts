/** Writing files: front matter (YAML from src/load/yaml-write.ts), Markdown lists and tables, unique slugs. */
import { toYaml } from '../../src/load/yaml-write.ts';
import type { Ctx, Entry } from './types.ts';

/** Drops undefined fields, keeps the order of the others. */
function compact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out;
}

export function markdownFile(front: Record<string, unknown>, body: string): string {
  return `---\n${toYaml(compact(front))}---\n\n${body.trim()}\n`;
}

/** Number of Chinese characters. */
export function hanCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

export function bulletList(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

export function numberedList(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}

/** A Markdown table; `right` marks columns aligned right (numbers). */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly boolean[] = [],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const sep = `|${header.map((_, i) => (right[i] ? '---:' : '---')).join('|')}|`;
  return [line(header), sep, ...rows.map(line)].join('\n');
}

/** Reserves a slug, adding -2, -3… when it is taken. */
export function uniqueSlug(ctx: Ctx, base: string): string {
  let slug = base;
  for (let n = 2; ctx.slugs.has(slug); n++) slug = `${base}-${n}`;
  ctx.slugs.add(slug);
  return slug;
}

export function entryPath(entry: Entry): string {
  return `${entry.collection}/${entry.year}/${entry.slug}.md`;
}
