import { describe, expect, it } from 'vitest';
import { IMAGE_SCHEMES, LINK_SCHEMES, acceptUrl, isExternalUrl } from './url-policy';

// This layer runs before sanitize-html's own scheme check; these tests make
// sure it holds on its own rather than only passing thanks to the library.

describe('acceptUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    '\u000ejavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    'java script:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.com/x',
  ])('rejects %j for links', (url) => {
    expect(acceptUrl(url, LINK_SCHEMES)).toBeUndefined();
  });

  it.each(['mailto:a@example.com', 'tel:+861012345678', 'data:image/png;base64,AAAA', 'javascript:alert(1)'])(
    'rejects %j for images',
    (url) => {
      expect(acceptUrl(url, IMAGE_SCHEMES)).toBeUndefined();
    },
  );

  it.each([
    ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
    ['HTTP://EXAMPLE.COM', 'HTTP://EXAMPLE.COM'],
    ['  /reports/q3  ', '/reports/q3'],
    ['/a\n/b', '/a/b'],
    ['#section', '#section'],
    ['images/a.png', 'images/a.png'],
    ['mailto:sales@example.com', 'mailto:sales@example.com'],
    ['a/b:c', 'a/b:c'],
  ])('accepts %j as %j for links', (url, expected) => {
    expect(acceptUrl(url, LINK_SCHEMES)).toBe(expected);
  });

  it('treats a missing or blank URL as absent', () => {
    expect(acceptUrl(undefined, LINK_SCHEMES)).toBeUndefined();
    expect(acceptUrl(' \t ', LINK_SCHEMES)).toBeUndefined();
  });
});

describe('isExternalUrl', () => {
  it.each([
    'https://example.com',
    'http://x',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'mailto:a@b.c',
  ])('%j is external', (url) => {
    expect(isExternalUrl(url)).toBe(true);
  });

  it.each(['/reports', '#top', 'a/b', '../up', '?q=1'])('%j is internal', (url) => {
    expect(isExternalUrl(url)).toBe(false);
  });
});
