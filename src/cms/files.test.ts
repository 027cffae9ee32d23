import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILE_KEYS, formatName } from '../model/cms.ts';
import { COLLECTIONS, articles, calendar, people, reports } from '../model/collections/index.ts';
import { classify, listFiles } from '../load/files.ts';
import { formats, formatter, prune } from './files.ts';

describe('the CMS file formats', () => {
  it('read and write back every sample file unchanged', () => {
    const paths = listFiles('content');
    expect(paths.length).toBeGreaterThan(100);
    for (const path of paths) {
      const role = classify(path);
      if (role.kind === 'media') continue; // Images are bytes, not a CMS format.
      const name = role.kind === 'stray' ? undefined : role.collection;
      const c = COLLECTIONS.find((x) => x.name === name)!;
      const text = readFileSync(`content/${path}`, 'utf8');
      const f = formatter(c);
      expect(f.toFile(f.fromFile(text)), path).toBe(text);
    }
  });

  it('show a top-level list as one field named after the collection, and write the bare list', () => {
    const f = formatter(people);
    const data = f.fromFile(readFileSync('content/org/people.yaml', 'utf8'));
    expect(Object.keys(data)).toEqual(['people']);
    expect((data.people as { id: string }[])[0]!.id).toMatch(/^[a-z]/);
    expect(f.toFile({ people: [{ id: 'a', name: '甲乙' }] })).toBe('- id: a\n  name: 甲乙\n');
  });

  it('leave out empty optional fields and the file-name keys, quote dates, keep the field order', () => {
    const text = formatter(articles).toFile({
      body: '\n正文第一段。\n',
      submitted: '2026-10-12T09:30:15+08:00',
      title: '标题',
      summary: '',
      tags: [],
      cover: null,
      [FILE_KEYS.slug]: '2026-10-12-zhangwei-093015',
      [FILE_KEYS.year]: '2026',
      author: 'zhangwei',
    });
    expect(text).toBe(
      "---\ntitle: 标题\nauthor: zhangwei\nsubmitted: '2026-10-12T09:30:15+08:00'\n---\n\n正文第一段。\n",
    );
  });

  it('order sales figures as the model lists them, and drop figures left empty', () => {
    const text = formatter(reports).toFile({
      kind: 'achievement',
      figures: { sales: { actual: 2, target: 1 }, shipments: { target: '', actual: '' } },
    });
    expect(text).toContain('figures:\n  sales:\n    target: 1\n    actual: 2\n');
    expect(text).not.toContain('shipments');
  });

  it('read an empty calendar as no overrides', () => {
    expect(formatter(calendar).fromFile('')).toEqual({});
  });

  it('refuse to read YAML the build would refuse, with its line', () => {
    expect(() => formatter(articles).fromFile('---\ntitle: a\ntitle: b\n---\n')).toThrow(/第 3 行/);
  });

  it('register one format per collection under the name the config uses', () => {
    expect(formats().map((f) => f.name)).toEqual(COLLECTIONS.map(formatName));
  });
});

describe('prune', () => {
  it('drops empty strings, lists and maps at any depth, keeps zeros and false', () => {
    expect(prune({ a: '', b: [], c: {}, d: { e: '' }, f: 0, g: false, h: ['', 'x'] })).toEqual({
      f: 0,
      g: false,
      h: ['x'],
    });
  });
});
