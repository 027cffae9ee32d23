/**
 * The search page's state, without the DOM: one search at a time (a later one supersedes a slower earlier
 * one), results shown a page at a time, and what the page should say at each step. The page (client.ts)
 * turns each Update into DOM changes; tests drive a session against the real shards in Node.
 */
import { hasFilters, type SearchState } from './params.ts';
import { parseQuery, type Query } from './query.ts';
import { ShardSearch } from './shard-search.ts';
import type { ShardSource } from './shard-set.ts';
import {
  MESSAGES,
  moreLabel,
  PAGE_SIZE,
  resultsMessage,
  resultView,
  searchedMessage,
  type ResultView,
} from './view.ts';

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
  /** The shards, listed on the first search (a failed load is tried again next time). */
  load(): Promise<readonly ShardSource[]>;
  /** The page's own title, which a search prefixes with its words. */
  baseTitle: string;
  update(change: Update): void;
}

interface Shown {
  search: ShardSearch;
  state: SearchState;
  query: Query;
  count: number;
}

export class SearchSession {
  private readonly options: SessionOptions;
  /** Bumped by every search, so that a slow earlier one never overwrites a later one. */
  private generation = 0;
  private shown: Shown | undefined;
  /** The status line as last set: "more" repeats it only when it changed, not to re-read it aloud. */
  private status: string | undefined;

  constructor(options: SessionOptions) {
    this.options = options;
  }

  /** Runs the search `state` describes and shows its first page of results. */
  async show(state: SearchState): Promise<void> {
    const run = ++this.generation;
    const { update } = this.options;
    const query = parseQuery(state.q);
    this.shown = undefined;
    this.status = undefined;
    const words = query.phrases.map((p) => p.text).join(' ');
    update({ kind: 'reset', title: words ? `${words} - ${this.options.baseTitle}` : this.options.baseTitle });
    if (query.phrases.length === 0 && !hasFilters(state)) {
      this.say(state.q.trim() === '' ? '' : MESSAGES.nothingToSearch);
      return;
    }
    this.say(MESSAGES.searching);
    update({ kind: 'busy', busy: true });
    try {
      const request = { query, filters: state.filters, sort: state.sort, exactOnly: state.exact };
      const search = new ShardSearch(await this.options.load(), request);
      const first = await search.read(0, PAGE_SIZE);
      if (run !== this.generation) return;
      this.shown = { search, state, query, count: 0 };
      update({ kind: 'list', hidden: first.length === 0 });
      await this.more(false, run);
    } catch (error) {
      if (run !== this.generation) return;
      this.say(MESSAGES.failed);
      console.error('搜索失败', error);
    } finally {
      if (run === this.generation) update({ kind: 'busy', busy: false });
    }
  }

  /**
   * Shows the next page of the current results, searching older shards if it needs them; `focus` for a
   * keyboard user who asked for it. Says afterwards what is known now.
   */
  async more(focus: boolean, run = this.generation): Promise<void> {
    const current = this.shown;
    if (!current) return;
    const { search, state, query } = current;
    const { update } = this.options;
    let batch, data;
    try {
      batch = await search.read(current.count, PAGE_SIZE);
      data = await Promise.all(batch.map((hit) => hit.data()));
    } catch (error) {
      if (run !== this.generation) return;
      this.say(MESSAGES.failed);
      console.error('搜索失败', error);
      return;
    }
    if (run !== this.generation) return;
    const items = data.map((d, i) => resultView(d, batch[i]!.complete, query));
    current.count += batch.length;
    const known = search.progress();
    const remaining = known.known - current.count;
    if (items.length > 0) update({ kind: 'append', items, focus });
    update({ kind: 'more', hidden: known.all && remaining <= 0, label: moreLabel(remaining, known.all) });
    this.say(
      known.all
        ? resultsMessage(query, { total: known.known, complete: known.complete, exactOnly: state.exact })
        : searchedMessage(query, { found: known.known, searched: known.searched, exactOnly: state.exact }),
    );
  }

  private say(text: string): void {
    if (text === this.status) return;
    this.status = text;
    this.options.update({ kind: 'status', text });
  }
}
