/** Per-person submission counts of one month, for the page a manager opens at the monthly meeting. */
import type { Person } from '../../model/index.ts';
import { ROLE_ORDER } from '../../model/options.ts';
import { beijingMonth, periodSpan } from '../../model/time.ts';
import { type ComplianceContent } from '../../rules/compliance.ts';
import {
  activeDuring,
  articleMonth,
  compareCodePoints,
  isCountedMeeting,
  meetingMonth,
} from '../../rules/counting.ts';
import { DEFAULT_POLICY, type Policy } from '../../rules/policy.ts';

export interface PersonMonth {
  person: Person;
  /** 内刊投稿 written, by submitted time. */
  articles: number;
  /** 销售沟通会 organised, by start time. */
  meetings: number;
  /** Work reports of any kind submitted in the month. */
  reports: number;
}

/**
 * Everyone on the roster for some day of the month, and anyone else with a submission in it, by region id
 * (the export's order; people without a region last), then role as the model lists them, then id.
 */
export function peopleOfMonth(
  content: ComplianceContent,
  month: string,
  policy: Policy = DEFAULT_POLICY,
): PersonMonth[] {
  const span = periodSpan('month', month);
  if (!span) throw new RangeError(`不是月份：${month}`);
  const tally = (ids: string[]) => {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  };
  const articles = tally(
    content.articles.filter((a) => articleMonth(a.data) === month).map((a) => a.data.author),
  );
  const meetings = tally(
    content.meetings
      .filter((m) => isCountedMeeting(m.data, policy) && meetingMonth(m.data) === month)
      .map((m) => m.data.organizer),
  );
  const reports = tally(
    content.reports.filter((r) => beijingMonth(r.data.submitted) === month).map((r) => r.data.author),
  );
  return content.people
    .map((person) => ({
      person,
      articles: articles.get(person.id) ?? 0,
      meetings: meetings.get(person.id) ?? 0,
      reports: reports.get(person.id) ?? 0,
    }))
    .filter((p) => activeDuring(p.person, span) || p.articles + p.meetings + p.reports > 0)
    .sort(
      (a, b) =>
        Number(a.person.region === undefined) - Number(b.person.region === undefined) ||
        compareCodePoints(a.person.region ?? '', b.person.region ?? '') ||
        ROLE_ORDER.indexOf(a.person.role) - ROLE_ORDER.indexOf(b.person.role) ||
        compareCodePoints(a.person.id, b.person.id),
    );
}
