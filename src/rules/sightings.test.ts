/**
 * 时间存疑: an entry whose claimed time is earlier than its first sighting on main by more than the tolerance
 * counts by the sighting, and the export says so; everything else keeps today's numbers and shape.
 */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { computeCompliance, countingReport, suspectEntries, type ComplianceContent } from './compliance.ts';
import { article, makeContent, meeting, report } from '../../test/support/fixtures.ts';
import { DEFAULT_POLICY } from './policy.ts';
import { countedTime, sightingKey, type Sighting, type Sightings } from './sightings.ts';

const CLAIM = '2026-10-12T09:30:00+08:00';
const at = (iso: string) => Temporal.Instant.from(iso);
const seenAt = (iso: string, baseline = false): Sighting => ({ firstSeen: at(iso), baseline });

describe('countedTime', () => {
  it.each([
    ['seen at the claimed time', '2026-10-12T09:30:00+08:00', false],
    ['seen exactly the tolerance later', '2026-10-12T09:45:00+08:00', false],
    ['seen one nanosecond past the tolerance', '2026-10-12T09:45:00.000000001+08:00', true],
    ['seen sixteen minutes later', '2026-10-12T09:46:00+08:00', true],
    ['seen before the claimed time (a future claim)', '2026-10-12T09:00:00+08:00', false],
    ['seen the same instant written in UTC', '2026-10-12T01:45:00Z', false],
  ])('%s: suspect %s', (_, firstSeen, suspect) => {
    const counted = countedTime(CLAIM, seenAt(firstSeen));
    expect(counted.firstSeen !== undefined).toBe(suspect);
    expect(counted.at.equals(suspect ? at(firstSeen) : at(CLAIM))).toBe(true);
  });

  it('never doubts a baseline entry or one the ledger lacks', () => {
    expect(countedTime(CLAIM, seenAt('2026-11-30T09:00:00+08:00', true))).toEqual({ at: at(CLAIM) });
    expect(countedTime(CLAIM, undefined)).toEqual({ at: at(CLAIM) });
  });

  it("takes the tolerance from the policy's data", () => {
    const sighting = seenAt('2026-10-12T10:00:00+08:00');
    expect(countedTime(CLAIM, sighting).firstSeen).toBeDefined();
    expect(countedTime(CLAIM, sighting, { ...DEFAULT_POLICY, firstSeenTolerance: { hours: 1 } })).toEqual({
      at: at(CLAIM),
    });
    expect(DEFAULT_POLICY.firstSeenTolerance).toEqual({ minutes: 15 });
  });
});

const ASOF = at('2026-12-05T12:00:00+08:00');
const sightings = (entries: Record<string, Sighting>): Sightings => new Map(Object.entries(entries));
const east = (content: ComplianceContent, month: string, s?: Sightings) =>
  computeCompliance(content, { month, asOf: ASOF, sightings: s }).regions.find((r) => r.id === 'east')!;

describe('a backdated article', () => {
  // Claimed in October, first seen on main in November: it counts for November.
  const content = makeContent({
    articles: [article('east', '2026-10-30T09:00:00+08:00', 'wangfang', 'late-article')],
  });
  const seen = sightings({
    [sightingKey('articles', 'late-article')]: seenAt('2026-11-02T10:00:00+08:00'),
  });

  it('counts in the month of its first sighting, marked suspect there', () => {
    expect(east(content, '2026-10', seen).articles).toEqual({ count: 0, required: 1, status: 'missing' });
    expect(east(content, '2026-11', seen).articles).toEqual({
      count: 1,
      required: 1,
      status: 'met',
      suspect: 1,
    });
    expect(suspectEntries(content, { month: '2026-11', asOf: ASOF, sightings: seen })).toEqual([
      {
        collection: 'articles',
        id: 'late-article',
        field: 'submitted',
        claimed: '2026-10-30T09:00:00+08:00',
        firstSeen: '2026-11-02T10:00:00+08:00',
      },
    ]);
    expect(suspectEntries(content, { month: '2026-10', asOf: ASOF, sightings: seen })).toEqual([]);
  });

  it('counts as before, in the same shape, without sightings or as baseline', () => {
    const baseline = sightings({
      [sightingKey('articles', 'late-article')]: seenAt('2026-11-02T10:00:00+08:00', true),
    });
    for (const s of [undefined, baseline, new Map()]) {
      expect(east(content, '2026-10', s).articles).toEqual({ count: 1, required: 1, status: 'met' });
    }
  });
});

