import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { cacheKey, entryKey, viewKey } from './cache-key.ts';

describe('cache keys', () => {
  it('are stable for the same parts and differ when any part changes', () => {
    const a = cacheKey(entryKey({ id: 'x', digest: 'd1' }), ['y', 'z'], 3);
    expect(cacheKey(entryKey({ id: 'x', digest: 'd1' }), ['y', 'z'], 3)).toBe(a);
    expect(cacheKey(entryKey({ id: 'x', digest: 'd2' }), ['y', 'z'], 3)).not.toBe(a);
    expect(cacheKey(entryKey({ id: 'x', digest: 'd1' }), ['z', 'y'], 3)).not.toBe(a);
    expect(cacheKey(entryKey({ id: 'x', digest: 'd1' }), ['y', 'z'], 4)).not.toBe(a);
  });

  it('tells a missing neighbour from an empty one', () => {
    expect(cacheKey(entryKey(undefined))).not.toBe(cacheKey(entryKey({ id: '', digest: '' })));
  });

  it('keeps parts apart: no two lists of parts join into the same text', () => {
    expect(cacheKey('ab', 'c')).not.toBe(cacheKey('a', 'bc'));
  });
});

describe('view keys', () => {
  const entry = (digest: string) => ({
    id: 'a',
    collection: 'articles',
    digest,
    data: { title: '长文' },
    body: '…',
  });

  it('count an entry by its digest, not by the copy of its data the view holds', () => {
    const a = viewKey('s', { rows: [entry('d1')] });
    expect(viewKey('s', { rows: [{ ...entry('d1'), body: 'other' }] })).toBe(a);
    expect(viewKey('s', { rows: [entry('d2')] })).not.toBe(a);
  });

  it('see Temporal values, Maps and Sets by their contents, and the shared part', () => {
    const t = (iso: string) => Temporal.Instant.from(iso);
    expect(viewKey('s', t('2026-11-25T10:00:00Z'))).not.toBe(viewKey('s', t('2026-11-25T10:00:01Z')));
    expect(viewKey('s', new Map([['a', 1]]))).not.toBe(viewKey('s', new Map([['a', 2]])));
    expect(viewKey('s', new Set(['a']))).not.toBe(viewKey('s', new Set(['b'])));
    expect(viewKey('s', 1)).not.toBe(viewKey('t', 1));
  });

  it('refuse what JSON would silently drop or flatten', () => {
    expect(() => viewKey('s', { f: () => 1 })).toThrow(TypeError);
    expect(() => viewKey('s', new URLSearchParams('a=1'))).toThrow(TypeError);
  });
});
