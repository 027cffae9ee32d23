/**
 * Finds markup in a built page that could run code or escape its box. Pages may load the site's own bundled
 * scripts (from /_astro/ or /pagefind/) and nothing else.
 */
import { DomUtils, parseDocument } from 'htmlparser2';

const FORBIDDEN_TAGS = new Set([
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'base',
  'svg',
  'math',
  'template',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'data',
]);
const OWN_SCRIPT = /^\/(_astro|pagefind)\//;

/** Decodes what a browser would decode before looking at a URL's scheme. */
function scheme(url: string): string {
  return url
    .replace(/[\s\p{Cc}]/gu, '')
    .toLowerCase()
    .split(':')[0]!;
}

export function unsafeMarkup(html: string): string[] {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true });
  const problems: string[] = [];
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    const tag = el.name.toLowerCase();
    if (FORBIDDEN_TAGS.has(tag)) problems.push(`<${tag}>`);
    if (tag === 'script' && !OWN_SCRIPT.test(el.attribs.src ?? ''))
      problems.push(`<script ${el.attribs.src ?? 'inline'}>`);
    if (tag === 'meta' && el.attribs['http-equiv']?.toLowerCase() === 'refresh')
      problems.push('<meta refresh>');
    for (const [name, value] of Object.entries(el.attribs)) {
      if (name.startsWith('on')) problems.push(`<${tag} ${name}>`);
      if (URL_ATTRIBUTES.has(name)) {
        for (const url of name === 'srcset' ? value.split(',') : [value]) {
          const s = scheme(url.trim());
          if (['javascript', 'vbscript', 'data'].includes(s)) problems.push(`<${tag} ${name}=${s}:>`);
        }
      }
    }
  }
  return problems;
}
