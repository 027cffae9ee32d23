/**
 * The managers' chase list (催交): per region, who still owes what of a month and since when, the message
 * `npm run remind` would send for it (to copy into the group by hand), and what the reminder runs sent.
 */
import type { Temporal } from 'temporal-polyfill';
import { outstanding, type Reminder } from '../../deadlines/reminders.ts';
import { reminderMessage, shortTime } from '../../notify/message.ts';
import { CHANNEL_LABELS } from '../../notify/robots.ts';
import type { SentRecord } from '../../notify/record.ts';
import type { ComplianceContent, CountingOptions } from '../../rules/compliance.ts';

export interface ChaseItem {
  owner: string;
  title: string;
  /** `11月30日 12:00`. */
  due: string;
  overdue: boolean;
}

export interface RegionChase {
  region: string;
  name: string;
  items: ChaseItem[];
  /** The 催交 message, ready to paste into the region's group. */
  message: string;
}

export interface ChaseHistory {
  at: string;
  channel: string;
  region: string;
  owners: string;
  count: number;
  text: string;
}

/** The chase list of `month` at `asOf`, for every region or only `region`. */
export function chaseList(
  content: ComplianceContent,
  month: string,
  asOf: Temporal.Instant,
  options: CountingOptions & { region?: string; site: string },
): RegionChase[] {
  return chaseGroups(outstanding(content, [month], asOf, options), content, asOf, options);
}

/** The chase list made from what is still owed (`outstanding`), for every region or only `region`. */
export function chaseGroups(
  all: readonly Reminder[],
  content: ComplianceContent,
  asOf: Temporal.Instant,
  options: { region?: string; site: string },
): RegionChase[] {
  const owed = all.filter((r) => !options.region || r.region === options.region);
  const name = (id: string) => content.people.find((p) => p.id === id)?.name ?? id;
  const groups = new Map<string, Reminder[]>();
  for (const r of owed) groups.set(r.region, [...(groups.get(r.region) ?? []), r]);
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, reminders]) => {
      const regionName = content.regions.find((r) => r.id === region)?.name ?? region;
      const message = reminderMessage({
        regionName,
        reminders,
        people: content.people,
        now: asOf,
        site: options.site,
      });
      return {
        region,
        name: regionName,
        items: reminders.map((r) => ({
          owner: name(r.owner),
          title: r.deadline.title,
          due: shortTime(r.deadline.at),
          overdue: r.stage === 'overdue',
        })),
        message: [...message.lines, '', message.mentions.map((m) => `@${m.name}`).join(' ')].join('\n'),
      };
    });
}

/** What the reminder runs sent about `month` (and `region`), newest first. */
export function chaseHistory(
  records: readonly SentRecord[],
  content: ComplianceContent,
  month: string,
  region?: string,
): ChaseHistory[] {
  const name = (id: string) => content.people.find((p) => p.id === id)?.name ?? id;
  return records
    .filter((r) => (!region || r.region === region) && r.at.startsWith(month))
    .map((r) => ({
      at: r.at,
      channel: CHANNEL_LABELS[r.channel],
      region: content.regions.find((x) => x.id === r.region)?.name ?? r.region,
      owners: r.owners.map(name).join('、'),
      count: r.keys.length,
      text: r.text,
    }))
    .reverse();
}
