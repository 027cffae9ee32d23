/**
 * What pagefind stores beside a page's text: filters (ids, as the address bar carries them), the metadata a
 * result shows, and the time results can be sorted by. Rendered by SearchFacts.astro, one value per element,
 * because pagefind reads a single literal `key:value` per attribute.
 */
import { beijingMonth, instantOf } from '../model/time.ts';
import { beijingDate } from '../site/format.ts';
import { TIME_FILTER } from './pagefind-api.ts';

export type SearchKind = 'article' | 'meeting' | 'report';

/** What readers see as "类型", in this order. */
export const KIND_LABELS: Readonly<Record<SearchKind, string>> = {
  article: '内刊文章',
  meeting: '会议纪要',
  report: '工作汇报',
};

/** The region filter of department-wide meetings, which have no region. */
export const DEPARTMENT_FILTER = 'department';

export interface FactsInput {
  kind: SearchKind;
  title: string;
  /** Submitted time (articles, reports) or start (meetings), ISO with offset. */
  time: string;
  /** Region id; none for department-wide meetings. */
  region: string | undefined;
  regionName: string;
  /** Person id of the author, organiser or reporter. */
  author: string;
  authorName: string;
  category?: string;
  meetingKind?: string;
  reportKind?: string;
}

export interface PagefindFacts {
  filters: [string, string][];
  meta: [string, string][];
  sort: [string, string][];
}

/** One line, trimmed: pagefind keeps a value as written, and a result shows it as one line. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

export function pagefindFacts(input: FactsInput): PagefindFacts {
  // Seconds since 1970: every value has the same number of digits, so text order is time order too.
  const time = String(Math.floor(instantOf(input.time).epochMilliseconds / 1000));
  const filters: [string, string][] = [
    ['kind', input.kind],
    ['region', input.region ?? DEPARTMENT_FILTER],
    ['month', beijingMonth(input.time)],
    ['author', input.author],
  ];
  if (input.category) filters.push(['category', input.category]);
  if (input.meetingKind) filters.push(['meeting', input.meetingKind]);
  if (input.reportKind) filters.push(['report', input.reportKind]);
  // The search merges the hits of several shards by time (shard-merge.ts); a filter is in each page's
  // result data but, unlike metadata, is not searched as text. No one filters by it.
  filters.push([TIME_FILTER, time]);
  return {
    filters,
    meta: [
      ['title', oneLine(input.title)],
      ['kind', KIND_LABELS[input.kind]],
      ['region', oneLine(input.regionName)],
      ['author', oneLine(input.authorName)],
      ['date', beijingDate(input.time)],
    ],
    sort: [['time', time]],
  };
}
