/**
 * One region's 催交 message, as plain data that every chat platform can render: a title, Markdown-ish lines
 * (bold headings, list items with a link to the CMS form pre-set for the item), and whom to @-mention.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Person } from '../model/index.ts';
import { inShanghai } from '../model/time.ts';
import type { Reminder } from '../deadlines/reminders.ts';

export interface Mention {
  name: string;
  mobile?: string;
  userId?: string;
}

export interface Message {
  title: string;
  /** Lines of text; `**…**` marks a heading, `[text](url)` a link. Each platform renders them its own way. */
  lines: string[];
  mentions: Mention[];
}

/** `11月30日 12:00`. */
export const shortTime = (at: Temporal.ZonedDateTime) =>
  `${at.month}月${at.day}日 ${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;

/** The CMS form for a new entry of this item, with what is known filled in (Decap reads the query). */
export function formLink(site: string, reminder: Reminder): string {
  const d = reminder.deadline;
  const params = new URLSearchParams();
  let collection: string;
  if (d.kind === 'report' && d.report === 'worklog') {
    // A month's log is one entry that may exist already: the list has it, or its 新建 button.
    return `${site}/admin/#/collections/worklogs`;
  }
  if (d.kind === 'report') {
    collection = 'reports';
    params.set('kind', d.report);
    params.set('period', d.period);
    params.set('author', d.person);
    params.set('region', reminder.region);
  } else {
    collection = d.kind;
    params.set('region', d.region);
    if (d.kind === 'meetings') params.set('kind', 'regional');
  }
  return `${site}/admin/#/collections/${collection}/new?${params.toString()}`;
}

/** How far off a deadline is, in words: `还有 2 小时`, `已逾期 3 天`. */
function distance(reminder: Reminder, now: Temporal.Instant): string {
  const at = reminder.deadline.at.toInstant();
  if (reminder.stage === 'soon') {
    const hours = Math.max(1, Math.ceil(now.until(at).total({ unit: 'hours' })));
    return `还有 ${hours} 小时`;
  }
  const days = Math.floor(at.until(now).total({ unit: 'days' }));
  return days < 1 ? '刚刚逾期' : `已逾期 ${days} 天`;
}

export function reminderMessage(options: {
  regionName: string;
  reminders: readonly Reminder[];
  people: readonly Person[];
  now: Temporal.Instant;
  site: string;
}): Message {
  const { regionName, reminders, people, now, site } = options;
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const item = (r: Reminder) =>
    `- ${name(r.owner)}：${r.deadline.title}，${shortTime(r.deadline.at)} 截止（${distance(r, now)}）[去填写](${formLink(site, r)})`;
  const soon = reminders.filter((r) => r.stage === 'soon');
  const overdue = reminders.filter((r) => r.stage === 'overdue');
  const lines = [`**${regionName}催交提醒**`, `截至 ${shortTime(inShanghai(now))}（北京时间）`];
  if (soon.length > 0) lines.push('', '**即将截止**', ...soon.map(item));
  if (overdue.length > 0) lines.push('', '**已逾期**', ...overdue.map(item));
  const owners = [...new Set(reminders.map((r) => r.owner))];
  const mentions = owners.map((id): Mention => {
    const person = people.find((p) => p.id === id);
    return {
      name: name(id),
      ...(person?.mobile ? { mobile: person.mobile } : {}),
      ...(person?.imUserId ? { userId: person.imUserId } : {}),
    };
  });
  return { title: `${regionName}催交提醒`, lines, mentions };
}
