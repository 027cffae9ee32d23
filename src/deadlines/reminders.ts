/**
 * What `npm run remind` chases at a given moment, from the same deadlines as the feeds (deadlines.ts):
 *
 * - due soon: a deadline not yet met that falls due within one of the policy's thresholds (24 h, 2 h): each
 *   threshold is one reminder, so a run every few minutes still sends each at most once;
 * - overdue: a report still missing after its deadline, chased once a Beijing day for the policy's days.
 *
 * A region's monthly minimum that was missed cannot be made up (articles count by their month), so only its
 * approach is chased. Each reminder names its owner: the report's author, or the region's manager.
 */
import type { Temporal } from 'temporal-polyfill';
import { addMonths, inShanghai, monthOf } from '../model/time.ts';
import type { ComplianceContent, CountingOptions } from '../rules/compliance.ts';
import { DEFAULT_POLICY } from '../rules/policy.ts';
import { deadlines, type Deadline } from './deadlines.ts';

export interface Reminder {
  deadline: Exclude<Deadline, { kind: 'standing' }>;
  stage: 'soon' | 'overdue';
  /** What this reminder is, for the record of what was sent: `report-…@24h`, `report-…@overdue-2026-11-30`. */
  key: string;
  /** The person who owes it. */
  owner: string;
  region: string;
}

/** The reminders due at `now`, in time order of their deadlines. */
export function dueReminders(
  content: ComplianceContent,
  now: Temporal.Instant,
  options: CountingOptions = {},
): Reminder[] {
  const policy = options.policy ?? DEFAULT_POLICY;
  const month = monthOf(now);
  const months = [addMonths(month, -1)!, month, addMonths(month, 1)!];
  const thresholds = [...policy.reminders.before].map((t) => t.hours).sort((a, b) => a - b);
  const today = inShanghai(now).toPlainDate().toString();
  const out: Reminder[] = [];
  for (const deadline of deadlines(content, months, now, options)) {
    if (deadline.kind === 'standing' || deadline.status === 'done') continue;
    const at = deadline.at.toInstant();
    const owner = deadline.kind === 'report' ? deadline.person : managerOf(content, deadline.region);
    const region = deadline.kind === 'report' ? regionOf(content, deadline.person) : deadline.region;
    if (!owner || !region) continue;
    if (deadline.status === 'pending') {
      const left = now.until(at).total({ unit: 'hours' });
      const threshold = thresholds.find((h) => left <= h);
      if (left > 0 && threshold !== undefined)
        out.push({ deadline, stage: 'soon', key: `${deadline.key}@${threshold}h`, owner, region });
      continue;
    }
    const late = at.until(now).total({ unit: 'days' });
    if (deadline.kind === 'report' && late <= policy.reminders.overdueFor.days)
      out.push({ deadline, stage: 'overdue', key: `${deadline.key}@overdue-${today}`, owner, region });
  }
  return out;
}

/**
 * Everything still owed at `asOf` among the deadlines of `months` (who owes what, for the managers' chase
 * lists): reports not filed, minimums not yet met. Stage `overdue` once the deadline has passed.
 */
export function outstanding(
  content: ComplianceContent,
  months: readonly string[],
  asOf: Temporal.Instant,
  options: CountingOptions = {},
): Reminder[] {
  return deadlines(content, months, asOf, options).flatMap((deadline): Reminder[] => {
    if (deadline.kind === 'standing' || deadline.status === 'done') return [];
    // A missed monthly minimum cannot be made up: it is the month page's 未达标, not a chase.
    if (deadline.kind !== 'report' && deadline.status === 'missing') return [];
    const owner = deadline.kind === 'report' ? deadline.person : managerOf(content, deadline.region);
    const region = deadline.kind === 'report' ? regionOf(content, deadline.person) : deadline.region;
    if (!owner || !region) return [];
    const stage = deadline.status === 'missing' ? 'overdue' : 'soon';
    return [{ deadline, stage, key: deadline.key, owner, region }];
  });
}

const managerOf = (content: ComplianceContent, region: string) =>
  content.regions.find((r) => r.id === region)?.manager;

const regionOf = (content: ComplianceContent, person: string) =>
  content.people.find((p) => p.id === person)?.region;

/** The reminders grouped by region id, regions in id order: one message each. */
export function byRegion(reminders: readonly Reminder[]): Map<string, Reminder[]> {
  const groups = new Map<string, Reminder[]>();
  for (const r of [...reminders].sort((a, b) => a.region.localeCompare(b.region)))
    groups.set(r.region, [...(groups.get(r.region) ?? []), r]);
  return groups;
}
