import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { activityRow, PEOPLE, REGIONS } from '../../../test/support/fixtures.ts';
import { chartRows } from '../compliance/chart-spec.ts';
import { belowByRegion, currentWeek, trendChart } from './overview.ts';

const row = activityRow;

describe('currentWeek', () => {
  it.each([
    ['2026-11-25T18:00:00+08:00', '2026-W48', '2026-11'],
    // Monday 30 November: its Thursday is 3 December, so December's export lists the week.
    ['2026-11-30T09:00:00+08:00', '2026-W49', '2026-12'],
    // Still Sunday 29 November in Los Angeles, already Monday 30 November in Beijing.
    ['2026-11-29T17:00:00-08:00', '2026-W49', '2026-12'],
    // Friday 1 January 2027 is in ISO week 53 of 2026, whose Thursday is 31 December.
    ['2027-01-01T12:00:00+08:00', '2026-W53', '2026-12'],
  ])('puts %s in week %s of %s', (at, week, month) => {
    expect(currentWeek(Temporal.Instant.from(at))).toEqual({ week, month });
  });
});

describe('belowByRegion', () => {
  const rows = [
    row({ scope: 'week', period: '2026-W48', count: 5, required: 15, status: 'pending' }),
    row({ person: 'zhangwei', scope: 'week', period: '2026-W48', count: 15, required: 15, status: 'met' }),
    row({ person: 'lina', region: 'south', scope: 'week', period: '2026-W47', count: 2, required: 15 }),
    row({ measure: 'calls', scope: 'week', period: '2026-W48', count: 5, required: 1500, status: 'pending' }),
  ];

  it('lists per region the people short in that period, over or not, and keeps regions with nobody', () => {
    const result = belowByRegion(rows, REGIONS, PEOPLE, {
      measure: 'visits',
      scope: 'week',
      period: '2026-W48',
    });
    expect(result.map((r) => [r.region.id, r.lines.map((l) => [l.name, l.row.count, l.row.status])])).toEqual(
      [
        ['south', []],
        ['east', [['测试wangfang', 5, 'pending']]],
      ],
    );
  });
});

describe('trendChart', () => {
  it('charts a region’s sums with what was owed month by month, its table saying the same', () => {
    const spec = trendChart(
      [
        { month: '2026-10', count: 100, required: 105 },
        { month: '2026-11', count: 10, required: 65 },
      ],
      'visits',
    );
    expect(spec.labels).toEqual(['2026年10月', '11月']);
    expect(spec.yTitle).toBe('有效拜访（次）');
    expect(chartRows(spec)).toEqual([
      { label: '2026年10月', values: [100, 105] },
      { label: '11月', values: [10, 65] },
    ]);
  });
});
