/**
 * Hand-made content for the unit tests of the rules: small, explicit and independent of the sample data, so
 * that each test states exactly the boundary it checks.
 */
import type {
  Article,
  CalendarOverride,
  Holiday,
  Meeting,
  Person,
  Region,
  Report,
  Workday,
  Worklog,
  WorklogDay,
} from '../../src/model/index.ts';
import type { MeetingKind, ReportKind, Role } from '../../src/model/options.ts';
import type { ActivityRow } from '../../src/rules/activity.ts';
import type { ComplianceContent } from '../../src/rules/compliance.ts';

export const REGIONS: Region[] = [
  { id: 'south', name: '华南区', manager: 'lina' },
  { id: 'east', name: '华东区', manager: 'zhangwei' },
];

export function person(
  id: string,
  role: Role,
  joined = '2020-01-01',
  left?: string,
  region = 'east',
): Person {
  return { id, name: `测试${id}`, role, region, joined, ...(left === undefined ? {} : { left }) };
}

/** Two managers active throughout, a rep and a head: the reports expected are the managers' only. */
export const PEOPLE: Person[] = [
  person('zhangwei', 'manager'),
  person('lina', 'manager', '2020-01-01', undefined, 'south'),
  person('wangfang', 'rep'),
  { id: 'liuyang', name: '刘洋', role: 'head', joined: '2020-01-01' },
];

let entryCount = 0;

export function article(
  region: string,
  submitted: string,
  author = 'wangfang',
  id = `article-${++entryCount}`,
): { id: string; data: Article } {
  return { id, data: { title: '测试文章', region, author, category: 'other', submitted } };
}

export function meeting(
  region: string,
  start: string,
  extra: { kind?: MeetingKind; applied?: string; filed?: string; id?: string } = {},
): { id: string; data: Meeting } {
  const { kind = 'regional', id = `meeting-${++entryCount}`, ...times } = extra;
  return { id, data: { title: '测试会议', kind, region, organizer: 'zhangwei', start, ...times } };
}

let reportCount = 0;

export function report(
  author: string,
  kind: ReportKind,
  period: string,
  submitted: string,
  id = `report-${++reportCount}`,
): { id: string; data: Report } {
  return { id, data: { kind, author, region: 'east', period, submitted } };
}

/** A person's work log of a month, its id shaped like the file's path. */
export function worklog(
  person: string,
  month: string,
  days: WorklogDay[],
  id = `${month.slice(0, 4)}/${month}-${person}`,
): { id: string; data: Worklog } {
  return { id, data: { person, region: 'east', month, days } };
}

/** An activity row as the export lists it: wangfang's November visits, 0 of 65, unless a test says otherwise. */
export function activityRow(over: Partial<ActivityRow> = {}): ActivityRow {
  return {
    person: 'wangfang',
    region: 'east',
    measure: 'visits',
    scope: 'month',
    period: '2026-11',
    count: 0,
    required: 65,
    status: 'below',
    daysBelow: [],
    daysMissing: [],
    ...over,
  };
}

/** Content with the default roster and nothing submitted, plus whatever a test gives. */
export function makeContent(
  parts: Partial<Omit<ComplianceContent, 'calendar'>> & {
    overrides?: CalendarOverride[];
    holidays?: Holiday[];
    workdays?: Workday[];
  } = {},
): ComplianceContent {
  const { overrides = [], holidays = [], workdays = [], ...rest } = parts;
  return {
    regions: REGIONS,
    people: PEOPLE,
    articles: [],
    meetings: [],
    reports: [],
    worklogs: [],
    ...rest,
    calendar: { meetings: overrides, holidays, workdays },
  };
}
