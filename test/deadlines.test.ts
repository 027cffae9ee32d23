/**
 * Deadlines on the sample build's pages. The calendar feeds, parsed back with ical.js: each region's feed has
 * exactly the deadlines the rules engine gives for that region over the feeds' span (computed here
 * independently, from the content folder), in Asia/Shanghai; the region page links its feeds; no feed
 * carries a figure. The chase lists on the managers' month and region pages: who owes what, and the message.
 */
import { join, resolve } from 'node:path';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../src/load/load.ts';
import { chaseList } from '../src/site/compliance/chase.ts';
import { departmentFeed, feedDeadlines, personFeed, regionFeed } from '../src/site/feeds.ts';
import { BUILD_NOW, read } from './support/build.ts';

const sample = inject('sample');
const { content } = loadContent(resolve('content'));
const all = feedDeadlines(content, Temporal.Instant.from(BUILD_NOW));

function events(path: string) {
  const calendar = new ICAL.Component(ICAL.parse(read(sample.outDir, path)));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const uid = (key: string) => `${key}@127.0.0.1`;

beforeAll(() => {
  expect(sample.status, sample.output).toBe(0);
});

describe('calendar feeds', () => {
  it('give each region exactly its deadlines of the coming year, at their Beijing times', () => {
    for (const region of content.regions) {
      const expected = regionFeed(all, region.id, content);
      const feed = events(join('calendar/regions', `${region.id}.ics`));
      expect(feed.map((e) => e.uid).sort(), region.id).toEqual(expected.map((d) => uid(d.key)).sort());
      for (const d of expected.filter((x) => x.kind !== 'standing').slice(0, 20)) {
        const event = feed.find((e) => e.uid === uid(d.key))!;
        expect(event.endDate.zone.tzid).toBe('Asia/Shanghai');
        expect(event.endDate.toJSDate().getTime(), d.key).toBe(d.at.epochMilliseconds);
      }
    }
  });

  it('give each manager their own reports, materials and log weeks; the department its reports and minimums', () => {
    const manager = content.regions[0]!.manager;
    const mine = events(`calendar/${manager}.ics`).map((e) => e.uid);
    expect(mine.sort()).toEqual(
      personFeed(all, manager)
        .map((d) => uid(d.key))
        .sort(),
    );
    expect(mine.some((u) => u.startsWith(`report-${manager}-weekly-`))).toBe(true);
    expect(mine.some((u) => u.startsWith(`report-${manager}-worklog-`))).toBe(true);
    expect(mine.some((u) => u.startsWith(`report-${manager}-funding-`))).toBe(true);
    const department = events('calendar/department.ics').map((e) => e.uid);
    expect(department.sort()).toEqual(
      departmentFeed(all)
        .map((d) => uid(d.key))
        .sort(),
    );
    // Everyone's weekly logs and materials stay in the personal feeds: the shared ones would drown in them.
    expect(department.some((u) => /-(worklog|kpi|summary|funding)-/.test(u))).toBe(false);
    expect(department.some((u) => u.includes('-weekly-'))).toBe(true);
  });

  it('are linked from the region page and carry no figures', () => {
    const region = content.regions[0]!;
    const page = read(sample.outDir, `regions/${region.id}/index.html`);
    expect(page).toContain(`href="/calendar/regions/${region.id}.ics"`);
    expect(page).toContain(`href="/calendar/${region.manager}.ics"`);
    const text = read(sample.outDir, 'calendar/department.ics');
    expect(text).not.toMatch(/target|actual|回款|纯销|布点|发货/);
  });
});

describe('the chase lists', () => {
  const asOf = Temporal.Instant.from(BUILD_NOW);
  const month = BUILD_NOW.slice(0, 7);
  const chases = chaseList(content, month, asOf, { site: 'http://127.0.0.1:4321' });

  it('show on the month page who owes what, region by region, with the message to paste', () => {
    const html = read(sample.outDir, `manage/compliance/${month}/index.html`);
    expect(html).toContain('id="chase-heading"');
    // Markup aside (Astro's scoping attributes), as a reader sees it.
    const page = html.replace(/ data-astro-cid-\w+/g, '');
    expect(chases.length).toBeGreaterThan(0);
    for (const chase of chases) {
      expect(page).toContain(`<h3>${chase.name}</h3>`);
      for (const item of chase.items)
        expect(page).toContain(`${item.owner}：${item.title}，${item.due} 截止`);
    }
    expect(page).toMatch(/<textarea readonly[^>]*>\s*\*\*[^<]+催交提醒\*\*/);
  });

  it('show on a region page only that region', () => {
    const chase = chases[0]!;
    const page = read(sample.outDir, `manage/compliance/${chase.region}/index.html`).replace(
      / data-astro-cid-\w+/g,
      '',
    );
    expect(page).toContain(`${chase.items[0]!.owner}：${chase.items[0]!.title}`);
    for (const other of chases.slice(1))
      for (const item of other.items) expect(page).not.toContain(`${item.owner}：${item.title}，`);
  });
});
