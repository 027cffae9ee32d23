import { describe, expect, it } from 'vitest';
import { articleExcerpt } from './excerpt.ts';

describe('articleExcerpt', () => {
  it('prefers the summary', () => {
    expect(articleExcerpt(' 一次成功的科室会。 ', '## 正文\n\n很长的正文。', 10)).toBe('一次成功的科室会。');
  });

  it('falls back to the plain text of the body, cut to length', () => {
    const text = articleExcerpt(undefined, '## 背景\n\n本月**华东区**召开了科室会，效果很好，值得推广。', 12);
    expect(text).toBe('背景 本月华东区召开了…');
    expect(text).not.toContain('<');
  });

  it('never lets markup or script text through', () => {
    const text = articleExcerpt('', '<script>alert(1)</script>正文 <img src=x onerror=alert(1)>', 50);
    expect(text).toBe('正文');
  });

  it('is empty for an empty body', () => {
    expect(articleExcerpt(undefined, undefined, 10)).toBe('');
  });
});
