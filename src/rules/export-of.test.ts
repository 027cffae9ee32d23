/**
 * The `exportOf` option: a build computes each month's export once and hands it to the rules built on it
 * (时间存疑, 及时性, the deadlines behind the chase lists and the calendar feeds). They must then give exactly
 * what they give when they compute the export themselves, and must really take it rather than compute again.
 */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { article, makeContent, meeting, report } from '../../test/support/fixtures.ts';
import { deadlines } from '../deadlines/deadlines.ts';
import { outstanding } from '../deadlines/reminders.ts';
import { sightingKey } from './sightings.ts';
import { computeCompliance, suspectEntries, timeliness, type ComplianceExport } from './compliance.ts';

const at = (text: string) => Temporal.Instant.from(text);
const asOf = at('2026-11-25T12:00:00+08:00');
const content = makeContent({
  articles: [article('east', '2026-11-03T10:00:00+08:00')],
  meetings: [meeting('east', '2026-11-10T10:00:00+08:00')],
  reports: [
    report('zhangwei', 'kpi', '2026-11', '2026-11-20T09:00:00+08:00', 'kpi-1'),
    report('zhangwei', 'weekly', '2026-W45', '2026-11-09T11:00:00+08:00'),
  ],
});
const sightings = new Map([
  [sightingKey('reports', 'kpi-1'), { firstSeen: at('2026-11-27T09:00:00+08:00'), baseline: false }],
]);
const months = ['2026-10', '2026-11', '2026-12'];

/** Each month's export computed once, counting how often each month was asked for. */
function given() {
  const asked = new Map<string, number>();
  const results = new Map<string, ComplianceExport>(
    months.map((month) => [month, computeCompliance(content, { month, asOf, sightings })]),
  );
  const exportOf = (month: string) => {
    asked.set(month, (asked.get(month) ?? 0) + 1);
    return results.get(month)!;
  };
  return { exportOf, asked };
}

describe('rules given the month’s export', () => {
  it('list the same 时间存疑 entries, timeliness counts, deadlines and outstanding items', () => {
    const { exportOf, asked } = given();
    for (const month of months) {
      expect(suspectEntries(content, { month, asOf, sightings, exportOf })).toEqual(
        suspectEntries(content, { month, asOf, sightings }),
      );
      expect(timeliness(content, month, asOf, { sightings, exportOf })).toEqual(
        timeliness(content, month, asOf, { sightings }),
      );
    }
    expect(deadlines(content, months, asOf, { sightings, exportOf })).toEqual(
      deadlines(content, months, asOf, { sightings }),
    );
    expect(outstanding(content, ['2026-11'], asOf, { sightings, exportOf })).toEqual(
      outstanding(content, ['2026-11'], asOf, { sightings }),
    );
    // Taken, not computed again: each rule asked for each month it covers.
    expect(Object.fromEntries(asked)).toEqual({ '2026-10': 3, '2026-11': 4, '2026-12': 3 });
  });

  it('show what they were given (a stale export would show through, so a build must give the right one)', () => {
    const other = computeCompliance(content, { month: '2026-11', asOf: at('2026-11-01T00:00:00+08:00') });
    const fromGiven = timeliness(content, '2026-11', asOf, { exportOf: () => other });
    expect(fromGiven).not.toEqual(timeliness(content, '2026-11', asOf));
  });
});
