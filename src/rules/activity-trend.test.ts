/** Region sums and the twelve-month trend of the activity figures (issue 12). */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { WorklogDay } from '../model/index.ts';
import { makeContent, person, worklog } from '../../test/support/fixtures.ts';
import { activityRows } from './activity.ts';
import { activityTrend, regionActivity, regionTrend } from './activity-trend.ts';
import { DEFAULT_POLICY } from './policy.ts';
import { lastMonths } from './series.ts';

const at = (text: string) => Temporal.Instant.from(text);
const LATER = at('2030-01-01T00:00:00+08:00');
const rep = (id: string) => person(id, 'rep', '2020-01-01');
/** A row of `n` visits on each weekday of the month, filed on the day. */
const everyWeekday = (n: number, month: string): WorklogDay[] => {
  const days: WorklogDay[] = [];
  const ym = Temporal.PlainYearMonth.from(month);
  for (let d = 1; d <= ym.daysInMonth; d++) {
    const date = ym.toPlainDate({ day: d });
    if (date.dayOfWeek <= 5) days.push({ date: date.toString(), visits: n, filed: `${date}T08:30:00+08:00` });
  }
  return days;
};
const rows = (content: ReturnType<typeof makeContent>, month: string) =>
  activityRows(content, { month, asOf: LATER });

describe('region sums and the trend', () => {
  const content = makeContent({
    people: [
      rep('wangfang'),
      rep('zhaolei'),
      { ...rep('chenjing'), region: 'south' },
      person('zhangwei', 'manager'),
    ],
    worklogs: [
      worklog('wangfang', '2026-11', everyWeekday(4, '2026-11')),
      worklog('zhaolei', '2026-11', everyWeekday(1, '2026-11')),
      worklog('zhaolei', '2026-10', everyWeekday(3, '2026-10')),
    ],
  });

  it('sums the month rows per region and measure', () => {
    const sums = regionActivity(rows(content, '2026-11'));
    expect(sums).toEqual([
      {
        region: 'east',
        measure: 'visits',
        people: 2,
        count: 105,
        required: 130,
        met: 1,
        pending: 0,
        below: 1,
      },
      { region: 'south', measure: 'visits', people: 1, count: 0, required: 65, met: 0, pending: 0, below: 1 },
    ]);
  });

  it('gives twelve months per region, oldest first, ending with asOf’s month', () => {
    const trend = activityTrend(content, { asOf: at('2026-11-20T12:00:00+08:00') });
    expect(trend.map((m) => m.month)).toEqual(lastMonths('2026-11'));
    const east = regionTrend(trend, { id: 'east' }, 'visits');
    expect(east.at(-1)).toEqual({ month: '2026-11', count: 105, required: 130, people: 2 });
    expect(east.at(-2)).toEqual({ month: '2026-10', count: 66, required: 130, people: 2 });
    // November is not over at asOf: the rep short of the month's figure is pending, not below.
    expect(trend.at(-1)!.regions.find((r) => r.region === 'east')).toMatchObject({
      met: 1,
      pending: 1,
      below: 0,
    });
  });

  it('uses the policy given', () => {
    const policy = { ...DEFAULT_POLICY, quotas: { ...DEFAULT_POLICY.quotas, byRole: {} } };
    expect(activityRows(content, { month: '2026-11', asOf: LATER, policy })).toEqual([]);
  });
});
