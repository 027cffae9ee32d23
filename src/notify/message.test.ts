import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../deadlines/reminders.ts';
import { formLink } from './message.ts';

const reminder = (report: 'kpi' | 'worklog', period: string): Reminder => ({
  deadline: {
    kind: 'report',
    key: `report-xuning-${report}-${period}`,
    at: Temporal.ZonedDateTime.from('2026-11-25T23:59:59+08:00[Asia/Shanghai]'),
    title: '',
    month: '2026-11',
    person: 'xuning',
    report,
    period,
    status: 'pending',
  },
  stage: 'soon',
  key: `report-xuning-${report}-${period}@24h`,
  owner: 'xuning',
  region: 'east',
});

describe('formLink', () => {
  it('opens a new report with what it is for filled in', () => {
    expect(formLink('https://portal', reminder('kpi', '2026-11'))).toBe(
      'https://portal/admin/#/collections/reports/new?kind=kpi&period=2026-11&author=xuning&region=east',
    );
  });

  it('opens the work-log list for a week of the log: the month’s log is one entry that may exist', () => {
    expect(formLink('https://portal', reminder('worklog', '2026-W47'))).toBe(
      'https://portal/admin/#/collections/worklogs',
    );
  });
});
