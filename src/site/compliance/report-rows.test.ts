import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { computeCompliance } from '../../rules/compliance.ts';
import { makeContent, report } from '../../../test/support/fixtures.ts';
import { needingAttention, newestDueFirst, reportRowViews } from './report-rows.ts';

describe('reportRowViews', () => {
  const content = makeContent({
    reports: [
      report('zhangwei', 'weekly', '2026-W40', '2026-10-05T13:00:00+08:00', 'late-one'),
      report('zhangwei', 'weekly', '2026-W40', '2026-10-06T09:00:00+08:00', 'later-one'),
      report('zhangwei', 'weekly', '2026-W41', '2026-10-11T09:00:00+08:00', 'on-time'),
    ],
  });
  const result = computeCompliance(content, {
    month: '2026-10',
    asOf: Temporal.Instant.from('2026-10-20T00:00:00+08:00'),
  });
  const views = reportRowViews(result.reports, content, { personName: (id) => `名${id}` });

  it('names the person, the kind and the period in Chinese and links the report that counted', () => {
    const w40 = views.find((v) => v.key === 'zhangwei-weekly-2026-W40')!;
    expect(w40).toMatchObject({
      personName: '名zhangwei',
      kind: '周报',
      period: '2026年第40周（9月28日–10月4日）',
      href: '/manage/reports/late-one/',
      status: 'late',
      view: { symbol: '!', label: '逾期', tone: 'late' },
    });
    expect(views.find((v) => v.key === 'lina-weekly-2026-W40')?.href).toBeUndefined();
  });

  it('puts missing reports first, then late ones, and leaves out the rest', () => {
    const statuses = needingAttention(views).map((v) => v.status);
    expect(statuses).toEqual([...statuses].sort((a, b) => (a === b ? 0 : a === 'missing' ? -1 : 1)));
    expect(new Set(statuses)).toEqual(new Set(['missing', 'late']));
    expect(needingAttention(views).filter((v) => v.status === 'late')).toHaveLength(1);
  });

  it('sorts a region’s rows by due time, latest first, then by person', () => {
    const rows = newestDueFirst(result.reports);
    expect(rows[0]).toMatchObject({ kind: 'monthly', period: '2026-10', person: 'lina' });
    expect(rows[1]).toMatchObject({ kind: 'monthly', person: 'zhangwei' });
    expect(rows.at(-1)).toMatchObject({ period: '2026-W40', person: 'zhangwei' });
  });
});
