import { describe, expect, it } from 'vitest';
import { partsFromPagefind, phraseWindow, type Part } from './excerpt.ts';

const marked = (parts: Part[]) => parts.filter((p) => p.mark).map((p) => p.text);
const plain = (parts: Part[]) => parts.map((p) => p.text).join('');

describe('partsFromPagefind', () => {
  it('merges the marks pagefind puts on single characters', () => {
    expect(partsFromPagefind('开展<mark>学</mark><mark>术</mark><mark>推</mark><mark>广</mark>活动')).toEqual(
      [
        { text: '开展', mark: false },
        { text: '学术推广', mark: true },
        { text: '活动', mark: false },
      ],
    );
  });

  it('turns escaped page text back into text, never into markup', () => {
    const parts = partsFromPagefind('价格 &lt;script&gt;alert(1)&lt;/script&gt; 与 <mark>回款</mark>');
    expect(plain(parts)).toBe('价格 <script>alert(1)</script> 与 回款');
    expect(marked(parts)).toEqual(['回款']);
  });

  it('drops zero-width spaces and handles unbalanced marks', () => {
    expect(partsFromPagefind('学\u200B术<mark>推')).toEqual([
      { text: '学术', mark: false },
      { text: '推', mark: true },
    ]);
    expect(partsFromPagefind('')).toEqual([]);
  });
});

describe('phraseWindow', () => {
  const content = `${'前文很长。'.repeat(20)}本月开展学术推广活动，学术推广效果明显。${'后文很长。'.repeat(20)}`;

  it('shows the text around the first occurrence, every occurrence marked', () => {
    const parts = phraseWindow(content, ['学术推广'], 40)!;
    expect(marked(parts)).toEqual(['学术推广', '学术推广']);
    expect(parts[0]).toEqual({ text: expect.stringMatching(/^…/), mark: false });
    expect(plain(parts).length).toBeLessThanOrEqual(42);
    expect(plain(parts).at(-1)).toBe('…');
  });

  it('finds Latin phrases in any case and width', () => {
    expect(marked(phraseWindow('本季度ＫＰＩ达成率 Kpi', ['kpi'], 40)!)).toEqual(['ＫＰＩ', 'Kpi']);
  });

  it('marks several phrases, and is undefined when none occurs', () => {
    expect(marked(phraseWindow('华东区回款情况', ['回款', '华东区'], 40)!)).toEqual(['华东区回款']);
    expect(phraseWindow('没有关系的内容', ['学术推广'], 40)).toBeUndefined();
  });

  it('never starts on the full stop that ended the previous block', () => {
    const parts = phraseWindow(`${'甲'.repeat(30)}. 学术推广`, ['学术推广'], 20)!;
    expect(plain(parts)).toMatch(/^…[^.\s]/);
  });

  it('never cuts a character outside the BMP in half', () => {
    const text = `${'𠀀'.repeat(30)}学术推广${'𠀀'.repeat(30)}`;
    const window = plain(phraseWindow(text, ['学术推广'], 21)!);
    expect(window).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});
