/**
 * Meeting minutes: newest first, by month, by region, the figures an evening meeting records and the rows of a
 * morning meeting's record (晨会记录).
 */
import type { Meeting } from '../model/index.ts';
import { fieldLabel, rowFieldLabel } from '../model/labels.ts';
import { COMMUNICATION_MEETING_KINDS, MEETING_KINDS, labelOf } from '../model/options.ts';
import { formatNumber } from './format.ts';
import { groupByMonth, sortByTime, type Group } from './collate.ts';

/** What the helpers need of a meeting entry; `CollectionEntry<'meetings'>` is one. */
export interface MeetingLike {
  id: string;
  data: Pick<Meeting, 'start' | 'region'>;
}

const start = (m: MeetingLike) => m.data.start;

/** `市场区域会议` for `regional`. */
export function meetingKindLabel(kind: string): string {
  return labelOf(MEETING_KINDS, kind);
}

/** Whether a kind is a 销售沟通会 of R7, which must be applied for before and have its memo filed after. */
export function isCommunicationMeeting(kind: string): boolean {
  return COMMUNICATION_MEETING_KINDS.some((k) => k === kind);
}

/** Newest first by start time. */
export function newestMeetings<T extends MeetingLike>(meetings: readonly T[]): T[] {
  return sortByTime(meetings, start, 'desc');
}

/** The `count` most recent meetings, optionally of one region only. */
export function latestMeetings<T extends MeetingLike>(
  meetings: readonly T[],
  count: number,
  region?: string,
): T[] {
  const pool = region === undefined ? meetings : meetings.filter((m) => m.data.region === region);
  return newestMeetings(pool).slice(0, count);
}

/** Meetings by the Beijing month of their start, newest month and newest meeting first. */
export function meetingsByMonth<T extends MeetingLike>(meetings: readonly T[]): Group<T>[] {
  return groupByMonth(meetings, start, 'desc');
}

/** One figure an evening meeting records (R11). */
export interface MeetingFigure {
  label: string;
  value: string;
}

/** 电话量 and 意向客户数 when the minutes give them; empty otherwise. */
export function meetingFigures(meeting: Pick<Meeting, 'calls' | 'intents'>): MeetingFigure[] {
  const figures: MeetingFigure[] = [];
  if (meeting.calls !== undefined)
    figures.push({ label: fieldLabel('meetings', 'calls'), value: formatNumber(meeting.calls) });
  if (meeting.intents !== undefined)
    figures.push({ label: fieldLabel('meetings', 'intents'), value: formatNumber(meeting.intents) });
  return figures;
}

/** The heading of a morning meeting's per-person record, on its page and in the CMS preview. */
export const MORNING_RECORDS_HEADING = fieldLabel('meetings', 'records');

/** One person's line of a 晨会记录: their plan for the day and the host's comment on yesterday's work. */
export interface MorningRecordRow {
  person: string;
  name: string;
  plan: string;
  review: string;
}

/** The 晨会记录 rows as the page shows them: names for ids, a dash where the host made no comment. */
export function morningRecordRows(
  records: Meeting['records'],
  personName: (id: string) => string,
): MorningRecordRow[] {
  return (records ?? []).map((r) => ({
    person: r.person,
    name: personName(r.person),
    plan: r.plan,
    review: r.review ?? '—',
  }));
}

/** The column headings of the 晨会记录 table, from the model's labels. */
export const MORNING_RECORD_COLUMNS = [
  rowFieldLabel('meetings', 'records', 'person'),
  rowFieldLabel('meetings', 'records', 'plan'),
  rowFieldLabel('meetings', 'records', 'review'),
] as const;
