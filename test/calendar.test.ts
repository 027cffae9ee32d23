/**
 * The calendar feeds of the sample build, parsed back with ical.js: each region's feed has exactly the
 * deadlines the rules engine gives for that region over the feeds' span (computed here independently, from
 * the content folder), in Asia/Shanghai; the region page links its feeds; no feed carries a figure.
 */
import { join, resolve } from 'node:path';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../src/load/load.ts';
import { feedDeadlines, personFeed, regionFeed } from '../src/site/feeds.ts';
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

  it('give each manager their own reports and the standing meetings, and the department everything', () => {
    const manager = content.regions[0]!.manager;
    const mine = events(`calendar/${manager}.ics`).map((e) => e.uid);
    expect(mine.sort()).toEqual(
      personFeed(all, manager)
        .map((d) => uid(d.key))
        .sort(),
    );
    expect(mine.some((u) => u.startsWith(`report-${manager}-weekly-`))).toBe(true);
    expect(events('calendar/department.ics')).toHaveLength(all.length);
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
