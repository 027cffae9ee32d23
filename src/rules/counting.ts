/**
 * What counts under the rules, entry by entry: the Beijing month an article or a meeting counts for, whether
 * a meeting qualifies as a 销售沟通会 (R7), whether a person is on the roster during a period. The compliance
 * export and the pages that list entries use these same predicates, so a listed entry is a counted one.
 */
import { Temporal } from 'temporal-polyfill';
import type { Article, Meeting, Person } from '../model/index.ts';
import { beijingMonth, instantOf, parseDate, type Span } from '../model/time.ts';
import { DEFAULT_POLICY, type Policy } from './policy.ts';

/** Code-point order: the same on every machine, unlike localeCompare. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Beijing month an article counts for (R6): the month of its submitted time. */
export function articleMonth(article: Pick<Article, 'submitted'>): string {
  return beijingMonth(article.submitted);
}

/** The Beijing month a meeting counts for (R7): the month it started in. */
export function meetingMonth(meeting: Pick<Meeting, 'start'>): string {
  return beijingMonth(meeting.start);
}

/** Why a meeting does not qualify under R7 (会前申请, 会后备忘备案). */
export type MeetingShortfall = 'not-applied' | 'applied-late' | 'not-filed' | 'filed-early';

/** What a meeting lacks to qualify: empty when it was applied for before its start and filed at or after it. */
export function meetingShortfalls(meeting: Pick<Meeting, 'start' | 'applied' | 'filed'>): MeetingShortfall[] {
  const start = instantOf(meeting.start);
  const shortfalls: MeetingShortfall[] = [];
  if (meeting.applied === undefined) shortfalls.push('not-applied');
  else if (Temporal.Instant.compare(instantOf(meeting.applied), start) >= 0) shortfalls.push('applied-late');
  if (meeting.filed === undefined) shortfalls.push('not-filed');
  else if (Temporal.Instant.compare(instantOf(meeting.filed), start) < 0) shortfalls.push('filed-early');
  return shortfalls;
}

/** R7: applied for strictly before the start, and the memo filed, not before the start. */
export function meetingQualifies(meeting: Pick<Meeting, 'start' | 'applied' | 'filed'>): boolean {
  return meetingShortfalls(meeting).length === 0;
}

/** Whether a meeting is one of the 销售沟通会 the policy counts. */
export function isCountedMeeting(meeting: Pick<Meeting, 'kind'>, policy: Policy = DEFAULT_POLICY): boolean {
  return policy.meetings.kinds.includes(meeting.kind);
}

/** Whether a person is on the roster on at least one Beijing day of a span (joined and left both inclusive). */
export function activeDuring(person: Pick<Person, 'joined' | 'left'>, span: Span): boolean {
  const first = span.start.toPlainDate();
  const last = span.end.toPlainDate().subtract({ days: 1 });
  const joined = parseDate(person.joined);
  const left = person.left === undefined ? undefined : parseDate(person.left);
  if (!joined || Temporal.PlainDate.compare(joined, last) > 0) return false;
  return !left || Temporal.PlainDate.compare(left, first) >= 0;
}
