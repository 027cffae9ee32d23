import { DomUtils, parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import { Marked, marked as globalMarked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { renderSubmission, submissionText } from './render';
import { findRefused } from '../model/text';
import { SUBMISSION_SANITIZE_OPTIONS } from './sanitize-options';

/*
 * The checker below is written independently of sanitize-options.ts (its own
 * tag/attribute lists), so a mistake in the policy is caught here rather than
 * mirrored. It parses the output the way an HTML parser does (entities
 * decoded, attributes split) instead of relying on substring matches.
 */

const EXPECTED_TAGS = new Set([
  'p',
  'br',
  'hr',
  'div',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'a',
  'img',
  'strong',
  'b',
  'em',
  'i',
  'del',
  's',
  'ins',
  'u',
  'mark',
  'small',
  'sup',
  'sub',
  'kbd',
  'abbr',
]);

const EXPECTED_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title', 'loading', 'decoding', 'referrerpolicy', 'width', 'height'],
  ol: ['start'],
  th: ['align', 'colspan', 'rowspan'],
  td: ['align', 'colspan', 'rowspan'],
  abbr: ['title'],
};

const FORBIDDEN_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'base',
  'meta',
  'link',
  'template',
  'noscript',
  'xmp',
  'html',
  'head',
  'body',
  'title',
  'h1',
  'video',
  'audio',
  'source',
  'details',
  'isindex',
  'portal',
];

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'cite',
  'ping',
  'srcdoc',
  'codebase',
  'lowsrc',
  'dynsrc',
  'content',
]);

const SAFE_SCHEMES: Record<string, readonly string[]> = {
  a: ['http', 'https', 'mailto', 'tel'],
  img: ['http', 'https'],
};

// Strips everything browsers (or evasion tricks) ignore inside a scheme.
function squash(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

function isExternal(url: string): boolean {
  const u = squash(url);
  return /^[a-z][a-z0-9+.-]*:/.test(u) || /^[\\/]{2}/.test(u);
}

/** URL attributes whose scheme is not allowed for their element. */
function unsafeUrls(html: string): string[] {
  const problems: string[] = [];
  const doc = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    for (const [attr, value] of Object.entries(el.attribs)) {
      if (!URL_ATTRIBUTES.has(attr)) continue;
      const url = squash(value);
      if (/^(?:javascript|vbscript|data|livescript|mocha):/.test(url))
        problems.push(`${attr}="${value}" on <${el.name}>`);
      const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
      if (scheme !== undefined && !(SAFE_SCHEMES[el.name] ?? []).includes(scheme)) {
        problems.push(`scheme ${scheme}: in ${attr} on <${el.name}>`);
      }
    }
  }
  return problems;
}

/** Every way the rendered HTML breaks the policy; empty means safe. */
function violations(html: string): string[] {
  const problems: string[] = [];
  // sanitize-html escapes every literal '<' in text, so any '<name' left in
  // the string is a real tag, whatever a lenient parser makes of it.
  for (const tag of FORBIDDEN_TAGS) {
    if (new RegExp(`<\\s*/?\\s*${tag}[\\s/>]`, 'i').test(html)) problems.push(`raw <${tag}> in string`);
  }
  const doc = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    const tag = el.name;
    if (FORBIDDEN_TAGS.includes(tag)) problems.push(`forbidden <${tag}>`);
    else if (!EXPECTED_TAGS.has(tag)) problems.push(`unexpected <${tag}>`);
    for (const attr of Object.keys(el.attribs)) {
      if (/^on/i.test(attr)) problems.push(`event handler ${attr} on <${tag}>`);
      if (!(EXPECTED_ATTRIBUTES[tag] ?? []).includes(attr)) problems.push(`attribute ${attr} on <${tag}>`);
    }
    if (tag === 'a' && el.attribs.href !== undefined && isExternal(el.attribs.href)) {
      const rel = (el.attribs.rel ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer'))
        problems.push(`external link without rel: ${el.attribs.href}`);
    }
  }
  return [...problems, ...unsafeUrls(html)];
}

function textOf(html: string): string {
  return DomUtils.textContent(parseDocument(html).children);
}

