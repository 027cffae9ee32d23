/**
 * The store module the prerender bundle imports (src/integrations/store-file.ts): it reads the store from the
 * JSON file written beside it, keeps Astro's incremental metadata, and leaves every other case to Astro.
 * The real build (test/build.test.ts, test/rebuild.test.ts, test/fastpath.test.ts) shows the pages it renders.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import storeFile, { storePath } from './store-file.ts';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
interface Plugin {
  apply: string;
  applyToEnvironment(environment: { name: string }): boolean;
  load: { order: string; handler: Hook };
  generateBundle: Hook;
}

/** The Vite plugin the integration adds, for a cache folder holding `store` as data-store.json (if given). */
async function pluginFor(store?: string, root = process.cwd(), warnings: string[] = []): Promise<Plugin> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'portal-store-file-'));
  if (store !== undefined) writeFileSync(join(cacheDir, 'data-store.json'), store);
  let plugins: Plugin[] = [];
  const setup = storeFile().hooks['astro:config:setup'] as unknown as (options: unknown) => Promise<void>;
  await setup({
    config: { cacheDir: pathToFileURL(`${cacheDir}/`), root: pathToFileURL(`${root}/`) },
    updateConfig: (config: { vite: { plugins: Plugin[] } }) => (plugins = config.vite.plugins),
    logger: { warn: (message: string) => warnings.push(message) },
  });
  return plugins[0]!;
}

const STORE = '[["Map",1,2],"articles",["Map"]]';
const MODULE = '\0astro:data-layer-content';
/** A bundle whose store module is in the chunk `file`, beside another chunk. */
const bundle = (file: string) => ({
  'entry.mjs': { type: 'chunk', fileName: 'entry.mjs', moduleIds: ['/src/pages/index.astro'] },
  [file]: { type: 'chunk', fileName: file, moduleIds: ['\0astro:content', MODULE] },
  'chunks/style.css': { type: 'asset', fileName: 'chunks/style.css' },
});
const prerender = (emitted: unknown[] = []) => ({
  environment: { name: 'prerender' },
  emitFile: (file: unknown) => emitted.push(file),
});

describe('the store read from a file', () => {
  it('answers Astro’s store module before Astro does, in builds and on the server only', async () => {
    const plugin = await pluginFor(STORE);
    expect(plugin.apply).toBe('build');
    expect(plugin.load.order).toBe('pre');
    expect(plugin.applyToEnvironment({ name: 'client' })).toBe(false);
    expect(plugin.applyToEnvironment({ name: 'prerender' })).toBe(true);
  });

  it('reads the store from the JSON file beside the module, which it writes with the same text', async () => {
    const plugin = await pluginFor(STORE);
    const loaded = (await plugin.load.handler.call(prerender(), MODULE)) as {
      code: string;
      meta: Record<string, unknown>;
    };
    expect(loaded.code).toContain("readFileSync(new URL('./portal-data-store.json', import.meta.url)");
    expect(loaded.code).not.toContain('Map');
    // Astro's mark of a content module: pages' code digests leave it out, as they leave out Astro's own.
    expect(loaded.meta).toEqual({ astroIncremental: expect.any(Object) });
    const emitted: { fileName: string; source: Uint8Array }[] = [];
    plugin.generateBundle.call(prerender(emitted), {}, bundle('chunks/_astro_data-layer-content.mjs'));
    expect(emitted).toHaveLength(1);
    expect(emitted[0]!.fileName).toBe('chunks/portal-data-store.json');
    expect(Buffer.from(emitted[0]!.source).toString('utf8')).toBe(STORE);
    // Written once: the bytes are not held for the rest of the build.
    plugin.generateBundle.call(prerender(emitted), {}, bundle('chunks/_astro_data-layer-content.mjs'));
    expect(emitted).toHaveLength(1);
  });

  it('writes the file beside whichever chunk holds the module, and fails the build when none does', async () => {
    expect(storePath(bundle('entry-data.mjs'))).toBe('portal-data-store.json');
    expect(storePath(bundle('chunks/deep/x.mjs'))).toBe('chunks/deep/portal-data-store.json');
    const plugin = await pluginFor(STORE);
    await plugin.load.handler.call(prerender(), MODULE);
    const without = bundle('chunks/x.mjs');
    delete (without as Record<string, unknown>)['chunks/x.mjs'];
    expect(() => plugin.generateBundle.call(prerender(), {}, without)).toThrow('找不到内容存储模块');
  });

  it('leaves other modules, a missing store and a chunked one to Astro, and then writes no file', async () => {
    expect(await (await pluginFor(STORE)).load.handler.call(prerender(), 'astro:content')).toBeUndefined();
    for (const store of [undefined, '{"articles":["chunk-0.json"]}']) {
      const plugin = await pluginFor(store);
      expect(await plugin.load.handler.call(prerender(), MODULE)).toBeUndefined();
      const emitted: unknown[] = [];
      plugin.generateBundle.call(prerender(emitted), {}, bundle('chunks/x.mjs'));
      expect(emitted).toEqual([]);
    }
  });

  it('leaves the store to Astro, and says so, when Astro’s metadata function is not where it was', async () => {
    const warnings: string[] = [];
    const elsewhere = mkdtempSync(join(tmpdir(), 'portal-no-astro-'));
    expect(await pluginFor(STORE, elsewhere, warnings)).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('内容存储仍编译进预渲染包')]);
  });
});
