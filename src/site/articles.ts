/** The newsletter: articles in submitted order, monthly issues, neighbours and related articles. */
import type { Temporal } from 'temporal-polyfill';
import type { Article } from '../model/index.ts';
import { ARTICLE_CATEGORIES, labelOf } from '../model/options.ts';
import { beijingMonth } from '../model/time.ts';
import { groupByKey, groupByMonth, sortByTime, type Group } from './collate.ts';
import { currentMonth } from './now.ts';

/** What the helpers need of an article entry; `CollectionEntry<'articles'>` is one. */
export interface ArticleLike {
  id: string;
  data: Pick<Article, 'submitted' | 'region'>;
}

const submitted = (a: ArticleLike) => a.data.submitted;

/** `临床推广` for `clinical`. */
export function categoryLabel(category: string): string {
  return labelOf(ARTICLE_CATEGORIES, category);
}

/** Oldest first: the order an issue reads in and the order of previous/next. */
export function sortArticles<T extends ArticleLike>(articles: readonly T[]): T[] {
  return sortByTime(articles, submitted, 'asc');
}

/** Newest first: the order of feeds and "latest" lists. */
export function newestArticles<T extends ArticleLike>(articles: readonly T[]): T[] {
  return sortByTime(articles, submitted, 'desc');
}

/** One month's issue: its `2026-10` key and how many articles it has. */
export interface IssueSummary {
  month: string;
  count: number;
}

/** Every month that has articles, newest first: the archive. */
export function issueMonths(articles: readonly ArticleLike[]): IssueSummary[] {
  return groupByMonth(articles, submitted, 'desc').map((g) => ({ month: g.key, count: g.items.length }));
}

/** The articles submitted in a Beijing month, oldest first. */
export function articlesOfMonth<T extends ArticleLike>(articles: readonly T[], month: string): T[] {
  return sortArticles(articles.filter((a) => beijingMonth(a.data.submitted) === month));
}

/** A month's articles grouped by region in the order of `regionIds` (regions.yaml), each oldest first. */
export function issueByRegion<T extends ArticleLike>(
  articles: readonly T[],
  month: string,
  regionIds: readonly string[],
): Group<T>[] {
  return groupByKey(articlesOfMonth(articles, month), (a) => a.data.region, regionIds);
}

/** A region's articles by Beijing month, newest month and newest article first. */
export function regionArticlesByMonth<T extends ArticleLike>(
  articles: readonly T[],
  regionId: string,
): Group<T>[] {
  return groupByMonth(
    articles.filter((a) => a.data.region === regionId),
    submitted,
    'desc',
  );
}

/** Which issue the home page shows. */
export interface IssueChoice {
  month: string;
  /** True when it is the month of "now"; false when that month has no articles yet and an older one stands in. */
  current: boolean;
}

/**
 * This month's issue if it has articles, else the latest month before it that has some. Articles dated after
 * "now" (a build pinned to the past) are only used when nothing earlier exists. Undefined when there are none.
 */
export function chooseIssue(
  articles: readonly ArticleLike[],
  now: Temporal.Instant,
): IssueChoice | undefined {
  const month = currentMonth(now);
  const months = issueMonths(articles).map((i) => i.month);
  if (months.includes(month)) return { month, current: true };
  const fallback = months.find((m) => m < month) ?? months[0];
  return fallback === undefined ? undefined : { month: fallback, current: false };
}

/** What an article's page shows around it. */
export interface ArticleContext<T> {
  /** The article just before (older) in submitted order. */
  previous: T | undefined;
  /** The article just after (newer). */
  next: T | undefined;
  /** Up to `count` articles of the same region just before it (after it, at the region's start), newest first. */
  more: T[];
}

/**
 * The context of every article at once, by id: one sort for the whole collection instead of one per page,
 * which made a build quadratic in the number of articles.
 *
 * "More from the region" are the region's articles just before this one, so that a new article changes the
 * pages of its neighbours only, not every page of its region (a region's newest four on every page made one
 * submission re-render 266 pages at 20,000 entries: docs/performance.md). The region's first articles, with
 * fewer than `count` before them, are filled up with the ones just after.
 */
export function articleContexts<T extends ArticleLike>(
  articles: readonly T[],
  count: number,
): Map<string, ArticleContext<T>> {
  const sorted = sortArticles(articles);
  const regions = new Map(groupByKey(sorted, (a) => a.data.region).map((g) => [g.key, g.items]));
  const places = new Map([...regions.values()].flatMap((items) => items.map((a, i) => [a.id, i] as const)));
  return new Map(
    sorted.map((article, i) => {
      const region = regions.get(article.data.region)!;
      const at = places.get(article.id)!;
      const before = region.slice(Math.max(0, at - count), at);
      const after = region.slice(at + 1, at + 1 + count - before.length);
      return [
        article.id,
        { previous: sorted[i - 1], next: sorted[i + 1], more: [...before, ...after].reverse() },
      ];
    }),
  );
}

/** The archive by year, newest year first: `{ year: '2026', issues: [...] }`. */
export function issuesByYear(issues: readonly IssueSummary[]): { year: string; issues: IssueSummary[] }[] {
  return groupByKey(issues, (i) => i.month.slice(0, 4))
    .map((g) => ({ year: g.key, issues: g.items }))
    .sort((a, b) => (a.year < b.year ? 1 : a.year > b.year ? -1 : 0));
}

/** The issues just before (older) and after (newer) a month, among the months that have articles. */
export function adjacentIssues(
  issues: readonly IssueSummary[],
  month: string,
): { older: IssueSummary | undefined; newer: IssueSummary | undefined } {
  const sorted = [...issues].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const index = sorted.findIndex((i) => i.month === month);
  if (index < 0) return { older: undefined, newer: undefined };
  return { older: sorted[index - 1], newer: sorted[index + 1] };
}
