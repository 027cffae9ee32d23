import { describe, expect, it } from 'vitest';
import { writeTree } from '../../test/support/tree.ts';
import { codeFiles, codeFingerprint } from './fingerprint.ts';

const BASE = {
  'src/pages/a.astro': '<p>a</p>',
  'src/site/b.ts': 'export const b = 1;',
  'src/site/b.test.ts': 'test',
  'astro.config.mjs': 'export default {}',
  'package-lock.json': '{}',
  'content/articles/x.md': 'content is not code',
  'tools/sample/text.ts': 'export const phrase = "学术推广";',
  'test/support/fixtures.ts': 'export const a = 1;',
};

describe('the code fingerprint', () => {
  it('covers src/ without its tests, the Astro config and the lockfile, not the content or tooling', () => {
    expect(codeFiles(writeTree(BASE))).toEqual([
      'astro.config.mjs',
      'package-lock.json',
      'src/pages/a.astro',
      'src/site/b.ts',
    ]);
  });

  it('changes with any code file, the lockfile included, and not with a test or the content', () => {
    const base = codeFingerprint(writeTree(BASE));
    expect(codeFingerprint(writeTree(BASE))).toBe(base);
    expect(codeFingerprint(writeTree({ ...BASE, 'src/site/b.ts': 'export const b = 2;' }))).not.toBe(base);
    expect(codeFingerprint(writeTree({ ...BASE, 'package-lock.json': '{"v":2}' }))).not.toBe(base);
    expect(codeFingerprint(writeTree({ ...BASE, 'src/site/c.css': 'p{}' }))).not.toBe(base);
    expect(codeFingerprint(writeTree({ ...BASE, 'src/site/b.test.ts': 'other' }))).toBe(base);
    expect(codeFingerprint(writeTree({ ...BASE, 'content/articles/x.md': 'new' }))).toBe(base);
  });

  it('does not change with the tooling (sample generator, benchmark, fixtures), only with src/', () => {
    const base = codeFingerprint(writeTree(BASE));
    const phrase = 'export const phrase = "新的示例短语";';
    expect(codeFingerprint(writeTree({ ...BASE, 'tools/sample/text.ts': phrase }))).toBe(base);
    expect(codeFingerprint(writeTree({ ...BASE, 'tools/bench/measure.ts': 'export {};' }))).toBe(base);
    expect(codeFingerprint(writeTree({ ...BASE, 'test/support/fixtures.ts': 'export const a = 2;' }))).toBe(
      base,
    );
    expect(codeFingerprint(writeTree({ ...BASE, 'src/site/text.ts': phrase }))).not.toBe(base);
  });
});
