import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { ComplianceContent } from '../rules/compliance.ts';
import { deadlines } from './deadlines.ts';
import { byRegion, dueReminders } from './reminders.ts';

const content = (reports: ComplianceContent['reports'] = []): ComplianceContent => ({
  regions: [{ id: 'east', name: '华东区', manager: 'luoxinhua' }],
  people: [
    { id: 'luoxinhua', name: '罗新华', role: 'manager', region: 'east', joined: '2020-01-01' },
    { id: 'xuning', name: '徐宁', role: 'rep', region: 'east', joined: '2020-01-01' },
  ],
  calendar: { meetings: [] },
  articles: [],
  meetings: [],
  reports,
});
const at = (iso: string) => Temporal.Instant.from(iso);
const keys = (iso: string, c = content()) => dueReminders(c, at(iso)).map((r) => r.key);

describe('deadlines', () => {
  it('lists the month’s reports, materials, work-log weeks, minimums and standing meetings in Beijing time', () => {
    const list = deadlines(content(), ['2026-11'], at('2026-11-01T00:00:00+08:00'));
    const shown = list.map((d) => `${d.at.toString().slice(0, 19)} ${d.key}`);
    expect(shown).toEqual([
      '2026-11-02T12:00:00 report-luoxinhua-weekly-2026-W44',
      '2026-11-07T18:00:00 report-luoxinhua-worklog-2026-W45',
      '2026-11-07T18:00:00 report-xuning-worklog-2026-W45',
      '2026-11-09T12:00:00 report-luoxinhua-weekly-2026-W45',
      '2026-11-14T18:00:00 report-luoxinhua-worklog-2026-W46',
      '2026-11-14T18:00:00 report-xuning-worklog-2026-W46',
      '2026-11-16T12:00:00 report-luoxinhua-weekly-2026-W46',
      '2026-11-21T18:00:00 report-luoxinhua-worklog-2026-W47',
      '2026-11-21T18:00:00 report-xuning-worklog-2026-W47',
      '2026-11-23T12:00:00 report-luoxinhua-weekly-2026-W47',
      // The funding plan for December is due on November 23rd; the 25th-of-month materials of November.
      '2026-11-23T23:59:59 report-luoxinhua-funding-2026-12',
      '2026-11-25T23:59:59 report-luoxinhua-kpi-2026-11',
      '2026-11-25T23:59:59 report-luoxinhua-monthly-2026-11',
      '2026-11-25T23:59:59 report-luoxinhua-summary-2026-11',
      '2026-11-25T23:59:59 report-xuning-kpi-2026-11',
      '2026-11-25T23:59:59 report-xuning-summary-2026-11',
      '2026-11-27T13:30:00 standing-monthly-2026-11',
      '2026-11-28T18:00:00 report-luoxinhua-worklog-2026-W48',
      '2026-11-28T18:00:00 report-xuning-worklog-2026-W48',
      '2026-11-30T12:00:00 report-luoxinhua-weekly-2026-W48',
      '2026-11-30T23:59:59 articles-east-2026-11',
      '2026-11-30T23:59:59 meetings-east-2026-11',
    ]);
    expect(list.find((d) => d.key === 'report-xuning-worklog-2026-W47')!.title).toBe('工作日志 2026-W47');
    expect(list.find((d) => d.key === 'report-xuning-kpi-2026-11')!.title).toBe('KPI考核表 2026-11');
    expect(list.map((d) => d.title)).toContain('华东区 11月内刊投稿');
    expect(list.every((d) => d.at.timeZoneId === 'Asia/Shanghai')).toBe(true);
  });

  it('follows a calendar override and has week 53 where the year has one', () => {
    const moved = content();
    moved.calendar = {
      meetings: [{ kind: 'monthly', period: '2026-11', start: '2026-11-20T09:00:00+08:00' }],
    };
    const list = deadlines(moved, ['2026-11'], at('2026-11-01T00:00:00+08:00'));
    expect(list.find((d) => d.key === 'standing-monthly-2026-11')!.at.toString()).toMatch(
      /^2026-11-20T09:00/,
    );
    expect(list.find((d) => d.key === 'report-luoxinhua-monthly-2026-11')!.at.toString()).toMatch(
      /^2026-11-18T23:59:59/,
    );
    const january = deadlines(content(), ['2027-01'], at('2027-01-01T00:00:00+08:00')).map((d) => d.key);
    expect(january).toContain('report-luoxinhua-weekly-2026-W53');
  });
});

describe('dueReminders', () => {
  const W48 = 'report-luoxinhua-weekly-2026-W48';
  it('chases a deadline from exactly 24 hours before it, and again from 2 hours before', () => {
    expect(keys('2026-11-29T11:59:59.999999999+08:00')).not.toContain(`${W48}@24h`);
    expect(keys('2026-11-29T12:00:00+08:00')).toContain(`${W48}@24h`);
    expect(keys('2026-11-30T09:59:59+08:00')).toContain(`${W48}@24h`);
    expect(keys('2026-11-30T10:00:00+08:00')).toContain(`${W48}@2h`);
    expect(keys('2026-11-30T11:59:59.999999999+08:00')).toContain(`${W48}@2h`);
  });

  it('chases a missing report once a day for 14 days after its deadline, never one that was filed', () => {
    expect(keys('2026-11-30T12:00:00+08:00')).toContain(`${W48}@overdue-2026-11-30`);
    expect(keys('2026-12-14T12:00:00+08:00')).toContain(`${W48}@overdue-2026-12-14`);
    expect(keys('2026-12-14T12:00:00.000000001+08:00')).not.toContain(`${W48}@overdue-2026-12-14`);
    const filed = content([
      {
        id: 'w48',
        data: {
          kind: 'weekly',
          author: 'luoxinhua',
          region: 'east',
          period: '2026-W48',
          submitted: '2026-11-29T20:00:00+08:00',
        },
      },
    ]);
    expect(keys('2026-11-30T10:00:00+08:00', filed).filter((k) => k.startsWith(W48))).toEqual([]);
  });

  it('chases a region’s monthly minimum from its manager before the month ends, not after', () => {
    const reminders = dueReminders(content(), at('2026-11-30T00:00:00+08:00'));
    const articles = reminders.find((r) => r.key === 'articles-east-2026-11@24h')!;
    expect(articles).toMatchObject({ owner: 'luoxinhua', region: 'east', stage: 'soon' });
    expect(keys('2026-12-01T00:00:00+08:00').filter((k) => k.startsWith('articles-'))).toEqual([]);
    expect([...byRegion(reminders).keys()]).toEqual(['east']);
  });

  it('reads the same instant the same way whatever the machine’s zone (run under three)', () => {
    expect(keys('2026-11-30T02:00:00Z')).toEqual(keys('2026-11-30T10:00:00+08:00'));
    expect(keys('2026-11-30T02:00:00Z')).toContain(`${W48}@2h`);
  });
});
