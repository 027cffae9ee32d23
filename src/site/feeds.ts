/**
 * Which deadlines each calendar feed holds (src/pages/calendar/): a person's own reports and the standing
 * meetings; a region's people's reports, its monthly minimums and the standing meetings; the department's
 * everything. Feeds span the month before the build to a year after it.
 */
import type { Temporal } from 'temporal-polyfill';
import { deadlines, monthsBetween, type Deadline } from '../deadlines/deadlines.ts';
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

export function regionFeed(all: readonly Deadline[], region: string, content: ComplianceContent): Deadline[] {
  const people = new Set(content.people.filter((p) => p.region === region).map((p) => p.id));
  return all.filter(
    (d) => d.kind === 'standing' || (d.kind === 'report' ? people.has(d.person) : d.region === region),
  );
}
