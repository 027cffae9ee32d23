/** What the search page says and shows, as plain data: the page turns it into text nodes. */
import { phraseWindow, partsFromPagefind, type Part } from './excerpt.ts';
import { EXCERPT_LENGTH, type PagefindData } from './pagefind-api.ts';
import { MAX_QUERY_CHARS, type Query } from './query.ts';
import { withoutZwsp } from './text.ts';

/** Results shown at first and added by each "显示更多": ten fragments of a few kB each. */
export const PAGE_SIZE = 10;

export const MATCH_LABELS = { complete: '完整匹配', partial: '部分匹配' } as const;

export interface ResultView {
  /** A path on this site; anything else is not linked. */
  href: string | undefined;
  title: string;
  /** 内刊文章 · 华东区 · 郝春梅 · 2026年3月16日, the parts that are known. */
  facts: string[];
  /** Whether the page contains every phrase whole; none when the search had no words (filters only). */
  match: 'complete' | 'partial' | undefined;
  excerpt: Part[];
}

/** Only a path of this site: a stored URL can never become `javascript:` or another host. */
export function safePath(url: string): string | undefined {
  return /^\/(?![/\\])[^\s]*$/.test(url) ? url : undefined;
}

export function resultView(data: PagefindData, complete: boolean, query: Query): ResultView {
  const meta = (key: string) => withoutZwsp(data.meta[key] ?? '').trim();
  const phrases = query.phrases.map((p) => p.text);
  // A complete match shows where the phrase is; pagefind picks the densest run of single characters.
  const own = complete ? phraseWindow(data.content, phrases, EXCERPT_LENGTH) : undefined;
  return {
    href: safePath(data.url),
    title: meta('title') || '（无标题）',
    facts: [meta('kind'), meta('region'), meta('author'), meta('date')].filter((f) => f !== ''),
    match: phrases.length === 0 ? undefined : complete ? 'complete' : 'partial',
    excerpt: own ?? partsFromPagefind(data.excerpt),
  };
}

const listed = (query: Query) => query.phrases.map((p) => `“${p.text}”`).join('、');

export interface Counts {
  total: number;
  complete: number;
  exactOnly: boolean;
}

/** The sentence the live region reads out after a search. */
export function resultsMessage(query: Query, { total, complete, exactOnly }: Counts): string {
  const cut = query.truncated ? `（关键词太长，只用了前 ${MAX_QUERY_CHARS} 个字。）` : '';
  if (query.phrases.length === 0) return `按筛选条件找到 ${total} 条，最新的在前。`;
  if (total === 0)
    return `没有找到包含${listed(query)}的内容。可以换个说法、用更短的词，或去掉筛选条件。${cut}`;
  if (exactOnly || complete === total) return `找到 ${total} 条完整包含${listed(query)}的结果。${cut}`;
  if (complete === 0) return `找到 ${total} 条结果，都只包含${listed(query)}的一部分字。${cut}`;
  return `找到 ${total} 条结果，其中 ${complete} 条完整包含${listed(query)}，排在前面。${cut}`;
}

/** What readers call a shard: `current` is this month (and anything later), the others their year. */
export function shardLabel(id: string): string {
  return id === 'current' ? '本月' : `${id} 年`;
}

export interface SearchedSoFar {
  /** Results found so far that can be shown: complete matches (all results without phrases). */
  found: number;
  /** Shard ids searched, newest first. */
  searched: string[];
  exactOnly: boolean;
}

/**
 * Said while older shards are not searched yet (newest first searches them only when needed): what was
 * searched and what it found, never a total that is not known.
 */
export function searchedMessage(query: Query, { found, searched, exactOnly }: SearchedSoFar): string {
  const cut = query.truncated ? `（关键词太长，只用了前 ${MAX_QUERY_CHARS} 个字。）` : '';
  const where = `${searched.map(shardLabel).join('、')}的内容`;
  if (query.phrases.length === 0)
    return `按筛选条件在${where}中找到 ${found} 条，最新的在前；更早的年份还没有搜索。`;
  const partial = exactOnly ? '' : '只包含部分字的结果，在全部年份搜索完之后列出。';
  return `在${where}中找到 ${found} 条完整包含${listed(query)}的结果，最新的在前；更早的年份还没有搜索。${partial}${cut}`;
}

export const MESSAGES = {
  idle: '输入关键词，或选择筛选条件后搜索。',
  nothingToSearch: '关键词里没有可搜索的文字（标点和符号会被忽略），请输入中文、字母或数字。',
  searching: '正在搜索…',
  failed: '搜索暂时不能使用，请刷新页面再试；如果一直这样，请联系管理员。',
} as const;

/** The "more" button: how many are left when that is known; to search older years when nothing known is left. */
export function moreLabel(remaining: number, known = true): string {
  if (known) return `显示更多（还有 ${remaining} 条）`;
  return remaining > 0 ? '显示更多' : '搜索更早的年份';
}
