/**
 * Calendar feeds (iCalendar, RFC 5545) of the deadlines, written with ical-generator: a person's, a region's
 * and the department's. Every event has a UID made from what it is (`report-zhangwei-weekly-2026-W48@…`), so
 * a calendar that subscribes replaces an event when a date moves (calendar.yaml) instead of adding a second
 * one. Times are Asia/Shanghai with its VTIMEZONE; alarms a day and an hour before. Feeds carry deadlines and
 * meetings only: no figures, no statuses.
 */
import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { Temporal } from 'temporal-polyfill';
import { articles, meetings, reports } from '../model/collections/index.ts';
import { TIME_ZONE } from '../model/time.ts';
import type { Deadline } from './deadlines.ts';

/** Asia/Shanghai has kept +08:00 all year since 1991: one STANDARD block describes it. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** How long an event lasts in a calendar: a standing meeting an hour, a deadline a quarter of an hour. */
const LENGTH: Record<Deadline['kind'], { minutes: number }> = {
  standing: { minutes: 60 },
  report: { minutes: 15 },
  articles: { minutes: 15 },
  meetings: { minutes: 15 },
};

export interface FeedOptions {
  /** The calendar's name as subscribers see it: `销售部门户 · 张伟的截止时间`. */
  name: string;
  deadlines: readonly Deadline[];
  /** The portal's address, for links back and for the UIDs' domain. */
  site: string;
  /** Person id → name, to say whose deadline an event is in region and department feeds. */
  names?: ReadonlyMap<string, string>;
}

function summary(d: Deadline, names: ReadonlyMap<string, string> | undefined): string {
  if (d.kind === 'standing') return d.title;
  const whose = d.kind === 'report' && names ? `（${names.get(d.person) ?? d.person}）` : '';
  return `截止：${d.title}${whose}`;
}

function description(d: Deadline, site: string): string {
  if (d.kind === 'standing') return `部门${d.title}。改期以门户的会议日历为准。`;
  const collection = d.kind === 'report' ? reports : d.kind === 'articles' ? articles : meetings;
  return `按部门规则，${d.title}须在此前提交。投稿：${site}/admin/#/collections/${collection.name}（${collection.label}）`;
}

/**
 * What calendarFeed reads of each deadline, for the feed's cache key: a status (done, missing) changes
 * nothing in a feed, so filing a report does not render every feed that lists it again.
 */
export function feedEventParts(deadlines: readonly Deadline[]): unknown[] {
  return deadlines.map((d) => [
    d.kind,
    d.key,
    d.at.toString(),
    d.title,
    d.kind === 'report' ? [d.person, d.report] : null,
  ]);
}

/** The feed as text. */
export function calendarFeed({ name, deadlines, site, names }: FeedOptions): string {
  const domain = new URL(site).hostname;
  const calendar = ical({
    name,
    prodId: { company: '销售部门户', product: 'deadlines', language: 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: each event names Asia/Shanghai (and gets its VTIMEZONE), and DTSTAMP stays in
    // UTC as RFC 5545 requires, whatever the build machine's own zone.
    timezone: { name: null, generator: (zone) => (zone === TIME_ZONE ? VTIMEZONE : null) },
  });
  for (const d of deadlines) {
    const start = d.kind === 'standing' ? d.at : d.at.subtract(LENGTH[d.kind]);
    const end: Temporal.ZonedDateTime = d.kind === 'standing' ? d.at.add(LENGTH.standing) : d.at;
    const event = calendar.createEvent({
      id: `${d.key}@${domain}`,
      start,
      end,
      timezone: TIME_ZONE,
      // Reproducible builds: the stamp is the event's own time (in UTC, as RFC 5545 wants), not the build's.
      stamp: new Date(d.at.epochMilliseconds),
      summary: summary(d, names),
      description: description(d, site),
    });
    // A day and an hour before the deadline itself (the event's end), or before a meeting starts.
    const relatesTo = d.kind === 'standing' ? ICalAlarmRelatesTo.start : ICalAlarmRelatesTo.end;
    for (const seconds of [86_400, 3_600])
      event
        .createAlarm({ type: ICalAlarmType.display, trigger: seconds, description: summary(d, names) })
        .relatesTo(relatesTo);
  }
  return calendar.toString();
}
