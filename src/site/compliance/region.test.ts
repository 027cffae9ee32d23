import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { article, meeting } from '../../../test/support/fixtures.ts';
import { DEFAULT_POLICY } from '../../rules/policy.ts';
import { sightingKey } from '../../rules/sightings.ts';
import { regionEntriesByMonth } from './region.ts';

const withId = <T extends object>(id: string, entry: { data: T }) => ({ ...entry, id });

describe('regionEntriesByMonth', () => {
  const articles = [
    withId('a2', article('east', '2026-10-20T09:00:00+08:00')),
    withId('a1', article('east', '2026-10-01T00:00:00+08:00')),
    withId('a3', article('east', '2026-10-31T16:00:00Z')),
    withId('s1', article('south', '2026-10-05T09:00:00+08:00')),
  ];
  const meetings = [
    withId(
      'm1',
      meeting('east', '2026-10-15T14:00:00+08:00', {
        applied: '2026-10-10T09:00:00+08:00',
        filed: '2026-10-16T09:00:00+08:00',
      }),
    ),
    withId('m2', meeting('east', '2026-10-05T14:00:00+08:00', { applied: '2026-10-05T15:00:00+08:00' })),
    withId('m3', meeting('east', '2026-10-06T08:30:00+08:00', { kind: 'morning' })),
  ];
  const months = regionEntriesByMonth('east', ['2026-10', '2026-11'], articles, meetings);

  it('lists months newest first, each with the region’s articles in submitted order', () => {
    expect(months.map((m) => m.month)).toEqual(['2026-11', '2026-10']);
    expect(months[1]!.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(months[0]!.articles.map((a) => a.id)).toEqual(['a3']);
  });

  it('lists only the counted meetings, in start order, with what each lacks', () => {
    expect(months[1]!.meetings.map((m) => [m.entry.id, m.shortfalls])).toEqual([
      ['m2', ['applied-late', 'not-filed']],
      ['m1', []],
    ]);
  });
});

describe('regionEntriesByMonth with first sightings', () => {
  const late = (iso: string) => ({ firstSeen: Temporal.Instant.from(iso), baseline: false });
  const articles = [withId('a1', article('east', '2026-10-30T09:00:00+08:00'))];
  const meetings = [
    withId(
      'm1',
      meeting('east', '2026-11-10T14:00:00+08:00', {
        applied: '2026-11-05T09:00:00+08:00',
        filed: '2026-11-11T09:00:00+08:00',
      }),
    ),
  ];
  const sightings = new Map([
    [sightingKey('articles', 'a1'), late('2026-11-02T09:00:00+08:00')],
    [sightingKey('meetings', 'm1'), late('2026-11-10T15:00:00+08:00')],
  ]);
  const months = regionEntriesByMonth(
    'east',
    ['2026-10', '2026-11'],
    articles,
    meetings,
    DEFAULT_POLICY,
    sightings,
  );

  it('lists a 时间存疑 article in the month of its first sighting, as the counts do', () => {
    expect(months.map((m) => [m.month, m.articles.map((a) => a.id)])).toEqual([
      ['2026-11', ['a1']],
      ['2026-10', []],
    ]);
  });

  it('says a meeting whose application was first seen after it started was applied late', () => {
    expect(months[0]!.meetings.map((m) => m.shortfalls)).toEqual([['applied-late']]);
  });
});
