import { describe, expect, it } from 'vitest';
import { classify, pathOf } from './paths.ts';
import { Refusal } from './refusal.ts';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error as Refusal;
  }
  throw new Error('not refused');
};

describe('classify', () => {
  it('knows generated submission names, with what they claim', () => {
    expect(classify('content/articles/2026/2026-11-30-xuning-093015.md')).toMatchObject({
      kind: 'submission',
      collection: { name: 'articles' },
      slug: '2026/2026-11-30-xuning-093015',
      generated: { date: '2026-11-30', person: 'xuning' },
    });
    expect(classify('content/reports/2026/2026-11-30-xuning-093015-2.md')).toMatchObject({
      generated: { date: '2026-11-30', person: 'xuning' },
    });
  });

  it('accepts older names for editing, without a generated claim', () => {
    const target = classify('content/reports/2026/achievement-2026-q1-haochunmei.md');
    expect(target).toMatchObject({ kind: 'submission', slug: '2026/achievement-2026-q1-haochunmei' });
    expect('generated' in target).toBe(false);
    // A generated-looking name filed under another year claims nothing.
    expect('generated' in classify('content/articles/2025/2026-01-01-xuning-093015.md')).toBe(false);
  });

  it('knows exactly the three reference files', () => {
    expect(classify('content/org/people.yaml')).toMatchObject({ kind: 'org', slug: 'people' });
    expect(classify('content/org/calendar.yaml')).toMatchObject({ kind: 'org', slug: 'calendar' });
    expect(refusal(() => classify('content/org/other.yaml')).status).toBe(403);
  });

  it.each([
    '.git/hooks/post-commit',
    '.git/config',
    'src/pages/x.astro',
    'public/uploads/x.html',
    'README.md',
    'package.json',
    '/etc/passwd',
    '../outside.md',
    'content/../src/x.md',
    'content/articles/2026/../../../x.md',
    'content/articles/2026/%2e%2e/x.md',
    'content/articles/2026/x%2Emd',
    'content/Articles/2026/x.md',
    'content/articles/2026/X.md',
    'content\\articles\\2026\\x.md',
    'content/articles/2026/x.md\u0000.txt',
    'content/articles/2026/.x.md',
    'content/articles//2026/x.md',
    'content/articles/2026/x.md/',
    'content/articles/2026/x.markdown',
    'content/articles/26/x.md',
    'content/articles/2026/sub/x.md',
    'content/articles/x.md',
    'content/articles/２０２６/x.md',
    'content/articles/2026/-x.md',
  ])('refuses %s', (path) => {
    const error = refusal(() => classify(path));
    expect(error).toBeInstanceOf(Refusal);
    expect(error.message).toMatch(/\p{Script=Han}/u);
    // The same words whether the CMS asked to read the file or to write it.
    if (error.status === 403) expect(error.message).toContain('不允许读写');
  });

  it('refuses what is not a path', () => {
    for (const bad of [undefined, null, 42, '', 'x'.repeat(201), ['content/org/people.yaml']])
      expect(refusal(() => classify(bad)).status).toBe(400);
  });
});

describe('pathOf', () => {
  it('gives the one file of a collection and slug, and refuses slugs that would leave it', () => {
    expect(pathOf('articles', '2026/2026-11-30-xuning-093015')).toBe(
      'content/articles/2026/2026-11-30-xuning-093015.md',
    );
    expect(pathOf('people', 'people')).toBe('content/org/people.yaml');
    expect(refusal(() => pathOf('articles', '../../.git/config')).status).toBe(403);
    expect(refusal(() => pathOf('people', 'regions')).status).toBe(400);
    expect(refusal(() => pathOf('secrets', 'x')).status).toBe(400);
  });
});
