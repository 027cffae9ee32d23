/**
 * The search page in the browser. The address bar holds the search (bookmarkable, shareable, back and
 * forward work); pagefind's files are fetched on the first search only, from a URL computed here, so that
 * Vite does not bundle them.
 */
import { resultItem } from './dom.ts';
import { runSearch } from './engine.ts';
import {
  instanceOptions,
  type PagefindInstance,
  type PagefindModule,
  type PagefindResult,
} from './pagefind-api.ts';
import { FILTER_KEYS, hasFilters, readState, writeState, type Allowed, type SearchState } from './params.ts';
import { parseQuery, type Query } from './query.ts';
import { MESSAGES, moreLabel, PAGE_SIZE, resultsMessage, resultView } from './view.ts';

/** Only an index of this site: `/pagefind/` or `/manage/pagefind/`. */
const INDEX_PATH = /^\/(?:[a-z]+\/)*pagefind\/$/;

function start(form: HTMLFormElement): void {
  const base = form.dataset.index ?? '';
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const exact = form.querySelector<HTMLInputElement>('input[name="exact"]');
  const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]');
  const details = form.querySelector<HTMLDetailsElement>('details');
  const filterCount = document.getElementById('search-filter-count');
  // On a phone the open filters would push the results a screen down: there the summary counts them instead.
  const wide = window.matchMedia('(min-width: 40rem)');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  if (!INDEX_PATH.test(base) || !input || !exact || !sort || !status || !list || !more) return;

  const selects = new Map(
    FILTER_KEYS.flatMap((key) => {
      const select = form.querySelector<HTMLSelectElement>(`select[name="${key}"]`);
      return select ? [[key, select] as const] : [];
    }),
  );
  // A link may only choose what this page offers: the options of its own selects.
  const allowed: Allowed = Object.fromEntries(
    [...selects].map(([key, select]) => [
      key,
      new Set([...select.options].map((o) => o.value).filter(Boolean)),
    ]),
  );
  const baseTitle = document.title;

  let pagefind: Promise<PagefindInstance> | undefined;
  const loadPagefind = () => {
    pagefind ??= import(/* @vite-ignore */ new URL(`${base}pagefind.js`, location.origin).href).then(
      (module: PagefindModule) => module.createInstance(instanceOptions(base)),
    );
    // A failed load (server restarting) is tried again at the next search.
    pagefind.catch(() => (pagefind = undefined));
    return pagefind;
  };

  /** Bumped by every search, so that a slow earlier one never overwrites a later one. */
  let generation = 0;
  let shown: { hits: (PagefindResult & { complete: boolean })[]; query: Query; count: number } | undefined;

  const setStatus = (text: string) => {
    status.textContent = text;
  };

  const fill = (state: SearchState): void => {
    input.value = state.q;
    exact.checked = state.exact;
    sort.value = state.sort;
    for (const [key, select] of selects) select.value = state.filters[key] ?? '';
    const chosen = Object.keys(state.filters).length + (state.sort === 'relevance' ? 0 : 1);
    if (filterCount) filterCount.textContent = chosen > 0 ? `（已选 ${chosen} 项）` : '';
    if (details && chosen > 0 && wide.matches) details.open = true;
  };

  const formState = (): SearchState => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
    return readState(params, allowed);
  };

  const showMore = async (run: number, focus: boolean): Promise<void> => {
    const current = shown;
    if (!current) return;
    const batch = current.hits.slice(current.count, current.count + PAGE_SIZE);
    const data = await Promise.all(batch.map((hit) => hit.data()));
    if (run !== generation) return;
    const items = data.map((d, i) => resultItem(resultView(d, batch[i]!.complete, current.query)));
    list.append(...items);
    current.count += batch.length;
    const remaining = current.hits.length - current.count;
    more.hidden = remaining <= 0;
    more.textContent = moreLabel(remaining);
    // Keyboard users continue where the new results begin.
    if (focus) items[0]?.querySelector('a')?.focus();
  };

  const show = async (state: SearchState): Promise<void> => {
    const run = ++generation;
    fill(state);
    const query = parseQuery(state.q);
    shown = undefined;
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    const words = query.phrases.map((p) => p.text).join(' ');
    document.title = words ? `${words} - ${baseTitle}` : baseTitle;
    if (query.phrases.length === 0 && !hasFilters(state)) {
      setStatus(state.q.trim() === '' ? '' : MESSAGES.nothingToSearch);
      return;
    }
    setStatus(MESSAGES.searching);
    list.setAttribute('aria-busy', 'true');
    try {
      const request = { query, filters: state.filters, sort: state.sort, exactOnly: state.exact };
      const ranked = await runSearch(await loadPagefind(), request);
      if (run !== generation) return;
      shown = { hits: ranked.hits, query, count: 0 };
      list.hidden = ranked.hits.length === 0;
      await showMore(run, false);
      if (run !== generation) return;
      const counts = { total: ranked.hits.length, complete: ranked.completeCount, exactOnly: state.exact };
      setStatus(resultsMessage(query, counts));
    } catch (error) {
      if (run !== generation) return;
      setStatus(MESSAGES.failed);
      console.error('搜索失败', error);
    } finally {
      if (run === generation) list.removeAttribute('aria-busy');
    }
  };

  const commit = (): void => {
    const state = formState();
    const search = writeState(state);
    if (search !== location.search) history.pushState(null, '', `${location.pathname}${search}`);
    void show(state);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit();
  });
  // Filters and the checkbox apply at once; the text box waits for Enter (Chinese input methods compose first).
  form.addEventListener('change', (event) => {
    if (event.target !== input) commit();
  });
  more.addEventListener('click', () => void showMore(generation, true));
  window.addEventListener(
    'popstate',
    () => void show(readState(new URLSearchParams(location.search), allowed)),
  );

  const initial = readState(new URLSearchParams(location.search), allowed);
  // Whatever a link carried that this page does not accept leaves the address bar too.
  const clean = writeState(initial);
  if (clean !== location.search) history.replaceState(null, '', `${location.pathname}${clean}`);
  void show(initial);
}

const form = document.querySelector<HTMLFormElement>('#search-form');
if (form) start(form);
