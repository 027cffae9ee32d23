/**
 * The reference line of `npm run bench`: the cold build's CPU seconds against those of a plain Hugo build of the
 * same Markdown (issue 14). Hugo is optional (Debian's `hugo` package); without it the bench says so and goes on.
 * The Hugo site is throwaway and minimal: the entry files as they are, one trivial layout per page kind, no
 * theme, so that the figure is Hugo reading and rendering the Markdown, not a theme's work.
 */
import { accessSync, constants, cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';

/** The absolute path of `command` on PATH, if an executable of that name is there. */
export function onPath(command: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const SINGLE =
  '<!doctype html><html lang="zh-CN"><title>{{ .Title }}</title><main>{{ .Content }}</main></html>\n';
const LIST =
  '<!doctype html><html lang="zh-CN"><title>{{ .Title }}</title><ul>' +
  '{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></html>\n';

/**
 * Writes a Hugo site into `site` whose content is every Markdown file below `content` (same relative paths);
 * returns how many files it holds.
 */
export function writeHugoSite(content: string, site: string): number {
  const files = readdirSync(content, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => relative(content, join(e.parentPath, e.name)));
  for (const file of files) {
    mkdirSync(join(site, 'content', file, '..'), { recursive: true });
    cpSync(join(content, file), join(site, 'content', file));
  }
  mkdirSync(join(site, 'layouts/_default'), { recursive: true });
  writeFileSync(join(site, 'layouts/_default/single.html'), SINGLE);
  writeFileSync(join(site, 'layouts/_default/list.html'), LIST);
  writeFileSync(join(site, 'layouts/index.html'), LIST);
  writeFileSync(
    join(site, 'hugo.toml'),
    'baseURL = "http://localhost/"\nlanguageCode = "zh-CN"\ntitle = "基准测试"\n',
  );
  return files.length;
}

/** A Hugo run's result, or why there was none. */
export type HugoRun =
  { version: string; files: number; cpuSeconds: number; ms: number; peakBytes: number } | { skipped: string };

/** The cold build's CPU seconds as a multiple of Hugo's; `null` without a Hugo run. */
export function hugoRatio(buildCpuSeconds: number, hugo: HugoRun): number | null {
  if ('skipped' in hugo || hugo.cpuSeconds <= 0) return null;
  return buildCpuSeconds / hugo.cpuSeconds;
}

/** The reference line under the targets table. */
export function referenceLine(buildCpuSeconds: number, hugo: HugoRun): string {
  const build = `首次构建 CPU ${buildCpuSeconds.toFixed(1)} 秒（用户 + 系统，整个进程树）`;
  if ('skipped' in hugo) return `参考：${build}；与 Hugo 的对比已跳过：${hugo.skipped}`;
  return (
    `参考：${build}，是 Hugo（${hugo.version}）构建同样 ${hugo.files} 个 Markdown 文件` +
    `（${hugo.cpuSeconds.toFixed(1)} 秒 CPU）的 ${hugoRatio(buildCpuSeconds, hugo)?.toFixed(1) ?? '—'} 倍`
  );
}
