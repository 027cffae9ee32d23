/**
 * Which deadlines each calendar feed holds (src/pages/calendar/): a person's own reports, materials and
 * work-log weeks and the standing meetings; a region's people's reports (R2–R5), its monthly minimums and the
 * standing meetings; the department's reports, minimums and meetings. Feeds span the month before the build to
 * a year after it.
 *
 * The materials and the weekly work logs stay in the personal feeds (and the reminders): every rep owes them,
 * so a region's or the department's calendar would hold thousands of events nobody there acts on.
 */
import type { Temporal } from 'temporal-polyfill';
import { deadlines, monthsBetween, type Deadline } from '../deadlines/deadlines.ts';
import { CONTRACT_REPORT_KINDS } from '../model/options.ts';
import { addMonths, monthOf } from '../model/time.ts';
import type { ComplianceContent, CountingOptions } from '../rules/compliance.ts';

/** Every deadline of the feeds' span. */
export function feedDeadlines(
  content: ComplianceContent,
  asOf: Temporal.Instant,
  options: CountingOptions = {},
): Deadline[] {
  const month = monthOf(asOf);
  return deadlines(content, monthsBetween(addMonths(month, -1)!, addMonths(month, 12)!), asOf, options);
}

export function personFeed(all: readonly Deadline[], person: string): Deadline[] {
  return all.filter((d) => d.kind === 'standing' || (d.kind === 'report' && d.person === person));
}

/** Whether a deadline belongs in the shared feeds: anything but a person's materials and work-log weeks. */
const shared = (d: Deadline) => d.kind !== 'report' || CONTRACT_REPORT_KINDS.some((k) => k === d.report);

export function regionFeed(all: readonly Deadline[], region: string, content: ComplianceContent): Deadline[] {
  const people = new Set(content.people.filter((p) => p.region === region).map((p) => p.id));
  return all.filter(
    (d) =>
      shared(d) &&
      (d.kind === 'standing' || (d.kind === 'report' ? people.has(d.person) : d.region === region)),
  );
}

export function departmentFeed(all: readonly Deadline[]): Deadline[] {
  return all.filter(shared);
}