describe('a meeting whose application was backdated', () => {
  const START = '2026-11-10T14:00:00+08:00';
  const content = makeContent({
    meetings: [
      meeting('east', START, {
        id: 'backdated',
        applied: '2026-11-05T09:00:00+08:00',
        filed: '2026-11-11T09:00:00+08:00',
      }),
      meeting('east', '2026-11-20T14:00:00+08:00', {
        id: 'honest',
        applied: '2026-11-15T09:00:00+08:00',
        filed: '2026-11-21T09:00:00+08:00',
      }),
    ],
  });

  it('is judged by when the application was first seen: after the start, it does not qualify', () => {
    const seen = sightings({
      [sightingKey('meetings', 'backdated')]: seenAt('2026-11-10T16:00:00+08:00'),
      [sightingKey('meetings', 'honest')]: seenAt('2026-11-15T09:05:00+08:00'),
    });
    expect(east(content, '2026-11', seen).meetings).toEqual({
      count: 2,
      qualifying: 1,
      required: 1,
      status: 'met',
      suspect: 1,
    });
    expect(suspectEntries(content, { month: '2026-11', asOf: ASOF, sightings: seen })).toEqual([
      {
        collection: 'meetings',
        id: 'backdated',
        field: 'applied',
        claimed: '2026-11-05T09:00:00+08:00',
        firstSeen: '2026-11-10T16:00:00+08:00',
      },
    ]);
  });

  it('still qualifies when the application was seen late, but before the start', () => {
    const seen = sightings({ [sightingKey('meetings', 'backdated')]: seenAt('2026-11-08T09:00:00+08:00') });
    expect(east(content, '2026-11', seen).meetings).toMatchObject({ qualifying: 2, suspect: 1 });
  });
});

describe('a backdated weekly report', () => {
  // 2026-W46 is due Monday 2026-11-16 12:00. The report claims 11-16 09:00 but was first seen on 11-30.
  const content = makeContent({
    reports: [report('zhangwei', 'weekly', '2026-W46', '2026-11-16T09:00:00+08:00', 'forged')],
  });
  const seen = sightings({ [sightingKey('reports', 'forged')]: seenAt('2026-11-30T10:00:00+08:00') });
  const row = (s?: Sightings) =>
    computeCompliance(content, { month: '2026-11', asOf: ASOF, sightings: s }).reports.find(
      (r) => r.person === 'zhangwei' && r.period === '2026-W46',
    );

  it('is late by its first sighting, with both times in the row', () => {
    expect(row(seen)).toEqual({
      person: 'zhangwei',
      kind: 'weekly',
      period: '2026-W46',
      due: '2026-11-16T12:00:00+08:00',
      submitted: '2026-11-16T09:00:00+08:00',
      status: 'late',
      suspect: true,
      firstSeen: '2026-11-30T10:00:00+08:00',
    });
    // The row's keys in the contract's order, the two new ones last.
    expect(Object.keys(row(seen)!)).toEqual([
      'person',
      'kind',
      'period',
      'due',
      'submitted',
      'status',
      'suspect',
      'firstSeen',
    ]);
  });

  it('keeps exactly the old row without a ledger', () => {
    expect(row()).toEqual({
      person: 'zhangwei',
      kind: 'weekly',
      period: '2026-W46',
      due: '2026-11-16T12:00:00+08:00',
      submitted: '2026-11-16T09:00:00+08:00',
      status: 'on_time',
    });
  });

  it('does not beat an honest report seen earlier: that one counts, and nothing is suspect', () => {
    const both = makeContent({
      reports: [
        report('zhangwei', 'weekly', '2026-W46', '2026-11-16T09:00:00+08:00', 'forged'),
        report('zhangwei', 'weekly', '2026-W46', '2026-11-18T09:00:00+08:00', 'honest'),
      ],
    });
    const options = { month: '2026-11', asOf: ASOF, sightings: seen };
    const counted = computeCompliance(both, options).reports.find(
      (r) => r.person === 'zhangwei' && r.period === '2026-W46',
    );
    expect(counted).toEqual({
      person: 'zhangwei',
      kind: 'weekly',
      period: '2026-W46',
      due: '2026-11-16T12:00:00+08:00',
      submitted: '2026-11-18T09:00:00+08:00',
      status: 'late',
    });
    expect(countingReport(both, 'zhangwei', 'weekly', '2026-W46', { sightings: seen })?.id).toBe('honest');
    expect(countingReport(both, 'zhangwei', 'weekly', '2026-W46')?.id).toBe('forged');
    expect(suspectEntries(both, options)).toEqual([]);
  });

  it('lists the counted report among the month’s suspects', () => {
    expect(suspectEntries(content, { month: '2026-11', asOf: ASOF, sightings: seen })).toEqual([
      {
        collection: 'reports',
        id: 'forged',
        field: 'submitted',
        claimed: '2026-11-16T09:00:00+08:00',
        firstSeen: '2026-11-30T10:00:00+08:00',
      },
    ]);
  });
});
