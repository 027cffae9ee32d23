/**
 * RSS feed of the newsletter: the newest articles with plain-text excerpts. Opened in a browser it reads as a
 * Chinese page through public/rss.xsl (styled by public/rss.css, no inline style, so any CSP of the site's
 * kind allows it); feed readers ignore the stylesheet.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { EXCERPT_CHARS, NEWSLETTER_NAME, RSS_ITEMS, SITE_NAME } from '../consts';
import { makeDirectory } from '../site/directory';
import { FEED_NAMESPACES, feedItems } from '../site/feed';

export async function GET(context: APIContext) {
  const directory = makeDirectory(await getCollection('regions'), await getCollection('people'));
  const articles = await getCollection('articles');
  return rss({
    title: `${SITE_NAME}·${NEWSLETTER_NAME}`,
    description: `销售部《${NEWSLETTER_NAME}》最新投稿：各区域的临床推广、管理、销售心得与学术活动。`,
    site: context.site ?? context.url.origin,
    items: feedItems(articles, directory, RSS_ITEMS, EXCERPT_CHARS),
    customData: '<language>zh-cn</language>',
    xmlns: FEED_NAMESPACES,
    stylesheet: '/rss.xsl',
  });
}
