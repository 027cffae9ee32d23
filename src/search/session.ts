/**
 * The search page's state, without the DOM: one search at a time (a later one supersedes a slower earlier
 * one), results shown a page at a time, and what the page should say at each step. The page (client.ts)
 * turns each Update into DOM changes; tests drive a session against the real index in Node.
 */
import { runSearch } from './engine.ts';
import type { PagefindInstance, PagefindResult } from './pagefind-api.ts';
import { hasFilters, type SearchState } from './params.ts';
import { parseQuery, type Query } from './query.ts';
import { MESSAGES, moreLabel, PAGE_SIZE, resultsMessage, resultView, type ResultView } from './view.ts';

/** One change to the page, in the order the page must apply them. */
export type Update =
  /** A new search: empty the list, hide it and the "more" button, set the document title. */
  | { kind: 'reset'; title: string }
  | { kind: 'status'; text: string }
  | { kind: 'busy'; busy: boolean }
  | { kind: 'list'; hidden: boolean }
  /** Results to add at the end of the list; `focus`: move keyboard focus to the first of them. */
  | { kind: 'append'; items: ResultView[]; focus: boolean }
  | { kind: 'more'; hidden: boolean; label: string };

export interface SessionOptions {
  /** The index, loaded on the first search that needs it (a failed load is tried again next time). */
  load(): Promise<PagefindInstance>;
  /** The page's own title, which a search prefixes with its words. */
  baseTitle: string;
  update(change: Update): void;
}

interface Shown {
  hits: (PagefindResult & { complete: boolean })[];
  query: Query;
  count: number;
}

export class SearchSession {
  private readonly options: SessionOptions;
  /** Bumped by every search, so that a slow earlier one never overwrites a later one. */
  private generation = 0;
  private shown: Shown | undefined;

  constructor(options: SessionOptions) {
    this.options = options;
  }

  /** Runs the search `state` describes and shows its first page of results. */
  async show(state: SearchState): Promise<void> {
    const run = ++this.generation;
    const { update } = this.options;
    const query = parseQuery(state.q);
    this.shown = undefined;
    const words = query.phrases.map((p) => p.text).join(' ');
    update({ kind: 'reset', title: words ? `${words} - ${this.options.baseTitle}` : this.options.baseTitle });
    if (query.phrases.length === 0 && !hasFilters(state)) {
      update({ kind: 'status', text: state.q.trim() === '' ? '' : MESSAGES.nothingToSearch });
      return;
    }
    update({ kind: 'status', text: MESSAGES.searching });
    update({ kind: 'busy', busy: true });
    try {
      const request = { query, filters: state.filters, sort: state.sort, exactOnly: state.exact };
      const ranked = await runSearch(await this.options.load(), request);
      if (run !== this.generation) return;
      this.shown = { hits: ranked.hits, query, count: 0 };
      update({ kind: 'list', hidden: ranked.hits.length === 0 });
      await this.more(false, run);
      if (run !== this.generation) return;
      const counts = { total: ranked.hits.length, complete: ranked.completeCount, exactOnly: state.exact };
      update({ kind: 'status', text: resultsMessage(query, counts) });
    } catch (error) {
      if (run !== this.generation) return;
      update({ kind: 'status', text: MESSAGES.failed });
      console.error('搜索失败', error);
    } finally {
      if (run === this.generation) update({ kind: 'busy', busy: false });
    }
  }

  /** Shows the next page of the current results; `focus` for a keyboard user who asked for it. */
  async more(focus: boolean, run = this.generation): Promise<void> {
    const current = this.shown;
    if (!current) return;
    const batch = current.hits.slice(current.count, current.count + PAGE_SIZE);
    const data = await Promise.all(batch.map((hit) => hit.data()));
    if (run !== this.generation) return;
    const items = data.map((d, i) => resultView(d, batch[i]!.complete, current.query));
    current.count += batch.length;
    const remaining = current.hits.length - current.count;
    this.options.update({ kind: 'append', items, focus });
    this.options.update({ kind: 'more', hidden: remaining <= 0, label: moreLabel(remaining) });
  }
}
