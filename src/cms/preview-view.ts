/**
 * What the CMS preview shows of an entry being edited, worked out by the site's own functions so that it reads
 * as the entry's page will: names instead of ids, labels instead of option values, Beijing times, achievement
 * rates, and the body through the build's renderer and sanitiser. Pure: the form's data in (as Decap holds it,
 * possibly half filled in), plain values out; src/cms/preview-markup.ts lays them out as the pages do.
 */
import { Temporal } from 'temporal-polyfill';
import { NEWSLETTER_NAME } from '../consts.ts';
import { renderSubmission } from '../markdown/render.ts';
import { fieldLabel } from '../model/labels.ts';
import { FIGURE_KEYS, REPORT_KINDS, type FigureKey, type ReportKind } from '../model/options.ts';
import type { Figure } from '../model/types.ts';
import { beijingMonth, formatChineseMonth, parseDateTime } from '../model/time.ts';
import { categoryLabel } from '../site/articles.ts';
import type { Directory } from '../site/directory.ts';
import { ZONE_NOTE, beijingDateTime, datetimeAttribute, reportPeriodLabel } from '../site/format.ts';
import { figureRows, type FigureRow } from '../site/figures.ts';
import { fitHeadings, markLinksForPrint } from '../site/html.ts';
import {
  isCommunicationMeeting,
  meetingFigures,
  meetingKindLabel,
  morningRecordRows,
  type MorningRecordRow,
} from '../site/meetings.ts';
import { reportKindLabel, reportSections, reportTitle, type ReportSection } from '../site/reports.ts';
import { urls } from '../site/urls.ts';

/**
 * The roster lookups the preview needs: the site's Directory, or any with its name functions
 * (src/cms/preview-roster.ts builds one from the admin page's public names).
 */
export type PreviewNames = Pick<Directory, 'personName' | 'personWithRole' | 'regionName'>;

/** What a required field the author has not filled in yet shows. */
export const NOT_FILLED = '未填写';
/** What a time the gate sets on the first save shows before that save. */
export const SET_ON_SAVE = '保存时由系统填写';

/** A time as DateTime.astro shows it: text, machine form and the zone note. */
export interface TimeValue {
  text: string;
  datetime: string;
  zone: string;
}

/** One fact under the title: a label and a text, a link, a time or a list (tags). */
export interface Fact {
  label: string;
  text?: string;
  href?: string;
  time?: TimeValue;
  list?: string[];
  /** Figures (tabular digits). */
  num?: boolean;
}

export interface ArticleView {
  kicker: { text: string; href: string };
  title: string;
  facts: Fact[];
  /** 封面图片: an uploaded image's site path, as CoverImage.astro shows it under the facts. */
  cover?: string;
  body: string;
}

export interface MeetingView {
  title: string;
  facts: Fact[];
  /** The 晨会记录 rows filled in so far (a person and a plan each). */
  records: MorningRecordRow[];
  /** The memo's HTML; empty when none is written. */
  memo: string;
}

export interface ReportView {
  title: string;
  facts: Fact[];
  sections: ReportSection[];
  figures: FigureRow[];
  body: string;
}

type Data = Readonly<Record<string, unknown>>;

