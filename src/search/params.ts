/**
 * The search in the address bar: `?q=学术推广&region=east&exact=1`, so that a search can be bookmarked,
 * shared and gone back to. Values come from anyone's link, so only known ones are kept.
 */

export const FILTER_KEYS = ['kind', 'region', 'month', 'author', 'category', 'meeting', 'report'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const SORT_ORDERS = ['newest', 'oldest', 'relevance'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/**
 * Newest first: the newest search shard can answer it alone, so a first search downloads one shard. Links
 * from before, without `sort`, meant relevance and now list newest first; `sort=relevance` still works.
 */
export const DEFAULT_SORT: SortOrder = 'newest';

export interface SearchState {
  q: string;
  /** "只看完整匹配". */
  exact: boolean;
  sort: SortOrder;
  filters: Filters;
}

/** Far more than any query (the query itself is cut much shorter); only keeps a hostile link from bloating the box. */
export const MAX_Q_CHARS = 500;

/** The values each filter may take on this page: the options of its select elements. */
export type Allowed = Partial<Record<FilterKey, ReadonlySet<string>>>;

export function readState(params: URLSearchParams, allowed: Allowed): SearchState {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value && allowed[key]?.has(value)) filters[key] = value;
  }
  const sort = params.get('sort');
  return {
    q: Array.from(params.get('q') ?? '')
      .slice(0, MAX_Q_CHARS)
      .join(''),
    exact: params.get('exact') === '1',
    sort: SORT_ORDERS.find((s) => s === sort) ?? DEFAULT_SORT,
    filters,
  };
}

/** The address-bar form of a state: defaults left out, keys always in the same order. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  if (state.exact) params.set('exact', '1');
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

export function hasFilters(state: SearchState): boolean {
  return FILTER_KEYS.some((key) => state.filters[key] !== undefined);
}
