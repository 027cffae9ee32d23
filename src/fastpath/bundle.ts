/**
 * Keeps the bundle the static build rendered its pages with, for the fast path (src/fastpath/worker.ts).
 *
 * Astro 7.3.5 builds one server bundle for prerendering (`.prerender/` beside the output, or in `.astro/` when
 * the output is outside the working folder: getPrerenderOutputDirectory and getOutDirWithinCwd in
 * node_modules/astro/dist), imports its `prerender-entry.*.mjs` to render every page, then deletes it
 * (static-build.js, right after generatePages). `astro:build:generated` runs at the end of generatePages,
 * before that deletion: the bundle is moved (or copied) into the cache folder here. The fast path renders
 * with it — the same compiled components, sanitiser, CSP hashes and styles as the build, byte for byte.
 *
 * Two changes make it usable from another process:
 * - `node_modules` beside it links to the project's, so that its bare imports (devalue, cookie, …) resolve
 *   wherever the cache folder is;
 * - the content store chunk (the build's data store as devalue JSON) is wrapped so that a process that sets
 *   the hook below receives the store before the bundle reads it and can update it between renders.
 */
import { cp, mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';

/** The folder below Astro's cache folder that holds the kept bundles and the pointer to the newest. */
export const FAST_PATH_FOLDER = 'portal-fastpath';
const POINTER = 'current.json';
const STORE_CHUNK = /^_astro_data-layer-content_.*\.mjs$/;
/** The global a fast path sets to receive (and keep a hold of) the content store. */
export const STORE_HOOK = 'portal.fastpath.dataStore';

export interface KeptBundle {
  /** The bundle's folder. */
  dir: string;
  /** Its prerender entry, to import. */
  entry: string;
}

/** Where Astro wrote the prerender bundle (see the note above). */
export function prerenderDir(config: AstroConfig, cwd = process.cwd()): string {
  const outDir = fileURLToPath(config.outDir);
  return outDir.startsWith(cwd) ? join(outDir, '.prerender') : join(cwd, '.astro', '.prerender');
}

async function entryOf(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.find((n) => /^prerender-entry\..*\.mjs$/.test(n));
}

/** Wraps the content store chunk so that a fast path can adopt the store (see STORE_HOOK). */
async function hookStore(dir: string): Promise<void> {
  const chunks = join(dir, 'chunks');
  const found = (await readdir(chunks)).filter((n) => STORE_CHUNK.test(n));
  if (found.length !== 1) throw new Error(`找不到内容存储模块（chunks/ 下有 ${found.length} 个）`);
  const name = found[0]!;
  await rename(join(chunks, name), join(chunks, `original-${name}`));
  await writeFile(
    join(chunks, name),
    `import original from './original-${name}';\n` +
      `const adopt = globalThis[Symbol.for(${JSON.stringify(STORE_HOOK)})];\n` +
      `export default adopt ? adopt(original) : original;\n`,
  );
}

/** Moves the build's prerender bundle into `cacheDir` and points the fast path at it. */
export async function keepBundle(source: string, cacheDir: string, root: string): Promise<string> {
  const folder = join(cacheDir, FAST_PATH_FOLDER);
  await mkdir(folder, { recursive: true });
  const name = `bundle-${Date.now()}-${process.pid}`;
  const target = join(folder, name);
  try {
    await rename(source, target);
  } catch {
    // Another file system (a cache folder in /tmp): copy instead; Astro deletes the source right after.
    await cp(source, target, { recursive: true });
  }
  await symlink(join(root, 'node_modules'), join(target, 'node_modules'), 'dir');
  await hookStore(target);
  const pointer = join(folder, POINTER);
  await writeFile(`${pointer}.${process.pid}`, JSON.stringify({ bundle: name }));
  await rename(`${pointer}.${process.pid}`, pointer);
  // The newest two stay: a fast path started on the one before may still be loading from it.
  const bundles = (await readdir(folder))
    .filter((n) => n.startsWith('bundle-'))
    .sort((a, b) => stamp(b) - stamp(a));
  await Promise.all(bundles.slice(2).map((n) => rm(join(folder, n), { recursive: true, force: true })));
  return target;
}

const stamp = (name: string) => Number(name.split('-')[1]);

/** The bundle the last successful build kept in `cacheDir`, if any. */
export async function keptBundle(cacheDir: string): Promise<KeptBundle | undefined> {
  const folder = join(cacheDir, FAST_PATH_FOLDER);
  try {
    const { bundle } = JSON.parse(await readFile(join(folder, POINTER), 'utf8')) as { bundle: string };
    const dir = join(folder, bundle);
    const entry = await entryOf(dir);
    return entry ? { dir, entry: join(dir, entry) } : undefined;
  } catch {
    return undefined;
  }
}

/** The integration: after the pages are generated, keep the bundle they were rendered with. */
export default function keepPrerenderBundle(): AstroIntegration {
  let config: AstroConfig;
  return {
    name: 'portal-fastpath-bundle',
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:generated': async ({ logger }) => {
        const source = prerenderDir(config);
        if (!existsSync(source) || !(await entryOf(source))) {
          logger.warn(`没有找到预渲染产物（${source}），快速发布通道将等下一次构建。`);
          return;
        }
        const root = fileURLToPath(config.root);
        await keepBundle(source, resolve(fileURLToPath(config.cacheDir)), root);
      },
    },
  };
}
