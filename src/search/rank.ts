/**
 * Complete matches first. Pagefind's ordinary search finds every page that has all the characters of a
 * query somewhere (full recall, loose); its phrase mode finds the pages that contain each phrase as written.
 * Both answer with page ids before any page's text is downloaded, so ordering costs no fragment: the
 * reader's "more" then loads ten fragments at a time.
 */

export interface Ranked<T> {
  /** Results to show, complete matches first; each group keeps pagefind's order (relevance or time). */
  hits: (T & { complete: boolean })[];
  /** How many of `hits` contain every phrase whole. */
  completeCount: number;
}

/** The pages in every one of the sets; undefined for no sets, meaning "no condition". */
export function intersect(sets: readonly ReadonlySet<string>[]): ReadonlySet<string> | undefined {
  if (sets.length === 0) return undefined;
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...first!].filter((id) => rest.every((s) => s.has(id))));
}

/**
 * @param loose pagefind's ordinary results, in its order.
 * @param complete pages containing every phrase whole; undefined when there is no phrase (filters only).
 * @param required pages containing every quoted phrase; undefined when nothing was quoted.
 * @param exactOnly "只看完整匹配": drop the rest (ignored without phrases, where nothing is complete).
 */
export function rankHits<T extends { id: string }>(
  loose: readonly T[],
  complete: ReadonlySet<string> | undefined,
  required: ReadonlySet<string> | undefined,
  exactOnly: boolean,
): Ranked<T> {
  const kept = required ? loose.filter((h) => required.has(h.id)) : loose;
  const marked = kept.map((h) => ({ ...h, complete: complete?.has(h.id) ?? false }));
  const first = marked.filter((h) => h.complete);
  const rest = exactOnly && complete ? [] : marked.filter((h) => !h.complete);
  return { hits: [...first, ...rest], completeCount: first.length };
}
