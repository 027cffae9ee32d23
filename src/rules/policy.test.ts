import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy.ts';

describe('the default policy (R2–R8)', () => {
  it('requires one article and one qualifying regional or office meeting per region and month', () => {
    expect(DEFAULT_POLICY.articles.required).toBe(1);
    expect(DEFAULT_POLICY.meetings).toEqual({ required: 1, kinds: ['regional', 'office'] });
  });

  it('requires weekly, monthly, quarterly reports and the achievement table of sales managers, no daily ones', () => {
    expect(DEFAULT_POLICY.reports.roles).toEqual(['manager']);
    expect(Object.keys(DEFAULT_POLICY.reports.due).sort()).toEqual([
      'achievement',
      'monthly',
      'quarterly',
      'weekly',
    ]);
  });

  it('writes every time so that Temporal reads it', () => {
    const times = [
      DEFAULT_POLICY.calendar.monthly.time,
      DEFAULT_POLICY.calendar.quarterly.time,
      ...Object.values(DEFAULT_POLICY.reports.due).map((rule) => rule.time),
    ];
    for (const time of times) expect(() => Temporal.PlainTime.from(time)).not.toThrow();
  });
});
