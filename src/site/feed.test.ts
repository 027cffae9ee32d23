import { describe, expect, it } from 'vitest';
import type { Article } from '../model/index.ts';
import { makeDirectory } from './directory.ts';
import { feedItems } from './feed.ts';

const directory = makeDirectory(
  [{ data: { id: 'east', name: '华东区', manager: 'zhangwei' } }],
  [{ data: { id: 'zhangwei', name: '张伟', role: 'manager', region: 'east', joined: '2024-01-01' } }],
);

const article = (id: string, submitted: string, extra: Partial<Article> = {}) => ({
  id,
  body: '## 小标题\n\n正文**第一段**，讲 <b>科室会</b>。',
  data: {
    title: `文章 ${id}`,
    region: 'east',
    author: 'zhangwei',
    category: 'clinical',
    submitted,
    ...extra,
  } as Article,
});

describe('feedItems', () => {
  const articles = [
    article('old', '2026-09-01T09:00:00+08:00'),
    article('new', '2026-10-31T23:59:59+08:00', { summary: '本文摘要。' }),
    article('mid', '2026-10-01T00:00:00+08:00'),
  ];

  it('lists the newest articles first, up to the count', () => {
    expect(feedItems(articles, directory, 2, 50).map((i) => i.link)).toEqual([
      '/articles/new/',
      '/articles/mid/',
    ]);
  });

  it('dates items at the right instant', () => {
    const [item] = feedItems(articles, directory, 1, 50);
    expect(item!.pubDate.toISOString()).toBe('2026-10-31T15:59:59.000Z');
  });

  it('gives each item its Beijing time as dc:date, for the feed page to show the Beijing day', () => {
    const [, item] = feedItems(articles, directory, 2, 50);
    expect(item!.customData).toBe('<dc:date>2026-10-01T00:00:00+08:00</dc:date>');
  });

  it('describes items with the summary or a plain-text excerpt', () => {
    const items = feedItems(articles, directory, 3, 50);
    expect(items[0]!.description).toBe('本文摘要。');
    expect(items[1]!.description).toBe('小标题 正文第一段，讲 科室会。');
    expect(items[1]!.categories).toEqual(['华东区', '临床推广']);
  });
});
