/**
 * Builds the two search indexes once the site is written, with pagefind's Node API (as Starlight does), so
 * that `npm run build` alone produces them:
 *
 * - /pagefind/ for everyone: articles and minutes, nothing under /manage/;
 * - /manage/pagefind/ for managers: everything, reports too. It lives under /manage/, so the web server rule
 *   that guards /manage/ guards it as well.
 *
 * Only pages that mark their content with `data-pagefind-body` are indexed. The build fails if pagefind
 * reports an error: a site with a broken search should not ship.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { hasSearchBody, inStaffIndex, pageUrl, prepareForIndex } from '../search/indexing.ts';

export const STAFF_INDEX = 'pagefind';
export const MANAGERS_INDEX = 'manage/pagefind';

/** pagefind also writes its own search UIs; the portal has its own and does not ship theirs. */
const UNUSED_FILES = ['ui', 'modular-ui', 'component-ui']
  .flatMap((ui) => [`pagefind-${ui}.js`, `pagefind-${ui}.css`])
  .concat('pagefind-highlight.js');

/** Pages handed to the indexer at once: it is a separate process and works on them in parallel. */
const BATCH = 32;

function check(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new Error(`搜索索引出错（${what}）：${errors.join('；')}`);
}

async function newIndex(): Promise<PagefindIndex> {
  // Every page is <html lang="zh-CN">; forcing the language keeps one index even if a page forgot it.
  const { index, errors } = await createIndex({ forceLanguage: 'zh-cn' });
  check(errors, '创建索引');
  return index!;
}

async function write(index: PagefindIndex, outputPath: string): Promise<void> {
  check((await index.writeFiles({ outputPath })).errors, outputPath);
  await Promise.all(UNUSED_FILES.map((f) => rm(join(outputPath, f), { force: true })));
}

export default function searchIndexes(): AstroIntegration {
  return {
    name: 'portal-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
        const [staff, managers] = [await newIndex(), await newIndex()];
        const counts = { staff: 0, managers: 0 };
        try {
          for (let i = 0; i < files.length; i += BATCH) {
            await Promise.all(
              files.slice(i, i + BATCH).map(async (file) => {
                const html = await readFile(join(root, file), 'utf8');
                if (!hasSearchBody(html)) return;
                const url = pageUrl(file);
                const content = prepareForIndex(html);
                check((await managers.addHTMLFile({ url, content })).errors, url);
                counts.managers += 1;
                if (!inStaffIndex(url)) return;
                check((await staff.addHTMLFile({ url, content })).errors, url);
                counts.staff += 1;
              }),
            );
          }
          await write(staff, join(root, STAFF_INDEX));
          await write(managers, join(root, MANAGERS_INDEX));
        } finally {
          await close();
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`搜索索引：员工 ${counts.staff} 页，管理人员 ${counts.managers} 页，用时 ${seconds} 秒`);
      },
    },
  };
}
