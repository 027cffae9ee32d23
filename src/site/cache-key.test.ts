import { describe, expect, it } from 'vitest';
import { cacheKey, entryKey } from './cache-key.ts';

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
