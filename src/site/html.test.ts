import { describe, expect, it } from 'vitest';
import { renderSubmission } from '../markdown/render.ts';
import { fitHeadings, markLinksForPrint } from './html.ts';

describe('fitHeadings', () => {
  it('moves the highest heading to the top level and keeps the distances', () => {
    expect(fitHeadings('<h2>一</h2><p>文</p><h3>二</h3><h5>三</h5><h6>四</h6>', 4)).toBe(
      '<h4>一</h4><p>文</p><h5>二</h5><h6>三</h6><h6>四</h6>',
    );
  });

  it('moves headings up when the author started lower', () => {
    expect(fitHeadings('<h3>一</h3><h4>二</h4>', 2)).toBe('<h2>一</h2><h3>二</h3>');
  });

  it('leaves text that only looks like a heading alone', () => {
    const html = renderSubmission('# 小标题\n\n代码 `<h2>` 和 5 <h3 不是标题。\n\n<header>页眉</header>');
    const fitted = fitHeadings(html, 3);
    expect(fitted).toContain('<h3>小标题</h3>');
    expect(fitted).toContain('<code>&lt;h2&gt;</code>');
    expect(fitted).toContain('5 &lt;h3');
    expect(fitted).not.toContain('<header');
    expect(fitted.match(/<h\d/g)).toEqual(['<h3']);
  });

  it('changes nothing without headings or when they already fit', () => {
    expect(fitHeadings('<p>文</p>', 2)).toBe('<p>文</p>');
    expect(fitHeadings('<h2>一</h2>', 2)).toBe('<h2>一</h2>');
  });
});

describe('markLinksForPrint', () => {
  it('marks external links whose text is not their address', () => {
    const html = renderSubmission('见[公司官网](https://example.com/about)。');
    expect(markLinksForPrint(html)).toContain(
      'href="https://example.com/about" rel="noopener noreferrer nofollow" class="print-url">公司官网</a>',
    );
  });

  it('leaves pasted addresses alone, so they do not print twice', () => {
    const html = renderSubmission(
      '见 https://example.com/about 和 <https://example.com/>，以及 [example.com](http://example.com)。',
    );
    expect(markLinksForPrint(html)).not.toContain('print-url');
  });

  it('leaves links inside the portal and mail links alone', () => {
    const html = renderSubmission('[上期内刊](/issues/2026-09/) [写信](mailto:a@example.com)');
    expect(markLinksForPrint(html)).toBe(html);
  });
});
