import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from './collections/index.ts';
import { contentModelMarkdown } from './docs.ts';

describe('docs/content-model.md', () => {
  it('is what the model generates (run npm run docs after changing the model)', () => {
    expect(readFileSync('docs/content-model.md', 'utf8')).toBe(contentModelMarkdown());
  });

  it('lists every field of every collection with its Chinese label', () => {
    const doc = contentModelMarkdown();
    for (const c of COLLECTIONS) {
      for (const f of c.fields) expect(doc).toContain(`| \`${f.name}\` | ${f.label} |`);
    }
  });
});
