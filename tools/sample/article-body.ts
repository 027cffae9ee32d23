/** Writes one article: title, optional summary and tags, and a 300–1,200 character Markdown body. */
import { articleTable } from './article-tables.ts';
import { CLOSERS, OPENERS, SUMMARIES, TITLES } from './corpus/article-frame.ts';
import { CONNECTORS, ORDINALS } from './corpus/phrases.ts';
import type { Topic } from './corpus/topic.ts';
import { bulletList, hanCount, numberedList } from './markdown.ts';
import type { Writer } from './text.ts';

export interface ArticleText {
  title: string;
  summary?: string;
  tags?: string[];
  body: string;
}

const MIN_HAN = 300;
const MAX_HAN = 1200;
const LIST_LEADS = [
  '[在{city0}，|{mon}以来，|]我们的[具体|主要]做法[有以下几点|如下]：',
  '[归纳|总结]起来，[{city0}片区|{region}|我们][有|主要有]这么几条：',
  '[我们|{city0}团队][现在|目前|从{mon2}起]的[做法|要求]是：',
  '[{mate}和我|我们|我][总结|归纳]的[几点|几条][经验|体会]：',
  '[供|给]{region}[同事|大家]参考的[几点|几条]：',
];
const CLOSING_HEADINGS = ['写在最后', '结语', '几句心里话', '最后的话', '小结'];
/** Headings for sections once a topic's own headings are used up. */
const GENERIC_HEADINGS = [
  '几点体会',
  '具体做法',
  '存在的不足',
  '下一步打算',
  '效果与反思',
  '一点补充',
  '[遇到的|碰到的]问题',
  '[一些|几点]思考',
];

export function writeArticle(
  w: Writer,
  category: string,
  primary: Topic,
  secondary: readonly Topic[],
): ArticleText {
  const r = w.rng;
  w.vars.topic = primary.name;
  const topics = [primary, ...secondary];
  const used = new Set<string>();
  let emphasized = !r.chance(0.35);

  /** A template not used yet in this article: from the topic, else from the article's other topics. */
  const fresh = (topic: Topic): string => {
    const own = topic.sentences.filter((t) => !used.has(t));
    if (own.length > 0) return r.pick(own);
    const other = topics.flatMap((t) => t.sentences).filter((t) => !used.has(t));
    return other.length > 0 ? r.pick(other) : r.pick(topic.sentences);
  };
  const usedHeadings = new Set<string>();
  const heading = (topic: Topic): string => {
    const own = topic.headings.filter((h) => !usedHeadings.has(h));
    const template =
      own.length > 0 ? r.pick(own) : r.pick(GENERIC_HEADINGS.filter((h) => !usedHeadings.has(h)));
    usedHeadings.add(template);
    return w.fill(template);
  };

  const sentence = (topic: Topic, first: boolean): string => {
    const template = fresh(topic);
    used.add(template);
    let text = w.fill(template);
    if (!emphasized && text.endsWith('。') && r.chance(0.2)) {
      emphasized = true;
      text = `**${text.slice(0, -1)}**。`;
    }
    return !first && r.chance(0.3) ? r.pick(CONNECTORS) + text : text;
  };
  const paragraph = (topic: Topic, count: number): string => {
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(sentence(r.chance(0.75) ? topic : r.pick(topics), i === 0));
    return parts.join('');
  };

  const blocks: string[] = [];
  let han = 0;
  const add = (block: string): boolean => {
    const n = hanCount(block);
    if (han + n > MAX_HAN) return false;
    blocks.push(block);
    han += n;
    return true;
  };

  add(w.any(OPENERS) + paragraph(primary, r.int(1, 2)));
  const target = r.int(330, 1000);
  const ordinals = r.chance(0.4);
  const tableAt = r.chance(0.15) ? r.int(0, 1) : -1;
  let lists = 0;
  for (let section = 0; han < target && section < ORDINALS.length; section++) {
    const topic = section === 0 ? primary : (topics[section % topics.length] ?? primary);
    const title = `## ${ordinals ? (ORDINALS[section] ?? '') : ''}${heading(topic)}`;
    if (!add(`${title}\n\n${paragraph(topic, r.int(2, 4))}`)) break;
    if (han < target && r.chance(0.5)) add(paragraph(topic, r.int(2, 4)));
    if (section === tableAt) add(articleTable(w, topic.id));
    else if (lists < 2 && r.chance(0.25)) {
      const items = r.sample(topic.points, r.int(3, 5)).map((p) => w.fill(p));
      const list = r.chance(0.5) ? bulletList(items) : numberedList(items);
      if (add(`${w.any(LIST_LEADS)}\n\n${list}`)) lists++;
    }
  }
  while (han < MIN_HAN) if (!add(paragraph(primary, 2))) break;

  const closer = w.any(CLOSERS);
  if (r.chance(0.4)) add(`## ${r.pick(CLOSING_HEADINGS)}\n\n${closer}`);
  else if (han + hanCount(closer) <= MAX_HAN) blocks[blocks.length - 1] += `\n\n${closer}`;

  const text: ArticleText = {
    title: w.any(TITLES[category] ?? TITLES.other ?? []),
    body: blocks.join('\n\n'),
  };
  if (r.chance(0.55)) text.summary = w.any(SUMMARIES).slice(0, 120);
  if (r.chance(0.7)) {
    const pool = [...new Set(topics.flatMap((t) => t.tags))];
    text.tags = r.sample(pool, r.int(1, 4));
  }
  return text;
}