function elements(html: string, tag: string) {
  return DomUtils.getElementsByTagName(tag, parseDocument(html).children);
}

// What a renderer without the sanitiser would produce; used to prove each
// hostile case really is hostile, i.e. that its test can fail.
const unsanitised = new Marked({ gfm: true, async: false });

interface HostileCase {
  name: string;
  input: string;
  /** false when marked itself already neutralises the payload (still tested, as a regression guard). */
  rawIsDangerous?: boolean;
  /** text that must survive, so "safe" is not achieved by deleting everything. */
  keep?: string;
}

const HOSTILE: HostileCase[] = [
  { name: 'script tag', input: 'before <script>alert(1)</script> after', keep: 'after' },
  { name: 'uppercase script tag', input: '<SCRIPT>alert(1)</SCRIPT>\n\n正文', keep: '正文' },
  { name: 'broken nested script', input: '<scr<script>ipt>alert(1)</script>' },
  { name: 'double-bracket script', input: '<<script>script>alert(1)<</script>/script>' },
  { name: 'external script src', input: '<script src="https://evil.example/x.js"></script>' },
  { name: 'img onerror', input: '<img src=x onerror=alert(1)>' },
  { name: 'img onerror uppercase, no quotes', input: '<IMG SRC=/a.png ONERROR=alert(1)>' },
  { name: 'svg onload', input: '<svg onload=alert(1)><circle r="5"/></svg>' },
  { name: 'svg with script', input: '<svg><script>alert(1)</script></svg>' },
  { name: 'body onload', input: '<body onload=alert(1)>正文</body>', keep: '正文' },
  { name: 'div onclick keeps text', input: '<div onclick="alert(1)">点击这里</div>', keep: '点击这里' },
  {
    name: 'a onmouseover',
    input: '<a href="https://example.com" onmouseover="alert(1)">链接</a>',
    keep: '链接',
  },
  { name: 'details ontoggle', input: '<details open ontoggle=alert(1)><summary>s</summary></details>' },
  { name: 'video/source onerror', input: '<video><source onerror=alert(1)></video>' },
  { name: 'html javascript href', input: '<a href="javascript:alert(1)">点我</a>', keep: '点我' },
  { name: 'markdown javascript link', input: '[点我](javascript:alert(1))', keep: '点我' },
  { name: 'markdown autolink javascript', input: '<javascript:alert(1)>' },
  {
    name: 'reference-style link to javascript',
    input: '[点我][evil]\n\n[evil]: javascript:alert(1)',
    keep: '点我',
  },
  { name: 'mixed-case scheme', input: '<a href="JaVaScRiPt:alert(1)">x</a>' },
  { name: 'hex entity in scheme', input: '<a href="jav&#x61;script:alert(1)">x</a>' },
  { name: 'decimal entity in scheme', input: '<a href="&#106;avascript:alert(1)">x</a>' },
  {
    name: 'fully entity-encoded scheme',
    input: '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  },
  { name: 'padded entity without semicolon', input: '<img src="java&#0000106ascript:alert(1)">' },
  { name: '&colon; named entity', input: '<a href="javascript&colon;alert(1)">x</a>' },
  { name: 'entity in markdown link', input: '[x](&#106;avascript:alert(1))' },
  { name: 'tab entity inside scheme', input: '<a href="jav&#x09;ascript:alert(1)">x</a>' },
  { name: 'newline inside scheme', input: '<a href="java\nscript:alert(1)">x</a>' },
  { name: 'NUL inside scheme', input: '<a href="java\u0000script:alert(1)">x</a>' },
  { name: 'leading spaces', input: '<a href="  javascript:alert(1)">x</a>' },
  { name: 'leading control char', input: '<a href="&#14;javascript:alert(1)">x</a>' },
  { name: 'markdown link with spaces around the destination', input: '[x]( javascript:alert(1) )' },
  // marked percent-encodes the space (%20javascript:), a relative URL; kept as a regression guard.
  {
    name: 'markdown link with angle brackets and spaces',
    input: '[x](< javascript:alert(1)>)',
    rawIsDangerous: false,
  },
  {
    name: 'data:text/html link',
    input: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  },
  { name: 'data: markdown link', input: '[x](data:text/html,%3Cscript%3Ealert(1)%3C/script%3E)' },
  { name: 'data: markdown image', input: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)' },
  { name: 'image with a non-image scheme', input: '![x](mailto:a@example.com) <img src="tel:123" alt="t">' },
  { name: 'data: html image', input: '<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;" alt="x">' },
  { name: 'vbscript html link', input: '<a href="vbscript:msgbox(1)">x</a>' },
  { name: 'vbscript markdown link', input: '[x](vbscript:msgbox(1))' },
  { name: 'iframe srcdoc', input: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: 'iframe javascript src', input: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: 'object data', input: '<object data="javascript:alert(1)"></object>' },
  { name: 'embed src', input: '<embed src="javascript:alert(1)">' },
  { name: 'form action', input: '<form action="javascript:alert(1)"><button>提交</button></form>' },
  { name: 'button formaction', input: '<button formaction="javascript:alert(1)">x</button>' },
  { name: 'input autofocus onfocus', input: '<input autofocus onfocus=alert(1)>' },
  { name: 'style tag', input: '<style>body{display:none}</style>正文', keep: '正文' },
  {
    name: 'style attribute position:fixed',
    input: '<div style="position:fixed;inset:0;z-index:9999">覆盖</div>',
    keep: '覆盖',
  },
  { name: 'meta refresh', input: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'base href', input: '<base href="https://evil.example/">' },
  { name: 'link rel=import', input: '<link rel="import" href="https://evil.example/x.html">' },
  {
    name: 'mXSS math/mglyph/style',
    input:
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  },
  {
    name: 'mXSS math/mglyph/style with comment',
    input:
      '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">',
  },
  {
    name: 'noscript attribute breakout',
    input: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  },
  { name: 'template content', input: '<template><img src=x onerror=alert(1)></template>' },
  {
    name: 'conditional comment',
    input: '<!--[if gte IE 4]><script>alert(1)</script><![endif]-->正文',
    keep: '正文',
  },
  { name: 'comment breakout', input: '<!--><img src=x onerror=alert(1)>-->' },
  { name: 'CDATA script', input: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'xmp raw text', input: '<xmp><img src=x onerror=alert(1)></xmp>' },
  { name: 'textarea raw text', input: '<textarea><img src=x onerror=alert(1)></textarea>' },
  {
    name: 'srcset with javascript',
    input: '<img src="/ok.png" srcset="javascript:alert(1) 1x, data:image/svg+xml,x 2x" alt="ok">',
  },
  { name: 'xlink:href', input: '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>' },
  {
    name: 'markdown image with onerror in title',
    input: '![x](/a.png "\\" onerror=\\"alert(1)")',
    // marked escapes the quotes; this stays as a regression guard.
    rawIsDangerous: false,
  },
  { name: 'target=_blank tabnabbing', input: '<a href="https://evil.example" target="_blank">x</a>' },
  {
    name: 'DOM clobbering id/name/class',
    input:
      '<a id="config" name="getElementById" class="btn" href="/ok">x</a><img name="cookie" src="/a.png">',
  },
  { name: 'javascript link inside table cell', input: '| a |\n|---|\n| [x](javascript:alert(1)) |' },
  { name: 'javascript link inside list and blockquote', input: '> - <a href="javascript:alert(1)">x</a>' },
];

describe('renderSubmission: hostile input', () => {
  it('has at least 30 hostile cases', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(HOSTILE)('$name: output breaks no policy rule', ({ input, keep }) => {
    const html = renderSubmission(input);
    expect(violations(html)).toEqual([]);
    if (keep !== undefined) expect(textOf(html)).toContain(keep);
  });

  // A second sanitising pass must change nothing: if it did, the sanitiser's
  // parser and its serialiser disagree, which is the root of mutation XSS.
  it.each(HOSTILE)('$name: output is stable under re-sanitising', ({ input }) => {
    const html = renderSubmission(input);
    expect(sanitizeHtml(html, SUBMISSION_SANITIZE_OPTIONS)).toBe(html);
  });

  // URLs are checked twice: by our own policy in the transforms and by
  // sanitize-html's scheme lists. Each layer must hold on its own.
  it.each(HOSTILE)('$name: sanitize-html scheme lists alone reject bad URLs', ({ input }) => {
    const libraryLayerOnly = {
      ...SUBMISSION_SANITIZE_OPTIONS,
      transformTags: undefined,
      exclusiveFilter: undefined,
    };
    expect(unsafeUrls(sanitizeHtml(unsanitised.parse(input, { async: false }), libraryLayerOnly))).toEqual(
      [],
    );
  });

  // Proves the checker actually detects each payload, i.e. the tests above
  // would fail if sanitising were skipped.
  it.each(HOSTILE.filter((c) => c.rawIsDangerous !== false))(
    '$name: checker flags the unsanitised HTML',
    ({ input }) => {
      expect(violations(unsanitised.parse(input, { async: false }))).not.toEqual([]);
    },
  );
});

describe('renderSubmission: content that must survive', () => {
  it('renders a GFM table with header and body cells, keeping safe alignment', () => {
    const html = renderSubmission('| 区域 | 销售额 |\n|:--|--:|\n| 华东 | 1,200 |\n| 华南 | 980 |');
    expect(elements(html, 'table')).toHaveLength(1);
    expect(elements(html, 'thead')).toHaveLength(1);
    expect(elements(html, 'tbody')).toHaveLength(1);
    expect(elements(html, 'th').map((el) => DomUtils.textContent(el))).toEqual(['区域', '销售额']);
    expect(elements(html, 'td').map((el) => DomUtils.textContent(el))).toEqual([
      '华东',
      '1,200',
      '华南',
      '980',
    ]);
    expect(elements(html, 'td').map((el) => el.attribs.align)).toEqual(['left', 'right', 'left', 'right']);
  });

  it('drops an invalid align value and keeps sane colspan', () => {
    const html = renderSubmission(
      '<table><tr><td align="expression(alert(1))" colspan="2">a</td><td colspan="5000" rowspan="0">b</td></tr></table>',
    );
    const cells = elements(html, 'td');
    expect(cells.map((el) => el.attribs)).toEqual([{ colspan: '2' }, {}]);
  });

  it('renders unordered, ordered and nested lists, keeping the start number', () => {
    const html = renderSubmission('- 一\n- 二\n  - 二点一\n\n3. 三\n4. 四');
    expect(elements(html, 'ul')).toHaveLength(2);
    expect(elements(html, 'li')).toHaveLength(5);
    const [ol] = elements(html, 'ol');
    expect(ol?.attribs).toEqual({ start: '3' });
  });

  it('turns task-list checkboxes into glyphs instead of form inputs', () => {
    const html = renderSubmission('- [x] 拜访客户\n- [ ] 提交报价');
    expect(elements(html, 'input')).toHaveLength(0);
    expect(textOf(html)).toContain('☑ 拜访客户');
    expect(textOf(html)).toContain('☐ 提交报价');
  });

  it('keeps emphasis, strong and strikethrough', () => {
    const html = renderSubmission('*斜体* **粗体** ~~作废~~');
    expect(elements(html, 'em').map((el) => DomUtils.textContent(el))).toEqual(['斜体']);
    expect(elements(html, 'strong').map((el) => DomUtils.textContent(el))).toEqual(['粗体']);
    expect(elements(html, 'del').map((el) => DomUtils.textContent(el))).toEqual(['作废']);
  });

  it('keeps an https link and marks it external', () => {
    const html = renderSubmission('[官网](https://example.com/产品?a=1&b=2 "标题")');
    const [a] = elements(html, 'a');
    expect(a?.attribs).toEqual({
      href: 'https://example.com/%E4%BA%A7%E5%93%81?a=1&b=2',
      rel: 'noopener noreferrer nofollow',
      title: '标题',
    });
  });

  it('treats protocol-relative and backslash tricks as external', () => {
    const html = renderSubmission('<a href="//evil.example/">a</a> <a href="/\\evil.example/">b</a>');
    expect(elements(html, 'a').map((el) => el.attribs.rel)).toEqual([
      'noopener noreferrer nofollow',
      'noopener noreferrer nofollow',
    ]);
  });

  it('keeps relative, fragment, mailto and tel links; only external ones get rel', () => {
    const html = renderSubmission(
      '[周报](/reports/w12) [上文](#top) [邮件](mailto:sales@example.com) [电话](tel:+86-10-1234)',
    );
    expect(elements(html, 'a').map((el) => el.attribs)).toEqual([
      { href: '/reports/w12' },
      { href: '#top' },
      { href: 'mailto:sales@example.com', rel: 'noopener noreferrer nofollow' },
      { href: 'tel:+86-10-1234', rel: 'noopener noreferrer nofollow' },
    ]);
  });

  it('replaces an author-supplied rel on links', () => {
    const html = renderSubmission(
      '<a href="https://example.com" rel="opener">x</a> <a href="/in" rel="opener">y</a>',
    );
    expect(elements(html, 'a').map((el) => el.attribs.rel)).toEqual([
      'noopener noreferrer nofollow',
      undefined,
    ]);
  });

  it('unwraps a link whose URL was rejected but keeps its text', () => {
    const html = renderSubmission('见 [报价单](javascript:alert(1)) 。');
    expect(elements(html, 'a')).toHaveLength(0);
    expect(textOf(html)).toContain('见 报价单 。');
  });

  it('keeps image src and alt and adds lazy loading', () => {
    const html = renderSubmission('![季度图表](/uploads/q3.png "Q3")');
    const [img] = elements(html, 'img');
    expect(img?.attribs).toEqual({
      src: '/uploads/q3.png',
      alt: '季度图表',
      title: 'Q3',
      loading: 'lazy',
      decoding: 'async',
    });
  });

  it('hides the referrer from external image hosts and overrides author loading attributes', () => {
    const html = renderSubmission(
      '<img src="https://cdn.example.com/a.png" alt="" loading="eager" decoding="sync">',
    );
    const [img] = elements(html, 'img');
    expect(img?.attribs).toEqual({
      src: 'https://cdn.example.com/a.png',
      alt: '',
      loading: 'lazy',
      decoding: 'async',
      referrerpolicy: 'no-referrer',
    });
  });

  it('gives site images their real size from the build, never the author’s', () => {
    const sizes = (src: string) => (src === '/uploads/2026/a.jpg' ? { width: 800, height: 600 } : undefined);
    const html = renderSubmission(
      '![合影](/uploads/2026/a.jpg) <img src="/uploads/b.png" width="9999" height="1"> ![x](https://cdn.example.com/a.jpg)',
      sizes,
    );
    expect(elements(html, 'img').map((i) => i.attribs)).toEqual([
      {
        src: '/uploads/2026/a.jpg',
        alt: '合影',
        width: '800',
        height: '600',
        loading: 'lazy',
        decoding: 'async',
      },
      { src: '/uploads/b.png', loading: 'lazy', decoding: 'async' },
      {
        src: 'https://cdn.example.com/a.jpg',
        alt: 'x',
        loading: 'lazy',
        decoding: 'async',
        referrerpolicy: 'no-referrer',
      },
    ]);
  });

  it('removes an image whose src was rejected instead of leaving an empty <img>', () => {
    const html = renderSubmission('前<img src="javascript:alert(1)" alt="x">后');
    expect(elements(html, 'img')).toHaveLength(0);
    expect(textOf(html)).toContain('前后');
  });

  it('keeps Chinese text and full-width punctuation intact', () => {
    const text = '本季度华东区销售额同比增长１２％，超额完成目标！「重点客户」：上海、杭州。';
    const html = renderSubmission(text);
    expect(html).toBe(`<p>${text}</p>\n`);
  });

  it('demotes headings: # becomes h2, ###### stays h6, raw <h1> becomes h2', () => {
    const html = renderSubmission(
      '# 一级\n\n## 二级\n\n###### 六级\n\n设置标题\n===\n\n<h1 id="main">原始</h1>',
    );
    expect(elements(html, 'h1')).toHaveLength(0);
    expect(
      DomUtils.findAll(() => true, parseDocument(html).children)
        .filter((el) => /^h\d$/.test(el.name))
        .map((el) => [el.name, DomUtils.textContent(el)]),
    ).toEqual([
      ['h2', '一级'],
      ['h3', '二级'],
      ['h6', '六级'],
      ['h2', '设置标题'],
      ['h2', '原始'],
    ]);
    expect(elements(html, 'h2').every((el) => Object.keys(el.attribs).length === 0)).toBe(true);
  });

  it('keeps blockquotes, code blocks and inline code, escaping their markup', () => {
    const html = renderSubmission(
      '> 客户反馈：很好\n\n```html\n<script>alert(1)</script>\n```\n\n用 `<b>` 标签',
    );
    expect(
      textOf(
        elements(html, 'blockquote')
          .map((el) => render(el))
          .join(''),
      ),
    ).toContain('客户反馈：很好');
    const [pre] = elements(html, 'pre');
    expect(DomUtils.textContent(pre!)).toBe('<script>alert(1)</script>\n');
    expect(elements(html, 'code').map((el) => DomUtils.textContent(el))).toContain('<b>');
    expect(elements(html, 'code').every((el) => el.attribs.class === undefined)).toBe(true);
  });

  it('escapes < and & in ordinary text', () => {
    const html = renderSubmission('价格 < 100 & 折扣 > 5 "含税"');
    expect(html).toBe('<p>价格 &lt; 100 &amp; 折扣 &gt; 5 "含税"</p>\n');
    expect(textOf(html)).toBe('价格 < 100 & 折扣 > 5 "含税"\n');
  });

  it('keeps harmless raw HTML and strips only the dangerous parts', () => {
    const html = renderSubmission(
      '<b>重要</b><br><sup>1</sup> H<sub>2</sub>O\n\n<div onclick="alert(1)" class="x" id="y">块</div>',
    );
    expect(elements(html, 'b')).toHaveLength(1);
    expect(elements(html, 'br')).toHaveLength(1);
    expect(elements(html, 'sup')).toHaveLength(1);
    expect(elements(html, 'sub')).toHaveLength(1);
    const [div] = elements(html, 'div');
    expect(div?.attribs).toEqual({});
    expect(DomUtils.textContent(div!)).toBe('块');
  });

  it('renders pathological nesting as plain text instead of crashing the build', () => {
    const html = renderSubmission(`${'>'.repeat(6000)} 深`);
    expect(violations(html)).toEqual([]);
    expect(textOf(html)).toContain('深');
  });

  it('caps nesting depth of raw HTML while keeping the text', () => {
    const html = renderSubmission(`${'<div>'.repeat(200)}底层${'</div>'.repeat(200)}`);
    expect(elements(html, 'div').length).toBeLessThanOrEqual(40);
    expect(textOf(html)).toContain('底层');
  });

  it('rejects non-string input loudly', () => {
    expect(() => renderSubmission(undefined as unknown as string)).toThrow(/expects a string, got undefined/);
    expect(() => renderSubmission(42 as unknown as string)).toThrow(/expects a string, got number/);
  });

  it('does not change the global marked configuration', () => {
    renderSubmission('# 标题\n\n- [x] a');
    const html = globalMarked.parse('# t\n\n- [x] a', { async: false });
    expect(html).toContain('<h1>t</h1>');
    expect(html).toContain('<input');
  });

  it('exports a frozen policy that other modules cannot widen', () => {
    const tags = SUBMISSION_SANITIZE_OPTIONS.allowedTags as string[];
    expect(() => tags.push('script')).toThrow(TypeError);
    expect(tags).not.toContain('script');
    expect(Object.isFrozen(SUBMISSION_SANITIZE_OPTIONS)).toBe(true);
  });
});

describe('submissionText', () => {
  it('returns plain text with entities decoded and whitespace collapsed', () => {
    expect(submissionText('# 周报\n\n**销售额**  增长   10%，价格 < 100 & 含税。\n\n- 华东\n- 华南')).toBe(
      '周报 销售额 增长 10%，价格 < 100 & 含税。 华东 华南',
    );
  });

  it('separates table cells and blocks but not inline elements', () => {
    expect(submissionText('| 区域 | 额 |\n|---|---|\n| 华东 | 12 |\n\n一**二**三')).toBe(
      '区域 额 华东 12 一二三',
    );
  });

  it('never contains content the sanitiser dropped', () => {
    expect(submissionText('<script>alert(1)</script><style>p{}</style><template>隐藏</template>正文')).toBe(
      '正文',
    );
  });

  it('drops the content of elements a reader never sees as text', () => {
    const hidden = [
      '<iframe>框架</iframe>',
      '<noscript>无脚本</noscript>',
      '<object>对象</object>',
      '<textarea>文本框</textarea>',
      '<select>下拉</select>',
      '<option>选项</option>',
      '<noembed>嵌入</noembed>',
      '<noframes>无框架</noframes>',
      '<title>标题</title>',
      '<xmp>示例</xmp>',
    ];
    for (const html of hidden) expect(submissionText(`${html}正文`), html).toBe('正文');
  });

  it('separates adjacent raw HTML blocks that have no whitespace between them', () => {
    expect(submissionText('<div>甲</div><div>乙</div><p>丙<br>丁</p>')).toBe('甲 乙 丙 丁');
  });

  it('does not truncate text that fits', () => {
    expect(submissionText('短文本', 3)).toBe('短文本');
  });

  it('truncates to maxChars including the ellipsis', () => {
    const text = submissionText('一二三四五六七八九十', 5);
    expect(text).toBe('一二三四…');
    expect(Array.from(text)).toHaveLength(5);
  });

  it('does not leave trailing spaces before the ellipsis', () => {
    expect(submissionText('ab cd ef', 4)).toBe('ab…');
  });

  it('never splits an emoji or other grapheme cluster', () => {
    expect(submissionText('业绩👍🏽达标', 4)).toBe('业绩👍🏽…');
  });

  it('rejects a non-positive or fractional maxChars', () => {
    expect(() => submissionText('x', 0)).toThrow(RangeError);
    expect(() => submissionText('x', 2.5)).toThrow(RangeError);
  });
});

describe('Chinese line breaks', () => {
  it('joins hand-wrapped Chinese lines without a stray space', () => {
    expect(renderSubmission('本月回款\n进度良好，\n继续努力。')).toBe(
      '<p>本月回款进度良好，继续努力。</p>\n',
    );
  });

  it('keeps the break between Latin words', () => {
    expect(renderSubmission('KPI\nreview')).toBe('<p>KPI\nreview</p>\n');
  });
});

describe('characters a reader could not see', () => {
  it('shows direction and zero-width characters as visible markers, in text, code and attributes', () => {
    expect(renderSubmission('金额\u202E001\u202C元')).toBe(
      '<p>金额〔文字方向控制符 U+202E〕001〔文字方向控制符 U+202C〕元</p>\n',
    );
    expect(renderSubmission('```\nif (a\u2067) {}\n```')).toContain('〔文字方向控制符 U+2067〕');
    // In a URL the character is percent-encoded (visible too); in the link text it is marked.
    expect(renderSubmission('[链\u200B接](https://example.com/a\u200Bb)')).toBe(
      '<p><a href="https://example.com/a%E2%80%8Bb" rel="noopener noreferrer nofollow">链〔零宽字符 U+200B〕接</a></p>\n',
    );
  });

  it('marks characters written as HTML character references, which the sanitiser decodes', () => {
    for (const [source, marker] of [
      ['a&#x202E;b', '〔文字方向控制符 U+202E〕'],
      ['a&#27;b', '〔控制字符 U+001B〕'],
      ['a&#x7f;b', '〔控制字符 U+007F〕'],
      ['a&#xFFFE;b', '〔非字符 U+FFFE〕'],
      ['<p title="&#x202E;x">y</p>', ''],
    ] as const) {
      const html = renderSubmission(source);
      expect(html, source).toContain(marker);
      expect(findRefused(html, 'multiline'), source).toBeUndefined();
    }
  });

  it('keeps emoji joined by zero-width joiners, and the plain text shows the same markers', () => {
    expect(renderSubmission('全家 👨\u200D👩\u200D👧 到场')).toBe('<p>全家 👨\u200D👩\u200D👧 到场</p>\n');
    expect(submissionText('金额\u202E001元')).toBe('金额〔文字方向控制符 U+202E〕001元');
  });

  it('is still a fixed point of the sanitiser', () => {
    const html = renderSubmission('**粗\u202E体** [x](/a\u200B) `\u2066`');
    expect(sanitizeHtml(html, SUBMISSION_SANITIZE_OPTIONS)).toBe(html);
  });
});
