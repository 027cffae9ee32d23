/** Small transformations of sanitised submission HTML, for pages that show several bodies at once. */

const HEADING = /<(\/?)h([1-6])\b/gi;

/**
 * Fits a body's headings under the page's outline: the body's highest heading becomes level `top` and the
 * others keep their distance to it (capped at h6). Authors start at `#` or at `##` as they please; the
 * article page wants the body to start at h2, an issue page at h4 (under region h2 and title h3), so that no
 * level is skipped. Only valid on sanitize-html output, where every `<` of text is escaped and each `<hN…>` is
 * a real tag.
 */
export function fitHeadings(html: string, top: number): string {
  const levels = [...html.matchAll(HEADING)].map((m) => Number(m[2]));
  if (levels.length === 0) return html;
  const shift = top - Math.min(...levels);
  if (shift === 0) return html;
  return html.replace(HEADING, (_tag, slash: string, level: string) => {
    return `<${slash}h${Math.min(Math.max(Number(level) + shift, 1), 6)}`;
  });
}

/** The class that makes print stylesheets write a link's address after it. */
export const PRINT_URL_CLASS = 'print-url';

/**
 * Marks links that leave the portal and whose text is not already their address, so that a printout can show
 * where they lead without printing pasted URLs twice. Sanitised links carry no class, so adding one is safe;
 * like fitHeadings this relies on sanitize-html output (attributes quoted, `<` and `>` escaped).
 */
export function markLinksForPrint(html: string): string {
  return html.replace(
    /<a href="(https?:\/\/[^"]*)"([^>]*)>([\s\S]*?)<\/a>/g,
    (whole, href: string, rest: string, inner: string) => {
      const text = inner.replace(/<[^>]*>/g, '').trim();
      const bare = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');
      if (bare(text) === bare(href)) return whole;
      return `<a href="${href}"${rest} class="${PRINT_URL_CLASS}">${inner}</a>`;
    },
  );
}
