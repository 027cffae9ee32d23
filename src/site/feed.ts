/** The RSS feed of the newsletter: the newest articles as feed items. */
import type { Article } from '../model/index.ts';
import { formatDateTime, instantOf } from '../model/time.ts';
import type { Directory } from './directory.ts';
import { articleExcerpt } from './excerpt.ts';
import { categoryLabel, newestArticles } from './articles.ts';
import { urls } from './urls.ts';

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
  /** `<dc:date>` with the Beijing time: the feed's page (public/rss.xsl) shows the Beijing day from it. */
  customData: string;
}

/** Dublin Core, for `<dc:date>`: RSS 2.0's pubDate is in GMT, which an XSLT 1.0 page cannot convert. */
export const FEED_NAMESPACES = { dc: 'http://purl.org/dc/elements/1.1/' };

/** The newest `count` articles as RSS items; the description is a plain-text excerpt (the feed escapes it). */
export function feedItems(
  articles: readonly { id: string; body?: string | undefined; data: Article }[],
  directory: Directory,
  count: number,
  excerptChars: number,
): FeedItem[] {
  return newestArticles(articles)
    .slice(0, count)
    .map((a) => ({
      title: a.data.title,
      link: urls.article(a.id),
      // The feed library wants a Date; it only formats it (RFC 822, UTC), no calendar arithmetic happens here.
      pubDate: new Date(instantOf(a.data.submitted).epochMilliseconds),
      description: articleExcerpt(a.data.summary, a.body, excerptChars),
      categories: [directory.regionName(a.data.region), categoryLabel(a.data.category)],
      customData: `<dc:date>${formatDateTime(instantOf(a.data.submitted))}</dc:date>`,
    }));
}
