import { describe, expect, it } from 'vitest';
import { foldForMatch, foldWidth, spaceHan, splitHanForIndex, withoutZwsp } from './text.ts';

describe('splitHanForIndex', () => {
  it('sets every Han character apart with a zero-width space, and nothing else', () => {
    expect(splitHanForIndex('线下学术推广')).toBe('\u200B线\u200B下\u200B学\u200B术\u200B推\u200B广\u200B');
    expect(splitHanForIndex('KPI达成120%')).toBe('KPI\u200B达\u200B成\u200B120%');
    expect(splitHanForIndex('plain text, <b>')).toBe('plain text, <b>');
  });

  it('reads the same to a reader once the spaces are gone', () => {
    const text = '《内刊》2026年3月：学术推广、回款（华东区）';
    expect(withoutZwsp(splitHanForIndex(text))).toBe(text);
  });

  it('counts characters outside the BMP as Han too', () => {
    expect(splitHanForIndex('𠀀字')).toBe('\u200B𠀀\u200B字\u200B');
  });
});

describe('spaceHan', () => {
  it('turns a phrase into one query word per Han character', () => {
    expect(spaceHan('学术推广')).toBe('学 术 推 广');
    expect(spaceHan('kpi达成 2026年')).toBe('kpi 达 成 2026 年');
  });
});

describe('folding', () => {
  it('reads full-width letters and digits as ASCII, keeping the length', () => {
    expect(foldWidth('ＫＰＩ１２３')).toBe('KPI123');
    expect(foldForMatch('ＫＰＩ达成')).toBe('kpi达成');
    const text = 'ÄÖ ＡＢ İ 学术';
    expect(foldForMatch(text)).toHaveLength(text.length);
  });

  it('leaves Chinese punctuation alone', () => {
    expect(foldWidth('，。！（）')).toBe('，。！（）');
  });
});
