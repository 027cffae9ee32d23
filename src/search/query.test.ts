import { describe, expect, it } from 'vitest';
import { exactTerm, looseTerm, MAX_PHRASES, MAX_QUERY_CHARS, parseQuery } from './query.ts';

const texts = (q: string) => parseQuery(q).phrases.map((p) => p.text);

describe('parseQuery', () => {
  it('keeps a Chinese run of words as one phrase', () => {
    expect(parseQuery('学术推广')).toEqual({
      phrases: [{ text: '学术推广', quoted: false }],
      truncated: false,
    });
  });

  it('splits at spaces and punctuation', () => {
    expect(texts('华东区 学术推广')).toEqual(['华东区', '学术推广']);
    expect(texts('回款，纯销；布点')).toEqual(['回款', '纯销', '布点']);
  });

  it('reads quoted phrases, in ASCII, full-width or Chinese quotes, as required', () => {
    for (const q of ['"学术推广" 华东', '“学术推广” 华东', '「学术推广」 华东', '＂学术推广＂ 华东']) {
      expect(parseQuery(q).phrases).toEqual([
        { text: '学术推广', quoted: true },
        { text: '华东', quoted: false },
      ]);
    }
  });

  it('joins the words of a quoted phrase as written: no space next to Chinese', () => {
    expect(texts('"学术 推广"')).toEqual(['学术推广']);
    expect(texts('"sales kpi"')).toEqual(['sales kpi']);
    expect(texts('"KPI 达成"')).toEqual(['kpi达成']);
  });

  it('reads an unclosed quote as no quote', () => {
    expect(parseQuery('"学术推广').phrases).toEqual([{ text: '学术推广', quoted: false }]);
    expect(parseQuery('"回款" "纯销').phrases).toEqual([
      { text: '回款', quoted: true },
      { text: '纯销', quoted: false },
    ]);
  });

  it('folds case and width', () => {
    expect(texts('ＫＰＩ Sales')).toEqual(['kpi', 'sales']);
  });

  it('counts a phrase once, required if quoted either time', () => {
    expect(parseQuery('回款 "回款" 回款').phrases).toEqual([{ text: '回款', quoted: true }]);
  });

  it('finds nothing to search in empty input, punctuation or markup symbols', () => {
    for (const q of ['', '   ', '，。！？……——“”《》', '<>&"\'/\\', '""']) expect(texts(q)).toEqual([]);
  });

  it('keeps the words of hostile input as plain words', () => {
    expect(texts('<script>alert(1)</script>')).toEqual(['script', 'alert', '1']);
    expect(texts('" onmouseover="alert(1)')).toEqual(['onmouseover', 'alert', '1']);
  });

  it('cuts long input and says so', () => {
    const long = parseQuery('学术推广'.repeat(500));
    expect(long.truncated).toBe(true);
    expect(long.phrases).toEqual([{ text: '学术推广'.repeat(MAX_QUERY_CHARS / 4), quoted: false }]);
    const many = parseQuery(Array.from({ length: 20 }, (_, i) => `词${i}`).join(' '));
    expect(many.truncated).toBe(true);
    expect(many.phrases).toHaveLength(MAX_PHRASES);
  });
});

describe('pagefind terms', () => {
  it('asks the ordinary search for every character, the phrase mode for one phrase in order', () => {
    const query = parseQuery('华东区 "学术推广"');
    expect(looseTerm(query)).toBe('华 东 区 学 术 推 广');
    expect(exactTerm(query.phrases[1]!)).toBe('"学 术 推 广"');
  });
});
