/**
 * URL policy for submitted content.
 *
 * This is deliberately independent of sanitize-html's own scheme check:
 * every href/src is validated here first and then again by sanitize-html,
 * so a regression in either layer alone does not let a dangerous URL through.
 */

/** Schemes a link in a submission may use. Everything else (javascript:, data:, vbscript:, file:, ...) is dropped. */
export const LINK_SCHEMES: readonly string[] = Object.freeze(['http', 'https', 'mailto', 'tel']);

/** Schemes an image may be loaded from. mailto:/tel: make no sense for images, data: can smuggle SVG. */
export const IMAGE_SCHEMES: readonly string[] = Object.freeze(['http', 'https']);

/** rel for links that leave the portal: no window.opener, no Referer leak of intranet URLs, no SEO endorsement. */
export const EXTERNAL_LINK_REL = 'noopener noreferrer nofollow';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Mirrors what the WHATWG URL parser does before it looks at the scheme:
 * leading/trailing C0 controls and spaces are trimmed and ASCII tab/newline
 * are removed everywhere, so `  java\tscript:` is seen as `javascript:`.
 * Returning this form (rather than the raw value) means the string we emit is
 * the string we validated.
 */
export function normalizeUrl(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/**
 * Stricter view used only for validation: drop every control character and
 * space anywhere, the way old browsers and several filter-evasion tricks
 * treat them (e.g. `java\0script:`). If either view reveals a forbidden
 * scheme the URL is rejected.
 */
function aggressivelyStripped(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

function schemeOf(url: string): string | undefined {
  return SCHEME.exec(url)?.[1]?.toLowerCase();
}

function passes(url: string, schemes: readonly string[]): boolean {
  const scheme = schemeOf(url);
  return scheme === undefined || schemes.includes(scheme);
}

/**
 * Returns the normalised URL if it is allowed for the given schemes, or
 * undefined if the attribute must be dropped. Relative URLs (no scheme) are
 * allowed; an empty URL is treated as absent because it only points back at
 * the current page.
 */
export function acceptUrl(raw: string | undefined, schemes: readonly string[]): string | undefined {
  if (raw === undefined) return undefined;
  const url = normalizeUrl(raw);
  if (url === '') return undefined;
  if (!passes(url, schemes) || !passes(aggressivelyStripped(url), schemes)) return undefined;
  return url;
}

/**
 * True unless the URL is unambiguously same-site. Protocol-relative URLs
 * (`//host`, and `/\host`, which browsers treat the same way) count as
 * external, as does anything with a scheme.
 */
export function isExternalUrl(url: string): boolean {
  const stripped = aggressivelyStripped(url);
  return schemeOf(stripped) !== undefined || /^[\\/]{2}/.test(stripped);
}
