import { describe, expect, it } from 'vitest';
import { pagefindFacts } from './facts.ts';
import { hasSearchBody, inStaffIndex, pageUrl, prepareForIndex, searchTime } from './indexing.ts';

describe('which pages go where', () => {
  it('serves index.html at its folder', () => {
    expect(pageUrl('articles/a-1/index.html')).toBe('/articles/a-1/');
    expect(pageUrl('manage\\reports\\r-1\\index.html')).toBe('/manage/reports/r-1/');
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });

  it('keeps everything under /manage/ out of the staff index', () => {
    expect(inStaffIndex('/articles/a/')).toBe(true);
    expect(inStaffIndex('/manage/reports/r/')).toBe(false);
    expect(inStaffIndex('/manage/compliance/')).toBe(false);
  });

  it('indexes only pages that mark their content', () => {
    expect(hasSearchBody('<article data-pagefind-body>x</article>')).toBe(true);
    expect(hasSearchBody('<main>list</main>')).toBe(false);
  });

  it('reads the search time that SearchFacts writes, which picks the shard', () => {
    const { sort } = pagefindFacts({
      kind: 'article',
      title: 't',
      time: '2026-01-01T00:00:00+08:00',
      region: undefined,
      regionName: '',
      author: 'a',
      authorName: '',
    });
    const html = sort.map(([k, v]) => `<span data-pagefind-sort="${k}:${v}"></span>`).join('');
    expect(searchTime(`<article data-pagefind-body>x</article>${html}`)).toBe(1767196800);
    expect(searchTime('<article data-pagefind-body>x</article>')).toBeUndefined();
  });
});

describe('prepareForIndex', () => {
  const Z = '\u200B';

  it('sets Han characters apart in text only, never in attributes', () => {
    const html = prepareForIndex('<p data-pagefind-meta="region:华东区" title="标题">学术</p>');
    expect(html).toBe(`<p data-pagefind-meta="region:华东区" title="标题">${Z}学${Z}术。</p>`);
  });

  it('ends every block in a full stop, unless it ends in punctuation', () => {
    expect(prepareForIndex('<h1>实践</h1><dd><a href="/r/">华东区</a></dd><p>好。</p><p>OK</p>')).toBe(
      `<h1>${Z}实${Z}践。</h1><dd><a href="/r/">${Z}华${Z}东${Z}区。</a></dd><p>${Z}好${Z}。</p><p>OK.</p>`,
    );
  });

  it('keeps phrases across inline elements together', () => {
    expect(prepareForIndex('<p>学术<strong>推广</strong>会</p>')).toBe(
      `<p>${Z}学${Z}术${Z}<strong>${Z}推${Z}广${Z}</strong>${Z}会。</p>`,
    );
  });

  it('changes no entity, script or style, so the markup means the same', () => {
    const html = '<p>&lt;script&gt;价格 &amp; 数量</p><script>var a="中文"</script><style>p{}</style>';
    expect(prepareForIndex(html)).toBe(
      `<p>&lt;script&gt;${Z}价${Z}格${Z} &amp; ${Z}数${Z}量。</p><script>var a="中文"</script><style>p{}</style>`,
    );
  });
});
