/**
 * What the rules R2–R8 make of the content for one Beijing month: the "Compliance export" of the content
 * contract, field for field. The CLI prints it, the /manage/compliance/ pages show it, the downloads are it.
 *
 * "Now" is an input (`asOf`) and only tells `pending` from `missing`: everything in the content counts,
 * whatever its times, so a rebuild with the same content and the same asOf gives the same result.
 *
 * First sightings (src/rules/sightings.ts) are an input too: an entry whose claimed time is doubtful counts
 * by its first sighting on main, and the rows that counted one say so.
 */
import { Temporal } from 'temporal-polyfill';
import type { Article, CalendarOverride, Meeting, Person, Region, Report, Worklog } from '../model/index.ts';
import { CONTRACT_REPORT_KINDS, type MeetingKind, type ReportKind, type Role } from '../model/options.ts';
import { formatDateTimeExact, monthOf, periodSpan } from '../model/time.ts';
import { activityRows, type ActivityRow } from './activity.ts';
import { periodFormatOf, periodsDueIn } from './calendar.ts';
import {
  activeDuring,
  articleMonth,
  compareCodePoints,
  isCountedMeeting,
  meetingMonth,
  meetingQualifies,
} from './counting.ts';
import { DEFAULT_POLICY, type MaterialKind, type Policy } from './policy.ts';
import { countedTime, judgedMeeting, sightingKey, type Sightings } from './sightings.ts';
import { worklogWeeks } from './worklog-weeks.ts';
import type { WorkdaySource } from './workdays.ts';

export type RegionStatus = 'met' | 'pending' | 'missing';
export type ReportStatus = 'on_time' | 'late' | 'pending' | 'missing';

export interface ArticleCount {
  count: number;
  required: number;
  status: RegionStatus;
  /** How many of the counted articles are 时间存疑; present only when some are. */
  suspect?: number;
}

export interface MeetingCount {
  /** Meetings of the counted kinds that started in the month. */
  count: number;
  /** Of those, the ones applied for before the start and whose memo was filed at or after it. */
  qualifying: number;
  required: number;
  status: RegionStatus;
  /** How many of the counted meetings have a 时间存疑 application time; present only when some do. */
  suspect?: number;
}

export interface RegionCompliance {
  id: string;
  articles: ArticleCount;
  meetings: MeetingCount;
}

export interface ReportCompliance {
  person: string;
  kind: ReportKind;
  period: string;
  /** Beijing time with its offset, `2026-10-05T12:00:00+08:00`. */
  due: string;
  /** The earliest report's submitted time in Beijing time; null when there is none. */
  submitted: string | null;
  status: ReportStatus;
  /** Present only when the counted report is 时间存疑: its status then follows `firstSeen`. */
  suspect?: true;
  /** When the counted report was first seen on main; present only with `suspect`. */
  firstSeen?: string;
}

/**
 * A required submission beyond the contract's reports (第五篇): a material of the 23rd or 25th, or a week of
 * the work log (kind `worklog`, period `2026-W47`). Shaped and judged like a report row.
 */
export interface MaterialCompliance extends Omit<ReportCompliance, 'kind'> {
  kind: MaterialKind | 'worklog';
}

/**
 * The contract's JSON, with its keys in the contract's order; the issue-12 keys follow `reports`, so that a
 * reader of the contract's four keys sees them unchanged.
 */
export interface ComplianceExport {
  month: string;
  asOf: string;
  regions: RegionCompliance[];
  reports: ReportCompliance[];
  materials: MaterialCompliance[];
  activity: ActivityRow[];
}

/** What the rules read: the loader's `Content` is one, and so are records gathered from Astro collections. */
export interface ComplianceContent {
  regions: readonly Region[];
  people: readonly Person[];
  /** Meeting overrides (R8), holidays and 调休 workdays (working days of the activity quotas). */
  calendar: { meetings: readonly CalendarOverride[] } & WorkdaySource;
  articles: readonly { id: string; data: Article }[];
  meetings: readonly { id: string; data: Meeting }[];
  reports: readonly { id: string; data: Report }[];
  /** The work logs; only readers that need no activity or work-log rows (the calendar feeds) leave them out. */
  worklogs?: readonly { id: string; data: Worklog }[];
}

/** What a month's figures depend on besides the content: the rules and the first sightings. */
export interface CountingOptions {
  policy?: Policy;
  /** When each entry was first seen on main; without them no time is doubted. */
  sightings?: Sightings;
  /**
   * A month's export as computeCompliance gives it for the same content, asOf and options, when the caller
   * has it already: the rules built on a month's export (deadlines, 时间存疑) take it from here instead of
   * computing it again. A build shows each month on many pages and computes it once (src/pages/manage).
   */
  exportOf?: (month: string) => ComplianceExport;
}

