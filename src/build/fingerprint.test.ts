import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFiles, codeFingerprint } from './fingerprint.ts';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const BASE = {
  'src/pages/a.astro': '<p>a</p>',
  'src/site/b.ts': 'export const b = 1;',
  'src/site/b.test.ts': 'test',
  'astro.config.mjs': 'export default {}',
  'package-lock.json': '{}',
  'content/articles/x.md': 'content is not code',
};

describe('the code fingerprint', () => {
  it('covers src/ without its tests, the Astro config and the lockfile, and not the content', () => {
    expect(codeFiles(project(BASE))).toEqual([
      'astro.config.mjs',
      'package-lock.json',
      'src/pages/a.astro',
      'src/site/b.ts',
    ]);
  });

  it('changes with any code file, the lockfile included, and not with a test or the content', () => {
    const base = codeFingerprint(project(BASE));
    expect(codeFingerprint(project(BASE))).toBe(base);
    expect(codeFingerprint(project({ ...BASE, 'src/site/b.ts': 'export const b = 2;' }))).not.toBe(base);
    expect(codeFingerprint(project({ ...BASE, 'package-lock.json': '{"v":2}' }))).not.toBe(base);
    expect(codeFingerprint(project({ ...BASE, 'src/site/c.css': 'p{}' }))).not.toBe(base);
    expect(codeFingerprint(project({ ...BASE, 'src/site/b.test.ts': 'other' }))).toBe(base);
    expect(codeFingerprint(project({ ...BASE, 'content/articles/x.md': 'new' }))).toBe(base);
  });
});
