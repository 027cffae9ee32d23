/**
 * The build's content store read from a JSON file beside its module, rather than compiled as a string in it.
 *
 * Astro 7.3.5 puts the whole content store (data-store.json in the cache folder: 97 MB at 20,000 entries)
 * into the prerender bundle as one module, `export default JSON.parse("…")` (content/vite-plugin-content-
 * virtual-mod.js). V8 compiles that module, escapes and Chinese text in a 97 MB string literal, in about
 * 40 s; the same text read from a file and parsed takes about 2 s (measured at 20,000 entries). Every build
 * whose content changed paid it, and so did every warm-up of the fast path. This plugin answers the same
 * module first, with the same incremental-build metadata (so that pages' code digests still leave the store
 * out), and writes the text as `portal-data-store.json` of the same bundle, beside whichever chunk holds the
 * module. It is an optimisation only: without Astro's metadata function (moved in another Astro) the build
 * goes on with Astro's own module, and says so.
 *
 * The bundle is never served: Astro moves only the `_astro/` assets of the server build into the site, and
 * test/build.test.ts checks that no copy of the store reaches it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's id of the store module (content/consts.js RESOLVED_DATA_STORE_VIRTUAL_ID). */
const STORE_MODULE = '\0astro:data-layer-content';
/** The JSON file's name: it is written beside the chunk that holds the store module. */
export const STORE_NAME = 'portal-data-store.json';

/** Where the store goes in a bundle: beside the chunk that holds its module; undefined if none does. */
export function storePath(bundle: Record<string, { type: string; fileName: string; moduleIds?: string[] }>) {
  const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.moduleIds?.includes(STORE_MODULE));
  return chunk && posix.join(posix.dirname(chunk.fileName), STORE_NAME);
}

/** Astro's incremental-build metadata for content modules (core/build/incremental-metadata.js), by file. */
async function contentMetadata(root: string): Promise<() => Record<string, unknown>> {
  const astro = dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json'));
  const module = (await import(
    pathToFileURL(join(astro, 'dist/core/build/incremental-metadata.js')).href
  )) as {
    createContentDataIncrementalMetadata(): Record<string, unknown>;
  };
  return module.createContentDataIncrementalMetadata;
}

export default function storeFile(): AstroIntegration {
  return {
    name: 'portal-store-file',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, logger }) => {
        const store = join(fileURLToPath(config.cacheDir), 'data-store.json');
        const metadata = await contentMetadata(fileURLToPath(config.root)).catch((error: Error) => {
          logger.warn(`内容存储仍编译进预渲染包（较慢）：找不到 Astro 的增量元数据（${error.message}）`);
          return undefined;
        });
        if (!metadata) return;
        /** The store's bytes, by the environment whose bundle imports it, until they are written. */
        const texts = new Map<string, Buffer>();
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'portal-store-file',
                apply: 'build',
                enforce: 'pre',
                // Server-side only: pages read the store when they render; no client script imports it.
                applyToEnvironment: (environment) => environment.name !== 'client',
                // Before Astro's own plugin (enforce: 'pre' too, and listed first), which answers this module.
                load: {
                  order: 'pre',
                  async handler(id) {
                    if (id !== STORE_MODULE) return undefined;
                    // Bytes, not a string: outside V8's heap, smaller (it is mostly ASCII), and held only until written.
                    const text = await readFile(store).catch(() => undefined);
                    // No store yet, or a chunked one (a manifest): Astro's own module.
                    if (text === undefined || text[0] !== 0x5b /* [ */) return undefined;
                    texts.set(this.environment.name, text);
                    return {
                      code:
                        `import { readFileSync } from 'node:fs';\n` +
                        `export default JSON.parse(readFileSync(new URL('./${STORE_NAME}', import.meta.url), 'utf8'));\n`,
                      map: { mappings: '' },
                      meta: metadata(),
                    };
                  },
                },
                generateBundle(_options, bundle) {
                  const text = texts.get(this.environment.name);
                  if (text === undefined) return;
                  texts.delete(this.environment.name);
                  const fileName = storePath(bundle);
                  // Not expected; but a bundle whose store is not beside its module would fail at every page.
                  if (!fileName) throw new Error('预渲染包里找不到内容存储模块所在的文件');
                  this.emitFile({ type: 'asset', fileName, source: text });
                },
              },
            ],
          },
        });
      },
    },
  };
}
