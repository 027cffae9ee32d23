import { describe, expect, it } from 'vitest';
import {
  childCpuSeconds,
  cpuTicks,
  displayWidth,
  fontUrls,
  formatBytes,
  formatSeconds,
  formatTable,
  pageAssets,
  parentOf,
  peakWithin,
  phaseWindows,
  resolveSitePath,
  rssBytes,
  staticImports,
  treeOf,
} from './measure.ts';

describe('process tree memory', () => {
  it('reads the parent pid even when the command name holds spaces and parentheses', () => {
    expect(parentOf('1234 (node) S 1000 1234 1000 0 -1')).toBe(1000);
    expect(parentOf('77 (a b) c)) R 55 77 55 0')).toBe(55);
    expect(parentOf('garbage')).toBeUndefined();
  });

  it('reads VmRSS in bytes, and 0 when a zombie has none', () => {
    expect(rssBytes('Name:\tnode\nVmPeak:\t  9 kB\nVmRSS:\t  2048 kB\n')).toBe(2048 * 1024);
    expect(rssBytes('Name:\tnode\nState:\tZ (zombie)\n')).toBe(0);
  });

  it('collects a root and all its descendants, not its siblings', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
      [21, 20],
    ]);
    expect(treeOf(10, parents).sort()).toEqual([10, 11, 12, 13]);
    expect(treeOf(99, parents)).toEqual([99]);
  });
});

describe('process tree CPU time', () => {
  // A real /proc/<pid>/stat line, with a command name that holds a space and a parenthesis.
  const stat = (utime: number, stime: number, cutime: number, cstime: number) =>
    `4242 (node (x) y) S 1 4242 4242 0 -1 4194304 9000 120 0 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 11 0 900 ` +
    '1100000000 50000 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0';
  it("reads a process's own and its children's user and system ticks", () => {
    expect(cpuTicks(stat(12, 3, 4500, 700))).toEqual({
      user: 12,
      system: 3,
      childrenUser: 4500,
      childrenSystem: 700,
    });
    expect(cpuTicks('garbage')).toBeUndefined();
    expect(cpuTicks('1 (a) S 1 2')).toBeUndefined();
  });

  it("counts the children time added across a run, not the parent's own", () => {
    const before = cpuTicks(stat(10, 1, 200, 50))!;
    const after = cpuTicks(stat(90, 9, 5200, 1050))!;
    expect(childCpuSeconds(before, after, 100)).toEqual({ user: 50, system: 10, total: 60 });
  });
});

describe('build phases', () => {
  it('turns the epoch windows a build wrote into milliseconds since the benchmark started it', () => {
    const origin = 1_700_000_000_000;
    const windows = phaseWindows(
      {
        sync: { start: origin + 100, end: origin + 1100 },
        pages: { start: origin + 1200, end: origin + 6200 },
      },
      origin,
    );
    expect(windows).toEqual({ sync: { start: 100, end: 1100 }, pages: { start: 1200, end: 6200 } });
  });
});

describe('memory by phase', () => {
  const samples = [
    { at: 0, total: 100, pagefind: 0 },
    { at: 500, total: 900, pagefind: 0 },
    { at: 1000, total: 400, pagefind: 300 },
    { at: 1500, total: 700, pagefind: 600 },
  ];
  it('keeps the peak of the samples inside a window, edges included', () => {
    expect(peakWithin(samples, { start: 1000, end: 2000 })).toBe(700);
    expect(peakWithin(samples, { start: 0, end: 500 })).toBe(900);
    expect(peakWithin(samples, { start: 600, end: 900 })).toBe(0);
  });
});

describe('page assets', () => {
  it('finds stylesheets and scripts, not icons, feeds or other sites', () => {
    const html =
      '<link rel="icon" href="/favicon.svg"><link rel="alternate" href="/rss.xml">' +
      '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/b.js"></script>' +
      '<script src="https://cdn.example/x.js"></script><script>inline()</script>';
    expect(pageAssets(html)).toEqual(['/_astro/a.css', '/_astro/b.js']);
  });

  it('follows static imports but not dynamic ones', () => {
    const js =
      'import{a as b}from"./chunk.js";import "./side.js";export*from"./re.js";const m=import("./lazy.js");';
    expect(staticImports(js)).toEqual(['./chunk.js', './side.js', './re.js']);
  });

  it('finds fonts in CSS and resolves paths against the file that names them', () => {
    expect(fontUrls('@font-face{src:url("./f.woff2") format("woff2")}a{background:url(x.png)}')).toEqual([
      './f.woff2',
    ]);
    expect(resolveSitePath('/_astro/a.js', './c.js')).toBe('/_astro/c.js');
    expect(resolveSitePath('/_astro/a.css', '/fonts/f.woff2')).toBe('/fonts/f.woff2');
  });
});

describe('formatting', () => {
  it('formats bytes and seconds', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatBytes(3 * 1024 ** 2)).toBe('3.0 MiB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.50 GiB');
    expect(formatSeconds(12_345)).toBe('12.3 秒');
    expect(formatSeconds(undefined)).toBe('—');
  });

  it('lines up columns with Chinese text counted as two columns', () => {
    expect(displayWidth('构建ab')).toBe(6);
    const table = formatTable(
      ['阶段', '用时'],
      [
        ['构建', '1.0 秒'],
        ['generate', '2.0 秒'],
      ],
    );
    expect(table.split('\n')).toEqual([
      '阶段      用时',
      '--------  ------',
      '构建      1.0 秒',
      'generate  2.0 秒',
    ]);
  });
});
