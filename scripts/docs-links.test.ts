/**
 * The README is the door to docs/: short, and every relative link in it and in docs/ leads to a file that
 * exists (a moved or renamed page breaks this test, not a reader's click).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pages = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Relative link targets of a Markdown page, without their #fragment. */
function links(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('#'))
    .map((href) => href.split('#')[0]!);
}

describe('the docs', () => {
  it('keep the README under 6 KB, linking every page of docs/', () => {
    expect(statSync('README.md').size).toBeLessThan(6 * 1024);
    const linked = new Set(links(readFileSync('README.md', 'utf8')));
    for (const page of pages.filter((p) => p !== 'README.md')) expect(linked, page).toContain(page);
  });

  it.each(pages)('%s has no dead relative link', (page) => {
    const found = links(readFileSync(page, 'utf8'));
    for (const href of found) expect(existsSync(join(dirname(page), href)), `${page} → ${href}`).toBe(true);
  });

  it('would catch a dead link', () => {
    expect(links('见 [x](missing.md#a) 和 [y](https://example.org)')).toEqual(['missing.md']);
  });
});