function text(data: Data, name: string): string | undefined {
  const value = data[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function strings(data: Data, name: string): string[] {
  const value = data[name];
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    : [];
}

function count(data: Data, name: string): number | undefined {
  const value = data[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A datetime as the site shows it, or undefined when the form holds none or half of one. */
export function timeValue(iso: string | undefined): TimeValue | undefined {
  if (iso === undefined || !parseDateTime(iso)) return undefined;
  return { text: beijingDateTime(iso, { zone: false }), datetime: datetimeAttribute(iso), zone: ZONE_NOTE };
}

/** A datetime fact; before the first save the gate's times read as such, other missing times as 未填写. */
function timeFact(label: string, iso: string | undefined, missing: string): Fact {
  const time = timeValue(iso);
  return time ? { label, time } : { label, text: missing };
}

/** The body as the page shows it: the build's renderer and sanitiser, headings under the page's own. */
export function bodyHtml(source: unknown, top: number): string {
  return typeof source === 'string' && source.trim() !== ''
    ? markLinksForPrint(fitHeadings(renderSubmission(source), top))
    : '';
}

/** The Beijing month an entry falls in: its submitted time's, or now's when the gate has not set it yet. */
function monthOf(submitted: string | undefined, now: Temporal.Instant): string {
  return submitted && parseDateTime(submitted) ? beijingMonth(submitted) : beijingMonth(now.toString());
}

/** An article as src/pages/articles/[id].astro with ArticleMeta.astro shows it. */
export function articleView(data: Data, names: PreviewNames, now: Temporal.Instant): ArticleView {
  const month = monthOf(text(data, 'submitted'), now);
  const region = text(data, 'region');
  const author = text(data, 'author');
  const category = text(data, 'category');
  const tags = strings(data, 'tags');
  const facts: Fact[] = [
    { label: '作者', text: author ? names.personWithRole(author) : NOT_FILLED },
    region
      ? { label: '区域', text: names.regionName(region), href: urls.region(region) }
      : { label: '区域', text: NOT_FILLED },
    { label: '栏目', text: category ? categoryLabel(category) : NOT_FILLED },
    timeFact('投稿时间', text(data, 'submitted'), SET_ON_SAVE),
    ...(tags.length > 0 ? [{ label: '标签', list: tags }] : []),
  ];
  return {
    kicker: { text: `《${NEWSLETTER_NAME}》${formatChineseMonth(month)}`, href: urls.issue(month) },
    title: text(data, 'title') ?? NOT_FILLED,
    facts,
    ...(text(data, 'cover') ? { cover: text(data, 'cover') } : {}),
    body: bodyHtml(data.body, 2),
  };
}

/** A meeting as src/pages/meetings/[id].astro with MeetingFacts.astro shows it. */
export function meetingView(data: Data, names: PreviewNames): MeetingView {
  const kind = text(data, 'kind');
  const region = text(data, 'region');
  const organizer = text(data, 'organizer');
  const applied = text(data, 'applied');
  const filed = text(data, 'filed');
  const leaders = strings(data, 'leaders');
  const attendees = strings(data, 'attendees');
  const required = kind !== undefined && isCommunicationMeeting(kind);
  const calls = count(data, 'calls');
  const intents = count(data, 'intents');
  const facts: Fact[] = [
    { label: fieldLabel('meetings', 'kind'), text: kind ? meetingKindLabel(kind) : NOT_FILLED },
    {
      label: fieldLabel('meetings', 'region'),
      text: names.regionName(region),
      ...(region ? { href: urls.region(region) } : {}),
    },
    {
      label: kind === 'morning' ? '主持人' : fieldLabel('meetings', 'organizer'),
      text: organizer ? names.personWithRole(organizer) : NOT_FILLED,
    },
    timeFact(fieldLabel('meetings', 'start'), text(data, 'start'), NOT_FILLED),
    ...(applied || required ? [timeFact('会前申请', applied, '未记录')] : []),
    ...(filed || required ? [timeFact('备忘备案', filed, '未记录')] : []),
    ...(leaders.length > 0 ? [{ label: fieldLabel('meetings', 'leaders'), text: leaders.join('、') }] : []),
    ...(attendees.length > 0
      ? [
          {
            label: `${fieldLabel('meetings', 'attendees')}（${attendees.length} 人）`,
            text: attendees.join('、'),
          },
        ]
      : []),
    ...meetingFigures({
      ...(calls !== undefined ? { calls } : {}),
      ...(intents !== undefined ? { intents } : {}),
    }).map((f) => ({ label: f.label, text: f.value, num: true })),
  ];
  // Rows the host is still filling in show once they name a person and a plan, as the page would.
  const records = (Array.isArray(data.records) ? (data.records as Data[]) : []).flatMap((r) => {
    const person = text(r, 'person');
    const plan = text(r, 'plan');
    const review = text(r, 'review');
    return person && plan ? [{ person, plan, ...(review ? { review } : {}) }] : [];
  });
  return {
    title: text(data, 'title') ?? NOT_FILLED,
    facts,
    records: morningRecordRows(records, names.personName),
    memo: bodyHtml(data.body, 3),
  };
}

function isReportKind(kind: string | undefined): kind is ReportKind {
  return REPORT_KINDS.some((k) => k.value === kind);
}

/** The pairs filled in on both sides: the form lets a half pair stand until the gate refuses it on save. */
export function completeFigures(value: unknown): Partial<Record<FigureKey, Figure>> {
  const figures: Partial<Record<FigureKey, Figure>> = {};
  if (typeof value !== 'object' || value === null) return figures;
  for (const { value: key } of FIGURE_KEYS) {
    const pair = (value as Record<string, unknown>)[key];
    if (typeof pair !== 'object' || pair === null) continue;
    const { target, actual } = pair as Record<string, unknown>;
    if (typeof target === 'number' && typeof actual === 'number') figures[key] = { target, actual };
  }
  return figures;
}

/** A period as the site names it; undefined while the form holds one half typed or not fitting the kind. */
function periodName(kind: ReportKind, period: string): string | undefined {
  try {
    return reportPeriodLabel(kind, period);
  } catch {
    return undefined;
  }
}

/** A report as src/pages/manage/reports/[id].astro shows it. */
export function reportView(data: Data, names: PreviewNames): ReportView {
  const rawKind = text(data, 'kind');
  const kind = isReportKind(rawKind) ? rawKind : undefined;
  const author = text(data, 'author');
  const region = text(data, 'region');
  const period = text(data, 'period');
  const authorName = author ? names.personName(author) : NOT_FILLED;
  const named = kind && period ? periodName(kind, period) : undefined;
  // Until kind and period make sense together the title says what is there, as the page would.
  const title =
    kind && period && named
      ? reportTitle(authorName, kind, period)
      : `${authorName}的${kind ? reportKindLabel(kind) : '汇报'}：${period ?? NOT_FILLED}`;
  const highlights = strings(data, 'highlights');
  const problems = strings(data, 'problems');
  const sections = reportSections({
    ...(text(data, 'progress') ? { progress: text(data, 'progress')! } : {}),
    ...(highlights.length > 0 ? { highlights } : {}),
    ...(problems.length > 0 ? { problems } : {}),
    ...(text(data, 'support') ? { support: text(data, 'support')! } : {}),
    ...(text(data, 'plan') ? { plan: text(data, 'plan')! } : {}),
  });
  return {
    title,
    facts: [
      { label: fieldLabel('reports', 'kind'), text: kind ? reportKindLabel(kind) : NOT_FILLED },
      { label: fieldLabel('reports', 'author'), text: author ? names.personWithRole(author) : NOT_FILLED },
      { label: fieldLabel('reports', 'region'), text: region ? names.regionName(region) : NOT_FILLED },
      { label: fieldLabel('reports', 'period'), text: named ?? period ?? NOT_FILLED },
      timeFact(fieldLabel('reports', 'submitted'), text(data, 'submitted'), SET_ON_SAVE),
    ],
    sections,
    figures: figureRows(completeFigures(data.figures)),
    body: bodyHtml(data.body, 3),
  };
}
