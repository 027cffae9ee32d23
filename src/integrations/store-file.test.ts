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
import storeFile, { STORE_FILE } from './store-file.ts';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
interface Plugin {
  apply: string;
  applyToEnvironment(environment: { name: string }): boolean;
  load: { order: string; handler: Hook };
  generateBundle: Hook;
}

/** The Vite plugin the integration adds, for a cache folder holding `store` as data-store.json (if given). */
async function pluginFor(store?: string): Promise<Plugin> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'portal-store-file-'));
  if (store !== undefined) writeFileSync(join(cacheDir, 'data-store.json'), store);
  let plugins: Plugin[] = [];
  const setup = storeFile().hooks['astro:config:setup'] as unknown as (options: unknown) => Promise<void>;
  await setup({
    config: { cacheDir: pathToFileURL(`${cacheDir}/`), root: pathToFileURL(`${process.cwd()}/`) },
    updateConfig: (config: { vite: { plugins: Plugin[] } }) => (plugins = config.vite.plugins),
  });
  return plugins[0]!;
}

const STORE = '[["Map",1,2],"articles",["Map"]]';
const MODULE = '\0astro:data-layer-content';
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
    const emitted: unknown[] = [];
    plugin.generateBundle.call(prerender(emitted));
    expect(emitted).toEqual([{ type: 'asset', fileName: STORE_FILE, source: STORE }]);
    expect(STORE_FILE).toBe('chunks/portal-data-store.json');
  });

  it('leaves other modules, a missing store and a chunked one to Astro, and then writes no file', async () => {
    expect(await (await pluginFor(STORE)).load.handler.call(prerender(), 'astro:content')).toBeUndefined();
    for (const store of [undefined, '{"articles":["chunk-0.json"]}']) {
      const plugin = await pluginFor(store);
      expect(await plugin.load.handler.call(prerender(), MODULE)).toBeUndefined();
      const emitted: unknown[] = [];
      plugin.generateBundle.call(prerender(emitted));
      expect(emitted).toEqual([]);
    }
  });
});
