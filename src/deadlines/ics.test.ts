/**
 * The feeds parsed back with an independent parser (ical.js) and compared with the rules engine over a whole
 * year: every deadline there, at its time in Asia/Shanghai, once, with two alarms; an override moves an event
 * and keeps its UID; ISO week 53 is in.
 */
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { ComplianceContent } from '../rules/compliance.ts';
import { deadlines, monthsBetween } from './deadlines.ts';
import { calendarFeed } from './ics.ts';

const content = (meetings: ComplianceContent['calendar']['meetings'] = []): ComplianceContent => ({
  regions: [{ id: 'east', name: '华东区', manager: 'luoxinhua' }],
  people: [{ id: 'luoxinhua', name: '罗新华', role: 'manager', region: 'east', joined: '2020-01-01' }],
  calendar: { meetings },
  articles: [],
  meetings: [],
  reports: [],
});
const YEAR = monthsBetween('2026-07', '2027-06');
const asOf = Temporal.Instant.from('2026-07-01T00:00:00+08:00');

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone')!;
  ICAL.TimezoneService.register(zone);
  return {
    zone,
    events: calendar.getAllSubcomponents('vevent').map((v) => {
      const event = new ICAL.Event(v);
      return {
        uid: event.uid,
        summary: event.summary,
        end: event.endDate,
        start: event.startDate,
        alarms: v.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
      };
    }),
  };
}

const instant = (time: ICAL.Time) => Temporal.Instant.fromEpochMilliseconds(time.toJSDate().getTime());

describe('calendarFeed', () => {
  it('holds every deadline of the year once, at its Beijing time, with alarms a day and an hour before', () => {
    const list = deadlines(content(), YEAR, asOf);
    const { zone, events } = parse(
      calendarFeed({ name: '罗新华', deadlines: list, site: 'https://portal.intranet' }),
    );
    expect(zone.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    expect(events).toHaveLength(list.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(list.length);
    for (const d of list) {
      const event = events.find((e) => e.uid === `${d.key}@portal.intranet`)!;
      expect(event, d.key).toBeDefined();
      // A deadline ends at its due time; a standing meeting starts at its time.
      const at = d.kind === 'standing' ? event.start : event.end;
      expect(at.zone.tzid).toBe('Asia/Shanghai');
      expect(instant(at).equals(d.at.toInstant()), d.key).toBe(true);
      expect(event.alarms.sort()).toEqual(['-P1D', '-PT1H']);
    }
    const weekly = list.filter((d) => d.kind === 'report' && d.report === 'weekly');
    expect(weekly).toHaveLength(52);
    expect(events.map((e) => e.summary)).toContain('截止：周报 2026-W53');
  });

  it('moves an overridden meeting and its deadlines, keeping their UIDs', () => {
    const site = 'https://portal.intranet';
    const before = parse(
      calendarFeed({ name: 'x', deadlines: deadlines(content(), YEAR, asOf), site }),
    ).events;
    const moved = content([{ kind: 'monthly', period: '2026-11', start: '2026-11-20T09:00:00+08:00' }]);
    const after = parse(calendarFeed({ name: 'x', deadlines: deadlines(moved, YEAR, asOf), site })).events;
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    const meeting = after.find((e) => e.uid === 'standing-monthly-2026-11@portal.intranet')!;
    expect(meeting.start.toString()).toBe('2026-11-20T09:00:00');
    const report = after.find((e) => e.uid === 'report-luoxinhua-monthly-2026-11@portal.intranet')!;
    expect(report.end.toString()).toBe('2026-11-18T23:59:59');
  });

  it('names whose deadline it is in shared feeds, and carries no figures', () => {
    const list = deadlines(content(), ['2026-11'], asOf);
    const text = calendarFeed({
      name: '华东区',
      deadlines: list,
      site: 'https://portal.intranet',
      names: new Map([['luoxinhua', '罗新华']]),
    });
    expect(text).toContain('SUMMARY:截止：周报 2026-W48（罗新华）');
    // DTSTAMP in UTC (RFC 5545), whatever zone the machine runs in.
    expect(text.match(/^DTSTAMP:.*$/gm)!.every((line) => /^DTSTAMP:\d{8}T\d{6}Z\r?$/.test(line))).toBe(true);
    expect(text).not.toMatch(/target|actual|回款|纯销/);
  });
});
