/** Plain-text excerpts of articles, for lists and the RSS feed. */
import { submissionText } from '../markdown/render.ts';

/**
 * The article's own summary when it has one, else the start of its body as plain text (via the sanitiser, so
 * nothing the page would not show can leak into an excerpt). Plain text: the caller escapes it.
 */
export function articleExcerpt(
  summary: string | undefined,
  body: string | undefined,
  maxChars: number,
): string {
  const own = summary?.trim();
  if (own) return own;
  return submissionText(body ?? '', maxChars);
}