export interface ComplianceOptions extends CountingOptions {
  /** `2026-10`. */
  month: string;
  /** Taken to the whole second (a fraction is dropped), so that the printed asOf is the one the rules used. */
  asOf: Temporal.Instant;
}

/** An entry counted by its first sighting rather than by the time it claims (时间存疑). */
export interface SuspectEntry {
  collection: 'articles' | 'meetings' | 'reports';
  id: string;
  /** The doubted field: `submitted`, or a meeting's `applied`. */
  field: 'submitted' | 'applied';
  /** The claimed time, Beijing time with its offset. */
  claimed: string;
  /** The first sighting on main, which counts instead. */
  firstSeen: string;
}

const reportKey = (person: string, kind: string, period: string) => `${person}\u0000${kind}\u0000${period}`;

/** A suspect entry before its times are printed. */
interface Doubt {
  id: string;
  claimed: string;
  firstSeen: Temporal.Instant;
}

interface IndexedArticle {
  id: string;
  region: string;
  doubt?: Doubt;
}

interface IndexedMeeting {
  id: string;
  kind: MeetingKind;
  region: string | undefined;
  qualifies: boolean;
  doubt?: Doubt;
}

/** The content parsed once: computing twelve months for a page reads each datetime a single time. */
interface Index {
  /** month → the articles counted in it (by their counted time). */
  articles: Map<string, IndexedArticle[]>;
  /** month → meetings that started in it, with whether they qualify. */
  meetings: Map<string, IndexedMeeting[]>;
  /** (person, kind, period) → the earliest report by counted time, with its id and claimed time. */
  earliest: Map<string, { at: Temporal.Instant; id: string; doubt?: Doubt }>;
}

/**
 * Keyed by the content object, then by the sightings and the policy: content is read once per run and never
 * changed after the first call, and a build passes the same sightings and policy to every page.
 */
const indexes = new WeakMap<ComplianceContent, Map<Sightings | undefined, Map<Policy, Index>>>();

