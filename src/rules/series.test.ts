import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { computeCompliance } from './compliance.ts';
import { article, makeContent, report } from '../../test/support/fixtures.ts';
import { complianceSeries, lastMonths, regionSeries, reportsOf } from './series.ts';

describe('lastMonths', () => {
  it('gives the twelve months ending with a month, oldest first, across a year boundary', () => {
    expect(lastMonths('2026-11')).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(lastMonths('2027-02', 3)).toEqual(['2026-12', '2027-01', '2027-02']);
  });

  it('refuses a month that does not exist', () => {
    expect(() => lastMonths('2026-13')).toThrow(/不是月份/);
  });
});

describe('complianceSeries', () => {
  const content = makeContent({
    articles: [
      article('east', '2026-10-31T23:59:59+08:00'),
      article('east', '2026-11-01T00:00:00+08:00'),
      article('south', '2025-12-01T00:00:00+08:00'),
    ],
    reports: [report('zhangwei', 'weekly', '2026-W45', '2026-11-09T09:00:00+08:00')],
  });
  // 31 October 16:00 UTC is 1 November in Beijing: the series ends with November.
  const asOf = Temporal.Instant.from('2026-10-31T16:00:00Z');
  const series = complianceSeries(content, { asOf });

  it('computes each of the twelve months ending with the Beijing month of asOf', () => {
    expect(series.map((e) => e.month)).toEqual(lastMonths('2026-11'));
    expect(series.at(-1)).toEqual(computeCompliance(content, { month: '2026-11', asOf }));
  });

  it('gives one region’s counts month by month', () => {
    const east = regionSeries(series, 'east');
    expect(east).toHaveLength(12);
    expect(east.at(-2)).toMatchObject({ month: '2026-10', articles: { count: 1, status: 'met' } });
    expect(east.at(-1)).toMatchObject({ month: '2026-11', articles: { count: 1, status: 'met' } });
    expect(east[0]!.articles).toEqual({ count: 0, required: 1, status: 'missing' });
    expect(regionSeries(series, 'south')[0]!.articles.status).toBe('met');
    expect(regionSeries(series, 'atlantis')).toEqual([]);
  });

  it('gathers the report rows of some people, with the month each falls due in', () => {
    const rows = reportsOf(series, new Set(['zhangwei']));
    expect(rows.every((r) => r.person === 'zhangwei')).toBe(true);
    expect(rows.find((r) => r.period === '2026-W45')).toMatchObject({ month: '2026-11', status: 'on_time' });
    expect(rows.find((r) => r.period === '2026-W46')).toMatchObject({ month: '2026-11', status: 'pending' });
    expect(reportsOf(series, new Set())).toEqual([]);
  });
});
