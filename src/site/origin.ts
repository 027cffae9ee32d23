/**
 * The portal's address as its pages link to it (Astro.site, from astro.config.mjs), for code that renders
 * outside a page's own frontmatter: the calendar feeds, the chase messages. Only in the build (Vite).
 */
export const SITE_ORIGIN = new URL(import.meta.env.SITE ?? 'http://127.0.0.1:4321').origin;
