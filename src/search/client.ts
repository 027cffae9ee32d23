/**
 * The search page's DOM binding: reads and fills the form, keeps the search in the address bar (bookmarkable,
 * shareable, back and forward work) and applies a SearchSession's updates (session.ts holds the logic).
 * The shard lists and pagefind's files are fetched on the first search only, pagefind.js from a URL computed
 * here, so that Vite does not bundle it.
 */
import { resultItem } from './dom.ts';
import type { PagefindModule } from './pagefind-api.ts';
import {
  DEFAULT_SORT,
  FILTER_KEYS,
  readState,
  writeState,
  type Allowed,
  type SearchState,
} from './params.ts';
import { SearchSession, type Update } from './session.ts';
import { FAMILY_PATH, openShards, type ShardSource } from './shard-set.ts';

function start(form: HTMLFormElement): void {
  const families = (form.dataset.families ?? '').split(' ');
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
  if (!families.every((f) => FAMILY_PATH.test(f)) || !input || !exact || !sort || !status || !list || !more)
    return;

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

  let shards: Promise<ShardSource[]> | undefined;
  const load = () => {
    shards ??= openShards(
      families,
      (path) => import(/* @vite-ignore */ new URL(path, location.origin).href) as Promise<PagefindModule>,
    );
    // A failed load (server restarting) is tried again at the next search.
    shards.catch(() => (shards = undefined));
    return shards;
  };

  const apply = (change: Update): void => {
    switch (change.kind) {
      case 'reset':
        list.replaceChildren();
        list.hidden = true;
        more.hidden = true;
        document.title = change.title;
        return;
      case 'status':
        status.textContent = change.text;
        return;
      case 'busy':
        if (change.busy) list.setAttribute('aria-busy', 'true');
        else list.removeAttribute('aria-busy');
        return;
      case 'list':
        list.hidden = change.hidden;
        return;
      case 'append': {
        const items = change.items.map(resultItem);
        list.append(...items);
        // Keyboard users continue where the new results begin.
        if (change.focus) items[0]?.querySelector('a')?.focus();
        return;
      }
      case 'more':
        more.hidden = change.hidden;
        more.textContent = change.label;
        return;
    }
  };
  const session = new SearchSession({ load, baseTitle: document.title, update: apply });

  const fill = (state: SearchState): void => {
    input.value = state.q;
    exact.checked = state.exact;
    sort.value = state.sort;
    for (const [key, select] of selects) select.value = state.filters[key] ?? '';
    const chosen = Object.keys(state.filters).length + (state.sort === DEFAULT_SORT ? 0 : 1);
    if (filterCount) filterCount.textContent = chosen > 0 ? `（已选 ${chosen} 项）` : '';
    if (details && chosen > 0 && wide.matches) details.open = true;
  };

  const formState = (): SearchState => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
    return readState(params, allowed);
  };

  const show = (state: SearchState): void => {
    fill(state);
    void session.show(state);
  };

  const commit = (): void => {
    const state = formState();
    const search = writeState(state);
    if (search !== location.search) history.pushState(null, '', `${location.pathname}${search}`);
    show(state);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit();
  });
  // Filters and the checkbox apply at once; the text box waits for Enter (Chinese input methods compose first).
  form.addEventListener('change', (event) => {
    if (event.target !== input) commit();
  });
  more.addEventListener('click', () => void session.more(true));
  window.addEventListener('popstate', () => show(readState(new URLSearchParams(location.search), allowed)));

  const initial = readState(new URLSearchParams(location.search), allowed);
  // Whatever a link carried that this page does not accept leaves the address bar too.
  const clean = writeState(initial);
  if (clean !== location.search) history.replaceState(null, '', `${location.pathname}${clean}`);
  show(initial);
}

const form = document.querySelector<HTMLFormElement>('#search-form');
if (form) start(form);
