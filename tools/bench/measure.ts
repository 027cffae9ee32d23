/**
 * Pure helpers of `npm run bench` (scripts/bench.ts): the process-tree memory sums read from /proc, the build
 * phases the build wrote as JSON, the files a page loads at first paint, and the Chinese table.
 */
import type { BuildMetrics, Phase, Window } from '../../src/integrations/build-metrics.ts';

/** The parent pid of a /proc/<pid>/stat line; the command name in parentheses may hold spaces or “)”. */
export function parentOf(stat: string): number | undefined {
  const end = stat.lastIndexOf(')');
  if (end < 0) return undefined;
  const ppid = Number(stat.slice(end + 2).split(' ')[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** Resident memory in bytes from the text of /proc/<pid>/status (0 for a zombie, which has no VmRSS). */
export function rssBytes(status: string): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

/** CPU time in clock ticks from the text of /proc/<pid>/stat: the process's own, and its waited-for children's. */
export interface CpuTicks {
  user: number;
  system: number;
  childrenUser: number;
  childrenSystem: number;
}

/**
 * Reads utime, stime, cutime and cstime (fields 14–17 of proc(5)). The children's part holds every
 * descendant that its parent waited for, so the difference across one child's run is that child's whole tree.
 */
export function cpuTicks(stat: string): CpuTicks | undefined {
  const end = stat.lastIndexOf(')');
  if (end < 0) return undefined;
  // Field 3 (state) is the first after the command name.
  const [user, system, childrenUser, childrenSystem] = stat
    .slice(end + 2)
    .split(' ')
    .slice(11, 15)
    .map(Number);
  if (![user, system, childrenUser, childrenSystem].every((n) => Number.isInteger(n))) return undefined;
  return { user: user!, system: system!, childrenUser: childrenUser!, childrenSystem: childrenSystem! };
}

/** User and system CPU seconds a process tree spent, from two CpuTicks of its parent taken around its run. */
export function childCpuSeconds(
  before: CpuTicks,
  after: CpuTicks,
  ticksPerSecond: number,
): { user: number; system: number; total: number } {
  const user = (after.childrenUser - before.childrenUser) / ticksPerSecond;
  const system = (after.childrenSystem - before.childrenSystem) / ticksPerSecond;
  return { user, system, total: user + system };
}

/** `root` and every pid below it, following the parent links of one /proc snapshot (pid → ppid). */
export function treeOf(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: number[] = [];
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export type { Phase, Window };

/**
 * The phases a build wrote to its metrics file (epoch milliseconds, see src/integrations/build-metrics.ts)
 * as windows relative to `origin`, the epoch time at which the benchmark started that build.
 */
export function phaseWindows(phases: BuildMetrics['phases'], origin: number): Partial<Record<Phase, Window>> {
  return Object.fromEntries(
    Object.entries(phases).map(([phase, w]) => [phase, { start: w.start - origin, end: w.end - origin }]),
  );
}

/** One memory sample of a process tree: when, the whole tree, and the part of it that is pagefind. */
export interface MemorySample {
  at: number;
  total: number;
  pagefind: number;
}

/** The largest total within a window (samples on its edges count), 0 when no sample fell in it. */
export function peakWithin(samples: readonly MemorySample[], window: Window): number {
  return samples
    .filter((s) => s.at >= window.start && s.at <= window.end)
    .reduce((peak, s) => Math.max(peak, s.total), 0);
}

/** Site-absolute stylesheets and module scripts an HTML page loads at first paint (no dynamic imports). */
export function pageAssets(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel=["']?(stylesheet|modulepreload)\b/i.test(tag)) continue;
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (href) found.push(href);
  }
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\bsrc=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (src) found.push(src);
  }
  return [...new Set(found.filter((u) => u.startsWith('/') && !u.startsWith('//')))];
}

/** The static imports of a bundled JS module (`import … from "x"`, `import "x"`), not `import("x")`. */
export function staticImports(js: string): string[] {
  const found = new Set<string>();
  for (const m of js.matchAll(
    /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g,
  ))
    found.add(m[1]!);
  return [...found];
}

/** Fonts a stylesheet refers to with url(…). */
export function fontUrls(css: string): string[] {
  const found = new Set<string>();
  for (const m of css.matchAll(/url\(\s*["']?([^"')]+\.(?:woff2?|ttf|otf))["']?\s*\)/gi)) found.add(m[1]!);
  return [...found];
}

/** Resolves an import or url() against the site path of the file that names it. */
export function resolveSitePath(from: string, ref: string): string {
  return new URL(ref, `http://site${from}`).pathname;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

export function formatSeconds(ms: number | undefined): string {
  return ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} 秒`;
}

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/** A plain-text table whose columns line up in a terminal, CJK included. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => displayWidth(r[c] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => cell + ' '.repeat(widths[c]! - displayWidth(cell)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
