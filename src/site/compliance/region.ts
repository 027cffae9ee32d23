/** One region's submissions month by month, for its compliance page. */
import type { Article, Meeting } from '../../model/index.ts';
import {
  articleMonth,
  isCountedMeeting,
  meetingMonth,
  meetingShortfalls,
  type MeetingShortfall,
} from '../../rules/counting.ts';
import { DEFAULT_POLICY, type Policy } from '../../rules/policy.ts';
import { countedTime, judgedMeeting, sightingKey, type Sightings } from '../../rules/sightings.ts';
import { monthOf } from '../../model/time.ts';
import { sortByTime } from '../collate.ts';

export interface RegionMonthEntries<A, M> {
  month: string;
  /** The region's articles of the month, in submitted order. */
  articles: A[];
  /** Its 销售沟通会 of the month, in start order, each with what it lacks to qualify. */
  meetings: { entry: M; shortfalls: MeetingShortfall[] }[];
}

/**
 * For each of `months` (newest first), what the region submitted, counted exactly as the rules count it:
 * with `sightings`, a 时间存疑 article in the month of its first sighting, a meeting judged by when its
 * application was first seen.
 */
export function regionEntriesByMonth<
  A extends { id: string; data: Article },
  M extends { id: string; data: Meeting },
>(
  region: string,
  months: readonly string[],
  articles: readonly A[],
  meetings: readonly M[],
  policy: Policy = DEFAULT_POLICY,
  sightings?: Sightings,
): RegionMonthEntries<A, M>[] {
  const own = articles.filter((a) => a.data.region === region);
  const counted = meetings.filter((m) => m.data.region === region && isCountedMeeting(m.data, policy));
  const monthOfArticle = (a: A) => {
    const sighting = sightings?.get(sightingKey('articles', a.id));
    return sighting ? monthOf(countedTime(a.data.submitted, sighting, policy).at) : articleMonth(a.data);
  };
  return [...months].reverse().map((month) => ({
    month,
    articles: sortByTime(
      own.filter((a) => monthOfArticle(a) === month),
      (a) => a.data.submitted,
    ),
    meetings: sortByTime(
      counted.filter((m) => meetingMonth(m.data) === month),
      (m) => m.data.start,
    ).map((entry) => ({
      entry,
      shortfalls: meetingShortfalls(
        judgedMeeting(entry.data, sightings?.get(sightingKey('meetings', entry.id)), policy),
      ),
    })),
  }));
}
