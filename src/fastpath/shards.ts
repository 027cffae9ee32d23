/**
 * The fast path's part of search (issue 14): the shards that the new or changed pages fall in are indexed
 * again with the shard build's own buildShard(), and each family's shards.json rewritten, both atomically
 * (src/integrations/search-shard.ts). Which pages a shard holds comes from one read of the served site at
 * warm-up (searchPages, as the build reads dist), kept up to date with the fast path's own writes.
 *
 * A shard is indexed again only when what pagefind reads of one of its pages changed: a neighbouring article
 * whose "previous/next" links changed does not send the whole year's shard back to pagefind — its indexed
 * body is the same.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Temporal } from 'temporal-polyfill';
import { buildShard, shardsOf, writeShardManifest, type ShardFamily } from '../integrations/search.ts';
import { searchPages, type Page, type PagesRecord } from '../integrations/search-cache.ts';
import render from 'dom-serializer';
import { DomUtils, parseDocument } from 'htmlparser2';
import { hasSearchBody, pageUrl, searchTime } from '../search/indexing.ts';

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** Attributes by which pagefind reads a page: its body, and filters, metadata and sort keys anywhere. */
const READ_BY_PAGEFIND = /^data-pagefind-(?:body|filter|meta|sort|index-attrs)$/;

/**
 * What pagefind reads of a page, as a digest: the elements it takes text, filters, metadata or sort keys
 * from, as built; undefined for a page it does not index.
 */
function indexed(html: string): string | undefined {
  if (!hasSearchBody(html)) return undefined;
  const doc = parseDocument(html, { decodeEntities: false });
  const read = DomUtils.findAll(
    (e) => Object.keys(e.attribs).some((a) => READ_BY_PAGEFIND.test(a)),
    doc.children,
  );
  return digest(read.map((e) => render(e, { decodeEntities: false })).join('\0'));
}

export class SearchShards {
  readonly #site: string;
  readonly #pages: Map<string, Page>;

  private constructor(site: string, pages: Page[]) {
    this.#site = site;
    this.#pages = new Map(pages.map((p) => [p.url, p]));
  }

  /** The searchable pages of the served site `site`; with the builds' record, only those written since. */
  static async read(site: string, record?: PagesRecord): Promise<SearchShards> {
    return new SearchShards(site, await searchPages(site, record ? { record } : {}));
  }

  get site(): string {
    return this.#site;
  }

  /**
   * Called before a page is replaced: whether its indexed body changes, read from the file still there.
   * Returns the new page's search record when a shard must be indexed again, else undefined.
   */
  async change(file: string, html: string): Promise<Page | undefined> {
    const now = indexed(html);
    if (now === undefined) return undefined;
    const before = await readFile(file, 'utf8').then(indexed, () => undefined);
    const url = pageUrl(relative(this.#site, file).split(sep).join('/'));
    const page: Page = { url, file, digest: digest(html), time: searchTime(html)! };
    this.#pages.set(url, page);
    return before === now ? undefined : page;
  }

  /** Indexes again the shards `changed` pages fall in, then rewrites the manifests. Returns them, e.g. pagefind/current. */
  async reindex(changed: readonly Page[], now: Temporal.Instant): Promise<string[]> {
    if (changed.length === 0) return [];
    const urls = new Set(changed.map((p) => p.url));
    const all = [...this.#pages.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const shards = shardsOf(all, now).filter((s) => s.pages.some((p) => urls.has(p.url)));
    const families = new Set<ShardFamily>();
    for (const shard of shards) {
      await buildShard(shard.pages, join(this.#site, shard.family, shard.id));
      families.add(shard.family);
    }
    for (const family of families) await writeShardManifest(this.#site, family, now);
    return shards.map((s) => `${s.family}/${s.id}`);
  }
}