function indexOf(content: ComplianceContent, options: CountingOptions = {}): Index {
  const { sightings, policy = DEFAULT_POLICY } = options;
  const bySightings = indexes.get(content) ?? new Map<Sightings | undefined, Map<Policy, Index>>();
  indexes.set(content, bySightings);
  const byPolicy = bySightings.get(sightings) ?? new Map<Policy, Index>();
  bySightings.set(sightings, byPolicy);
  const cached = byPolicy.get(policy);
  if (cached) return cached;
  const index = buildIndex(content, sightings, policy);
  byPolicy.set(policy, index);
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The counted time of a claim, and the doubt to report when it is the first sighting instead. */
function counted(claimed: string, id: string, sighting: Parameters<typeof countedTime>[1], policy: Policy) {
  const time = countedTime(claimed, sighting, policy);
  const doubt = time.firstSeen && { id, claimed, firstSeen: time.firstSeen };
  return { at: time.at, ...(doubt ? { doubt } : {}) };
}

function buildIndex(content: ComplianceContent, sightings: Sightings | undefined, policy: Policy): Index {
  const index: Index = { articles: new Map(), meetings: new Map(), earliest: new Map() };
  const sighting = (collection: 'articles' | 'meetings' | 'reports', id: string) =>
    sightings?.get(sightingKey(collection, id));
  for (const { id, data } of content.articles) {
    const { at, doubt } = counted(data.submitted, id, sighting('articles', id), policy);
    // Without a doubt the month is the claimed one: articleMonth memoizes it per text.
    const month = doubt ? monthOf(at) : articleMonth(data);
    push(index.articles, month, { id, region: data.region, ...(doubt ? { doubt } : {}) });
  }
  for (const { id, data } of content.meetings) {
    // R7 asks for the application before the meeting: a backdated application is judged by its sighting.
    const seen = sighting('meetings', id);
    const applied = data.applied === undefined ? undefined : counted(data.applied, id, seen, policy);
    push(index.meetings, meetingMonth(data), {
      id,
      kind: data.kind,
      region: data.region,
      qualifies: meetingQualifies(judgedMeeting(data, seen, policy)),
      ...(applied?.doubt ? { doubt: applied.doubt } : {}),
    });
  }
  for (const { id, data } of content.reports) {
    const key = reportKey(data.author, data.kind, data.period);
    const { at, doubt } = counted(data.submitted, id, sighting('reports', id), policy);
    const known = index.earliest.get(key);
    // Equal times keep the smaller id, so that the choice never depends on the order files were read in.
    const earlier =
      !known ||
      Temporal.Instant.compare(at, known.at) < 0 ||
      (Temporal.Instant.compare(at, known.at) === 0 && compareCodePoints(id, known.id) < 0);
    if (earlier) index.earliest.set(key, { at, id, ...(doubt ? { doubt } : {}) });
  }
  return index;
}

/**
 * The report that counts for a (person, kind, period): the earliest submitted, as the contract says (by its
 * first sighting where its claimed time is doubtful). Pages use its id to link to it.
 */
export function countingReport(
  content: ComplianceContent,
  person: string,
  kind: ReportKind,
  period: string,
  options: CountingOptions = {},
): { id: string; submitted: Temporal.Instant } | undefined {
  const found = indexOf(content, options).earliest.get(reportKey(person, kind, period));
  return found && { id: found.id, submitted: found.at };
}

/** `{ suspect: n }` when n of the counted entries are doubtful; nothing otherwise, so the row keeps its shape. */
function suspectCount(entries: readonly { doubt?: Doubt }[]): { suspect?: number } {
  const n = entries.filter((e) => e.doubt).length;
  return n > 0 ? { suspect: n } : {};
}

function regionStatus(count: number, required: number, monthOver: boolean): RegionStatus {
  if (count >= required) return 'met';
  return monthOver ? 'missing' : 'pending';
}

/** Who files each kind of a group of required reports. */
type RolesByKind = ReadonlyMap<ReportKind, readonly Role[]>;

/** Rows sorted as the contract sorts reports: by person, kind, period (code points). */
function byPersonKindPeriod<T extends { person: string; kind: string; period: string }>(rows: T[]): T[] {
  return rows.sort(
    (a, b) =>
      compareCodePoints(a.person, b.person) ||
      compareCodePoints(a.kind, b.kind) ||
      compareCodePoints(a.period, b.period),
  );
}

/** One row per (person, kind, period) due in the month, for the kinds given with the roles that file them. */
function reportRows(
  content: ComplianceContent,
  index: Index,
  month: string,
  asOf: Temporal.Instant,
  policy: Policy,
  kinds: RolesByKind,
): ReportCompliance[] {
  const rows: ReportCompliance[] = [];
  for (const [kind, roles] of kinds) {
    const required = content.people.filter((p) => roles.includes(p.role));
    for (const { period, due } of periodsDueIn(kind, month, content.calendar.meetings, policy)) {
      const span = periodSpan(periodFormatOf(kind), period)!;
      const dueAt = due.toInstant();
      for (const person of required.filter((p) => activeDuring(p, span))) {
        const report = index.earliest.get(reportKey(person.id, kind, period));
        const status: ReportStatus = report
          ? Temporal.Instant.compare(report.at, dueAt) <= 0
            ? 'on_time'
            : 'late'
          : Temporal.Instant.compare(dueAt, asOf) > 0
            ? 'pending'
            : 'missing';
        rows.push({
          person: person.id,
          kind,
          period,
          due: formatDateTimeExact(dueAt),
          // The claimed time stays in `submitted`; a doubtful one is counted by `firstSeen`, shown beside it.
          submitted: report ? (report.doubt?.claimed ?? formatDateTimeExact(report.at)) : null,
          status,
          ...(report?.doubt
            ? { suspect: true as const, firstSeen: formatDateTimeExact(report.doubt.firstSeen) }
            : {}),
        });
      }
    }
  }
  return byPersonKindPeriod(rows);
}

/** The contract's kinds the policy requires (the contract names no others), all filed by `reports.roles`. */
function contractKinds(policy: Policy): RolesByKind {
  const kinds = (Object.keys(policy.reports.due) as ReportKind[]).filter((k) =>
    CONTRACT_REPORT_KINDS.includes(k),
  );
  return new Map(kinds.map((k) => [k, policy.reports.roles]));
}

/** The materials (第五篇 二), each filed by its own roles. */
function materialKinds(policy: Policy): RolesByKind {
  return new Map(
    (Object.entries(policy.materials) as [MaterialKind, Policy['materials'][MaterialKind]][]).map(
      ([k, m]) => [k, m.roles],
    ),
  );
}

/** The materials and the weeks of the work log due in the month, sorted like the reports. */
function materialRows(
  content: ComplianceContent,
  index: Index,
  month: string,
  asOf: Temporal.Instant,
  policy: Policy,
): MaterialCompliance[] {
  const materials = reportRows(
    content,
    index,
    month,
    asOf,
    policy,
    materialKinds(policy),
  ) as MaterialCompliance[];
  return byPersonKindPeriod([...materials, ...worklogWeeks(content, month, asOf, policy)]);
}

/**
 * The compliance export for one month. Throws on a month that is not `YYYY-MM` (the CLI checks first and
 * says so in Chinese).
 */
export function computeCompliance(content: ComplianceContent, options: ComplianceOptions): ComplianceExport {
  const { month, policy = DEFAULT_POLICY } = options;
  const asOf = options.asOf.round({ smallestUnit: 'second', roundingMode: 'trunc' });
  const span = periodSpan('month', month);
  if (!span) throw new RangeError(`不是月份：${month}`);
  const index = indexOf(content, options);
  // The month is over once its last second has passed: at 00:00:00 on the 1st of the next month, Beijing time.
  const monthOver = Temporal.Instant.compare(asOf, span.end.toInstant()) >= 0;
  const articles = index.articles.get(month) ?? [];
  const meetings = (index.meetings.get(month) ?? []).filter((m) => isCountedMeeting(m, policy));

  const regions = [...content.regions]
    .sort((a, b) => compareCodePoints(a.id, b.id))
    .map((region): RegionCompliance => {
      const ownArticles = articles.filter((a) => a.region === region.id);
      const own = meetings.filter((m) => m.region === region.id);
      const qualifying = own.filter((m) => m.qualifies).length;
      return {
        id: region.id,
        articles: {
          count: ownArticles.length,
          required: policy.articles.required,
          status: regionStatus(ownArticles.length, policy.articles.required, monthOver),
          ...suspectCount(ownArticles),
        },
        meetings: {
          count: own.length,
          qualifying,
          required: policy.meetings.required,
          status: regionStatus(qualifying, policy.meetings.required, monthOver),
          ...suspectCount(own),
        },
      };
    });

  return {
    month,
    asOf: formatDateTimeExact(asOf),
    regions,
    reports: reportRows(content, index, month, asOf, policy, contractKinds(policy)),
    materials: materialRows(content, index, month, asOf, policy),
    activity: activityRows(content, { month, asOf, policy }),
  };
}

/** How one person's required submissions of a month went (及时性公示): counts only, no figures. */
export interface Timeliness {
  person: string;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
}

/**
 * Per person on the roster in the month (in roster order), how many of the reports and materials due in it
 * were on time, late, missing or not yet due at asOf. Everyone on the roster is listed, with zeros when
 * nothing was due; the work log's weeks count as materials.
 */
export function timeliness(
  content: ComplianceContent,
  month: string,
  asOf: Temporal.Instant,
  options: CountingOptions = {},
): Timeliness[] {
  const span = periodSpan('month', month);
  if (!span) throw new RangeError(`不是月份：${month}`);
  const { policy = DEFAULT_POLICY } = options;
  const at = asOf.round({ smallestUnit: 'second', roundingMode: 'trunc' });
  const given = options.exportOf?.(month);
  const index = indexOf(content, options);
  // The same rows as the month's export lists (its reports and materials).
  const rows = given
    ? [...given.reports, ...given.materials]
    : [
        ...reportRows(content, index, month, at, policy, contractKinds(policy)),
        ...materialRows(content, index, month, at, policy),
      ];
  const field = { on_time: 'onTime', late: 'late', missing: 'missing', pending: 'pending' } as const;
  const counts = new Map<string, Timeliness>();
  for (const person of content.people)
    if (activeDuring(person, span))
      counts.set(person.id, { person: person.id, onTime: 0, late: 0, missing: 0, pending: 0 });
  for (const row of rows) {
    const tally = counts.get(row.person);
    if (tally) tally[field[row.status]]++;
  }
  return [...counts.values()];
}

/**
 * The month's 时间存疑 entries, as its export counts them: the articles counted in the month, the 销售沟通会
 * held in it and the reports that count for its due rows, each by collection and then id.
 */
export function suspectEntries(content: ComplianceContent, options: ComplianceOptions): SuspectEntry[] {
  const { month, policy = DEFAULT_POLICY } = options;
  const index = indexOf(content, options);
  const entry = (collection: SuspectEntry['collection'], field: SuspectEntry['field'], doubt: Doubt) => ({
    collection,
    id: doubt.id,
    field,
    claimed: doubt.claimed,
    firstSeen: formatDateTimeExact(doubt.firstSeen),
  });
  const byId = (a: SuspectEntry, b: SuspectEntry) => compareCodePoints(a.id, b.id);
  const articles = (index.articles.get(month) ?? []).flatMap((a) =>
    a.doubt ? [entry('articles', 'submitted', a.doubt)] : [],
  );
  const meetings = (index.meetings.get(month) ?? [])
    .filter((m) => isCountedMeeting(m, policy))
    .flatMap((m) => (m.doubt ? [entry('meetings', 'applied', m.doubt)] : []));
  const result = options.exportOf?.(month) ?? computeCompliance(content, options);
  // A material is a report file too: a doubtful one is listed beside the contract's reports.
  const reports = [...result.reports, ...result.materials].flatMap((row) => {
    const found = row.suspect && index.earliest.get(reportKey(row.person, row.kind, row.period));
    return found && found.doubt ? [entry('reports', 'submitted', found.doubt)] : [];
  });
  return [...articles.sort(byId), ...meetings.sort(byId), ...reports.sort(byId)];
}
