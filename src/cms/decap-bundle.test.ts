import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ENTRY, bundleDir, bundleFiles, inlineStyleHashes } from './decap-bundle.ts';

const dir = bundleDir(process.cwd());

describe('the Decap bundle from node_modules', () => {
  it('ships the entry, its numbered chunks and its WebAssembly, not the source maps', () => {
    const files = bundleFiles(dir);
    expect(files).toContain(BUNDLE_ENTRY);
    expect(files.filter((f) => /^\d+\.decap-cms\.js$/.test(f)).length).toBeGreaterThan(10);
    expect(files.filter((f) => f.endsWith('.wasm')).length).toBeGreaterThan(0);
    expect(files.some((f) => f.endsWith('.map') || f.startsWith('cms.'))).toBe(false);
    const bytes = files.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    expect(bytes).toBeLessThan(20 * 1024 * 1024);
  });

  it('still holds the inline styles whose hashes the admin page allows', () => {
    const { hashes, missing } = inlineStyleHashes(dir);
    expect(missing).toEqual([]);
    // The empty style emotion fills through the CSSOM, then the two stylesheets injected as text.
    expect(hashes[0]).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(hashes).toHaveLength(3);
  });
});
