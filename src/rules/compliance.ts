/**
 * What the rules R2–R8 make of the content for one Beijing month: the "Compliance export" of the content
 * contract, field for field. The CLI prints it, the /manage/compliance/ pages show it, the downloads are it.
 *
 * "Now" is an input (`asOf`) and only tells `pending` from `missing`: everything in the content counts,
 * whatever its times, so a rebuild with the same content and the same asOf gives the same result.
 */
import { Temporal } from 'temporal-polyfill';
import type { Article, CalendarOverride, Meeting, Person, Region, Report } from '../model/index.ts';
import type { MeetingKind, ReportKind } from '../model/options.ts';
import { formatDateTimeExact, instantOf, periodSpan } from '../model/time.ts';
import { periodFormatOf, periodsDueIn } from './calendar.ts';
import {
  activeDuring,
  articleMonth,
  compareCodePoints,
  isCountedMeeting,
  meetingMonth,
  meetingQualifies,
} from './counting.ts';
import { DEFAULT_POLICY, type Policy } from './policy.ts';

export type RegionStatus = 'met' | 'pending' | 'missing';
export type ReportStatus = 'on_time' | 'late' | 'pending' | 'missing';

export interface ArticleCount {
  count: number;
  required: number;
  status: RegionStatus;
}

export interface MeetingCount {
  /** Meetings of the counted kinds that started in the month. */
  count: number;
  /** Of those, the ones applied for before the start and whose memo was filed at or after it. */
  qualifying: number;
  required: number;
  status: RegionStatus;
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
}

/** The contract's JSON, with its keys in the contract's order. */
export interface ComplianceExport {
  month: string;
  asOf: string;
  regions: RegionCompliance[];
  reports: ReportCompliance[];
}

/** What the rules read: the loader's `Content` is one, and so are records gathered from Astro collections. */
export interface ComplianceContent {
  regions: readonly Region[];
  people: readonly Person[];
  calendar: { meetings: readonly CalendarOverride[] };
  articles: readonly { data: Article }[];
  meetings: readonly { data: Meeting }[];
  reports: readonly { id: string; data: Report }[];
}

export interface ComplianceOptions {
  /** `2026-10`. */
  month: string;
  /** Taken to the whole second (a fraction is dropped), so that the printed asOf is the one the rules used. */
  asOf: Temporal.Instant;
  policy?: Policy;
}

const reportKey = (person: string, kind: string, period: string) => `${person}\u0000${kind}\u0000${period}`;

/** The content parsed once: computing twelve months for a page reads each datetime a single time. */
interface Index {
  /** month → region → articles. */
  articles: Map<string, Map<string, number>>;
  /** month → meetings that started in it, with whether they qualify. */
  meetings: Map<string, { kind: MeetingKind; region: string | undefined; qualifies: boolean }[]>;
  /** (person, kind, period) → the earliest report's time and id. */
  earliest: Map<string, { at: Temporal.Instant; id: string }>;
}

/** Keyed by the content object: content is read once per run and never changed after the first call. */
const indexes = new WeakMap<ComplianceContent, Index>();

function indexOf(content: ComplianceContent): Index {
  const cached = indexes.get(content);
  if (cached) return cached;
  const index: Index = { articles: new Map(), meetings: new Map(), earliest: new Map() };
  for (const { data } of content.articles) {
    const byRegion = index.articles.get(articleMonth(data)) ?? new Map<string, number>();
    byRegion.set(data.region, (byRegion.get(data.region) ?? 0) + 1);
    index.articles.set(articleMonth(data), byRegion);
  }
  for (const { data } of content.meetings) {
    const month = meetingMonth(data);
    const list = index.meetings.get(month) ?? [];
    list.push({ kind: data.kind, region: data.region, qualifies: meetingQualifies(data) });
    index.meetings.set(month, list);
  }
  for (const { id, data } of content.reports) {
    const key = reportKey(data.author, data.kind, data.period);
    const at = instantOf(data.submitted);
    const known = index.earliest.get(key);
    // Equal times keep the smaller id, so that the choice never depends on the order files were read in.
    const earlier =
      !known ||
      Temporal.Instant.compare(at, known.at) < 0 ||
      (Temporal.Instant.compare(at, known.at) === 0 && compareCodePoints(id, known.id) < 0);
    if (earlier) index.earliest.set(key, { at, id });
  }
  indexes.set(content, index);
  return index;
}

/**
 * The report that counts for a (person, kind, period): the earliest submitted, as the contract says. Pages
 * use its id to link to it.
 */
export function countingReport(
  content: ComplianceContent,
  person: string,
  kind: ReportKind,
  period: string,
): { id: string; submitted: Temporal.Instant } | undefined {
  const found = indexOf(content).earliest.get(reportKey(person, kind, period));
  return found && { id: found.id, submitted: found.at };
}

function regionStatus(count: number, required: number, monthOver: boolean): RegionStatus {
  if (count >= required) return 'met';
  return monthOver ? 'missing' : 'pending';
}

function reportRows(
  content: ComplianceContent,
  index: Index,
  month: string,
  asOf: Temporal.Instant,
  policy: Policy,
): ReportCompliance[] {
  const required = content.people.filter((p) => policy.reports.roles.includes(p.role));
  const rows: ReportCompliance[] = [];
  for (const kind of Object.keys(policy.reports.due) as ReportKind[]) {
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
          submitted: report ? formatDateTimeExact(report.at) : null,
          status,
        });
      }
    }
  }
  return rows.sort(
    (a, b) =>
      compareCodePoints(a.person, b.person) ||
      compareCodePoints(a.kind, b.kind) ||
      compareCodePoints(a.period, b.period),
  );
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
  const index = indexOf(content);
  // The month is over once its last second has passed: at 00:00:00 on the 1st of the next month, Beijing time.
  const monthOver = Temporal.Instant.compare(asOf, span.end.toInstant()) >= 0;
  const articles = index.articles.get(month);
  const meetings = (index.meetings.get(month) ?? []).filter((m) => isCountedMeeting(m, policy));

  const regions = [...content.regions]
    .sort((a, b) => compareCodePoints(a.id, b.id))
    .map((region): RegionCompliance => {
      const articleCount = articles?.get(region.id) ?? 0;
      const own = meetings.filter((m) => m.region === region.id);
      const qualifying = own.filter((m) => m.qualifies).length;
      return {
        id: region.id,
        articles: {
          count: articleCount,
          required: policy.articles.required,
          status: regionStatus(articleCount, policy.articles.required, monthOver),
        },
        meetings: {
          count: own.length,
          qualifying,
          required: policy.meetings.required,
          status: regionStatus(qualifying, policy.meetings.required, monthOver),
        },
      };
    });

  return {
    month,
    asOf: formatDateTimeExact(asOf),
    regions,
    reports: reportRows(content, index, month, asOf, policy),
  };
}
