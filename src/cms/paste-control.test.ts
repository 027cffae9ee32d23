import { describe, expect, it } from 'vitest';
import { insertAtToken } from './paste-control.ts';

const T = 'PORTALPASTE0123abcd';

describe('putting pasted Markdown where the editor put the placeholder', () => {
  it('gives block Markdown its own paragraphs', () => {
    expect(insertAtToken(`开头。\n\n${T}\n\n结尾。`, T, '## 标题\n\n* 甲')).toBe(
      '开头。\n\n## 标题\n\n* 甲\n\n结尾。',
    );
    expect(insertAtToken(`一句${T}两句`, T, '| 甲 |\n|---|')).toBe('一句\n\n| 甲 |\n|---|\n\n两句');
    expect(insertAtToken(T, T, '# 甲\n\n乙')).toBe('# 甲\n\n乙');
  });

  it('puts one paragraph of inline Markdown at the cursor', () => {
    expect(insertAtToken(`一句${T}两句`, T, '**重点**内容')).toBe('一句**重点**内容两句');
  });

  it('adds the paste at the end when the editor never reported the placeholder', () => {
    expect(insertAtToken('开头。\n', T, '* 甲')).toBe('开头。\n\n* 甲');
    expect(insertAtToken('', T, '* 甲')).toBe('* 甲');
  });
});
