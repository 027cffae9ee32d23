/** 内刊投稿: a few articles per region and month, with some region-months left without any (R6 gaps). */
import { writeArticle } from './article-body.ts';
import { activeIn } from './org.ts';
import { ACADEMIC, BRAND, EXPERTS } from './corpus/topics-academic.ts';
import { COLLECTIONS, MINDSET, TEAM, TRAINING } from './corpus/topics-business.ts';
import { CLINICAL, DEPT_MEETING, DEVELOPMENT, VISIT } from './corpus/topics-field.ts';
import { LIFE } from './corpus/topics-life.ts';
import type { Topic } from './corpus/topic.ts';
import { markdownFile, uniqueSlug } from './markdown.ts';
import type { Rng } from './random.ts';
import { Writer } from './text.ts';
import type { Ctx, Entry, Person, Region } from './types.ts';

const CATEGORIES = ['clinical', 'experience', 'management', 'academic', 'other'] as const;
const CATEGORY_WEIGHTS = [30, 22, 18, 18, 12];
const CATEGORY_TOPICS: Record<(typeof CATEGORIES)[number], readonly Topic[]> = {
  clinical: [CLINICAL, VISIT, DEPT_MEETING, DEVELOPMENT],
  management: [TEAM, TRAINING, COLLECTIONS, DEVELOPMENT],
  experience: [MINDSET, VISIT, TEAM],
  academic: [ACADEMIC, EXPERTS, BRAND, DEPT_MEETING],
  other: [LIFE, BRAND, MINDSET],
};
const ALL_TOPICS = [
  VISIT,
  CLINICAL,
  DEPT_MEETING,
  DEVELOPMENT,
  ACADEMIC,
  EXPERTS,
  BRAND,
  COLLECTIONS,
  TRAINING,
  TEAM,
  MINDSET,
  LIFE,
];
/** Chance that a region writes nothing in a month. */
const HOLE = 0.06;
const AUTHOR_WEIGHT: Record<string, number> = { rep: 3, office: 2, manager: 1.5 };
/** Submission hours, weighted towards lunch and the evening. */
const HOURS = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
const HOUR_WEIGHTS = [2, 3, 3, 3, 5, 5, 3, 3, 3, 4, 3, 5, 7, 7, 4, 1];

function sceneOf(region: Region) {
  return {
    name: region.name,
    provinces: region.seed.provinces,
    cities: region.seed.cities,
    hospitals: region.hospitals,
  };
}

/** An entry's Writer: the region scene, the month, colleagues' names and company leaders. */
export function writerFor(
  ctx: Ctx,
  rng: Rng,
  region: Region,
  month: number,
  colleagues: readonly Person[],
  except?: string,
): Writer {
  const mates = colleagues.filter((p) => p.id !== except).map((p) => p.name);
  return new Writer(rng, sceneOf(region), month, mates, ctx.org.leaderShort);
}

function article(
  ctx: Ctx,
  rng: Rng,
  region: Region,
  author: Person,
  colleagues: readonly Person[],
  time: number,
): Entry {
  const tl = ctx.tl;
  const day = tl.day(tl.dayOf(time));
  const category = rng.weighted(CATEGORIES, CATEGORY_WEIGHTS);
  const own = CATEGORY_TOPICS[category];
  const primary = rng.weighted(
    own,
    own.map((_, i) => (i === 0 ? 3 : 1)),
  );
  const others = ALL_TOPICS.filter((t) => t !== primary);
  const secondary = rng.sample(
    rng
      .shuffle(others)
      .sort((a, b) => Number(own.includes(b)) - Number(own.includes(a)))
      .slice(0, 5),
    rng.int(1, 2),
  );
  const w = writerFor(ctx, rng, region, day.month, colleagues, author.id);
  const text = writeArticle(w, category, primary, secondary);
  const slug = uniqueSlug(ctx, `${day.iso}-${author.id}-${tl.hhmm(time)}`);
  const front = {
    title: text.title,
    region: region.id,
    author: author.id,
    category,
    submitted: tl.stamp(time),
    summary: text.summary,
    tags: text.tags,
  };
  return { collection: 'articles', slug, year: day.year, text: markdownFile(front, text.body) };
}

export function generateArticles(ctx: Ctx): Entry[] {
  const { tl, org, plan } = ctx;
  const entries: Entry[] = [];
  org.regions.forEach((region, ri) => {
    tl.months.forEach((month, mi) => {
      const rng = ctx.rng.fork(`articles/${region.id}/${month.key}`);
      const lo = Math.max(month.first, tl.startIdx);
      const hi = Math.min(month.last, tl.endIdx);
      if (hi < lo) return;
      const authors = activeIn(org, region.id, ['rep', 'office', 'manager'], lo, hi);
      const colleagues = activeIn(org, region.id, ['rep', 'office', 'manager', 'supervisor'], lo, hi);
      if (authors.length === 0) return;
      const partial = (hi - lo + 1) / (month.last - month.first + 1);
      // A forced gap keeps at least one R6 hole in every sample.
      const hole = rng.chance(HOLE) || (ri === 1 && mi === Math.min(2, tl.months.length - 1));
      let count = hole ? 0 : rng.count(plan.articles * partial, 1);
      if (!hole && partial === 1) count = Math.max(1, count);
      for (let i = 0; i < count; i++) {
        const author = rng.weighted(
          authors,
          authors.map((a) => AUTHOR_WEIGHT[a.role] ?? 1),
        );
        const first = Math.max(lo, author.from);
        const last = Math.min(hi, author.to);
        const dayIndex = rng.int(first, last);
        const time = tl.at(dayIndex, rng.weighted(HOURS, HOUR_WEIGHTS), rng.int(0, 59), rng.int(0, 59));
        entries.push(article(ctx, rng, region, author, colleagues, time));
      }
    });
  });
  return entries;
}
