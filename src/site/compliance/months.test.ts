import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { article, makeContent, meeting, report } from '../../../test/support/fixtures.ts';
import { pageMonths, shortMonthLabels } from './months.ts';

describe('pageMonths', () => {
  const now = Temporal.Instant.from('2026-11-25T18:00:00+08:00');

  it('gives at least the last twelve months, ending with the Beijing month of now', () => {
    expect(pageMonths(makeContent(), now)).toEqual([
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
    // 16:00 UTC on 30 November is already December in Beijing.
    expect(pageMonths(makeContent(), Temporal.Instant.from('2026-11-30T16:00:00Z')).at(-1)).toBe('2026-12');
  });

  it('reaches back to the first month with any submission', () => {
    const content = makeContent({
      articles: [article('east', '2025-09-30T16:00:00Z')], // 1 October 2025 in Beijing
      meetings: [meeting('east', '2025-11-03T09:00:00+08:00')],
      reports: [report('zhangwei', 'weekly', '2026-W01', '2026-01-04T09:00:00+08:00')],
    });
    const months = pageMonths(content, now);
    expect(months[0]).toBe('2025-10');
    expect(months).toHaveLength(14);
    expect(
      pageMonths(
        makeContent({ reports: [report('zhangwei', 'weekly', '2025-W30', '2025-07-27T09:00:00+08:00')] }),
        now,
      )[0],
    ).toBe('2025-07');
  });
});

describe('shortMonthLabels', () => {
  it('names the year on the first month and on every January only', () => {
    expect(shortMonthLabels(['2025-11', '2025-12', '2026-01', '2026-02'])).toEqual([
      '2025年11月',
      '12月',
      '2026年1月',
      '2月',
    ]);
  });

  it('refuses a month that does not exist', () => {
    expect(() => shortMonthLabels(['2026-13'])).toThrow(/不是月份/);
  });
});
