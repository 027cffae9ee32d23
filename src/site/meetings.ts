/** Meeting minutes: newest first, by month, by region, and the figures an evening meeting records. */
import type { Meeting } from '../model/index.ts';
import { fieldLabel } from '../model/labels.ts';
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
