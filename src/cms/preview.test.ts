import { describe, expect, it } from 'vitest';
import type { CreateElement } from './preview-markup.ts';
import { draftImages, registerPreviews, type PreviewCms } from './preview.ts';
import type { RosterLists } from './names.ts';
import { previewNames } from './preview-roster.ts';

/**
 * createElement's contract as the markup uses it, writing HTML: enough to read the structure the templates
 * build. (The real thing, React in Decap's bundle, runs in test/cms-preview.test.ts.)
 */
const toHtml: CreateElement = (type, props, ...children) => {
  const attributes = Object.entries(props ?? {})
    .filter(([name, value]) => value !== undefined && name !== 'key' && name !== 'dangerouslySetInnerHTML')
    .map(([name, value]) => ` ${name === 'className' ? 'class' : name.toLowerCase()}="${String(value)}"`)
    .join('');
  const inner = (props?.dangerouslySetInnerHTML as { __html: string } | undefined)?.__html;
  const flat = (c: unknown): string => (Array.isArray(c) ? c.map(flat).join('') : c == null ? '' : String(c));
  return `<${String(type)}${attributes}>${inner ?? flat(children)}</${String(type)}>`;
};

function registered(roster: RosterLists = { people: [], regions: [] }) {
  const styles: string[] = [];
  const templates = new Map<string, Parameters<PreviewCms['registerPreviewTemplate']>[1]>();
  const cms: PreviewCms = {
    registerPreviewStyle: (style) => styles.push(style),
    registerPreviewTemplate: (name, component) => templates.set(name, component),
  };
  registerPreviews(cms, toHtml as NonNullable<Window['h']>, previewNames(roster));
  const render = (collection: string, data: Record<string, unknown>) =>
    String(templates.get(collection)!({ entry: { get: () => ({ toJS: () => data }) } }));
  return { styles, templates, render };
}

const ROSTER: RosterLists = {
  regions: [{ id: 'east', name: '华东区' }],
  people: [{ id: 'luoxinhua', name: '罗新华', role: 'manager' }],
};

describe('registerPreviews', () => {
  it('gives the preview the site’s stylesheet and a template for each submission collection', () => {
    const { styles, templates } = registered(ROSTER);
    // One URL: Vite's (the built file's address is checked in Chromium, test/cms-preview.test.ts).
    expect(styles).toHaveLength(1);
    expect([...templates.keys()].sort()).toEqual(['articles', 'meetings', 'reports']);
  });

  it('lays an article out as its page, with names from the embedded roster and the sanitised body', () => {
    const html = registered(ROSTER).render('articles', {
      title: '标题',
      region: 'east',
      author: 'luoxinhua',
      category: 'academic',
      submitted: '2026-11-02T09:00:00+08:00',
      body: '正文<img src=x onerror=alert(1)>',
    });
    expect(html).toMatch(
      /^<main class="wrap"><article><header><p class="kicker"><a href="\/issues\/2026-11\/">/,
    );
    expect(html).toContain(
      '<h1>标题</h1><dl class="article-facts"><div><dt>作者</dt><dd>罗新华（销售经理）</dd></div>',
    );
    expect(html).toContain('<dd><a href="/regions/east/">华东区</a></dd>');
    expect(html).toContain(
      '<time datetime="2026-11-02T09:00:00+08:00">2026年11月2日 09:00<span class="zone">（北京时间）</span></time>',
    );
    expect(html).toContain('<div class="prose"><p>正文<img src="x" loading="lazy" decoding="async" /></p>');
    expect(html).not.toContain('onerror');
  });

  it('lays a report out with its sections, figures table and body; a meeting with its memo or none', () => {
    const { render } = registered(ROSTER);
    const report = render('reports', {
      kind: 'achievement',
      author: 'luoxinhua',
      region: 'east',
      period: '2026-Q4',
      highlights: ['一', '二'],
      figures: { sales: { target: 8, actual: 10 } },
      body: '补充',
    });
    expect(report).toContain('<dl class="report-facts"><dt>汇报类型</dt><dd>季度销售达成表</dd>');
    expect(report).toContain(
      '<section class="report-section"><h2>亮点</h2><ol><li>一</li><li>二</li></ol></section>',
    );
    expect(report).toContain('<th scope="col" class="num">达成率</th>');
    expect(report).toContain(
      '<tr><th scope="row">纯销</th><td class="num">8</td><td class="num">10</td><td class="num">125.0%</td></tr>',
    );
    expect(report).toContain('<section><h2>补充说明</h2><div class="prose"><p>补充</p>');
    const meeting = render('meetings', { title: '晚会', kind: 'evening', calls: 12 });
    expect(meeting).toContain('<dt>电话量</dt><dd class="num">12</dd>');
    expect(meeting).toContain('<h2>会后备忘</h2><p class="muted">没有填写纪要内容。</p>');
  });

  it('shows ids when the admin page carries no roster', () => {
    expect(registered().render('articles', { author: 'luoxinhua' })).toContain('<dd>luoxinhua</dd>');
  });
});

describe('draftImages', () => {
  const held = new Map([['/uploads/20261130-xuning-0a1b2c3d.webp', 'blob:http://127.0.0.1/1234']]);
  const images = draftImages((path) => ({ toString: () => held.get(path) ?? path }));

  it('shows an image uploaded into this draft from the browser, and a published one from the site', () => {
    const html =
      '<p><img src="/uploads/20261130-xuning-0a1b2c3d.webp" alt="医院门口合影" /><img src="/uploads/20251001-zhaona-99999999.jpg" alt="" /></p>';
    expect(images.html(html)).toBe(
      '<p><img src="blob:http://127.0.0.1/1234" alt="医院门口合影" /><img src="/uploads/20251001-zhaona-99999999.jpg" alt="" /></p>',
    );
    expect(images.path('/uploads/20261130-xuning-0a1b2c3d.webp')).toBe('blob:http://127.0.0.1/1234');
  });

  it('leaves everything alone without Decap’s lookup, and other paths always', () => {
    expect(draftImages(undefined).path('/uploads/a.webp')).toBe('/uploads/a.webp');
    expect(images.path('/favicon.svg')).toBe('/favicon.svg');
  });

  it('draws the cover under the facts, as the article page does', () => {
    const html = registered(ROSTER).render('articles', {
      title: '带照片的小结',
      cover: '/uploads/20261130-xuning-0a1b2c3d.webp',
    });
    expect(html).toMatch(
      /<\/dl><img class="cover-image" src="\/uploads\/20261130-xuning-0a1b2c3d.webp" alt=""/,
    );
  });
});
