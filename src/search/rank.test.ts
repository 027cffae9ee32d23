import { describe, expect, it } from 'vitest';
import { intersect, rankHits } from './rank.ts';

const hits = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);

describe('rankHits', () => {
  it('puts complete matches first, each group in pagefind order', () => {
    const ranked = rankHits(hits, new Set(['d', 'b']), undefined, false);
    expect(ids(ranked)).toEqual(['b', 'd', 'a', 'c', 'e']);
    expect(ranked.completeCount).toBe(2);
    expect(ranked.hits.map((h) => h.complete)).toEqual([true, true, false, false, false]);
  });

  it('keeps only complete matches when asked', () => {
    expect(ids(rankHits(hits, new Set(['e', 'a']), undefined, true))).toEqual(['a', 'e']);
  });

  it('drops pages without the quoted phrases', () => {
    expect(ids(rankHits(hits, new Set(['c']), new Set(['c', 'e']), false))).toEqual(['c', 'e']);
  });

  it('keeps everything in order for filters alone, where nothing is complete', () => {
    const ranked = rankHits(hits, undefined, undefined, true);
    expect(ids(ranked)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ranked.completeCount).toBe(0);
  });

  it('ignores ids pagefind did not return', () => {
    expect(rankHits(hits.slice(0, 2), new Set(['z', 'b']), undefined, false).completeCount).toBe(1);
  });
});

describe('intersect', () => {
  it('means no condition for no sets, and the common ids otherwise', () => {
    expect(intersect([])).toBeUndefined();
    expect(intersect([new Set(['a', 'b', 'c']), new Set(['c', 'a']), new Set(['a', 'c', 'x'])])).toEqual(
      new Set(['a', 'c']),
    );
  });
});
