/**
 * The department's thresholds and deadlines (rules R2–R8) as data. The rules engine reads nothing else, so
 * this object is the one place to change when the department changes a rule: a required count, who must
 * report, which reports are required, a deadline's offset from a meeting or the Monday 12:00 cut-off.
 *
 * All times here are Beijing wall-clock times (Asia/Shanghai), whatever the machine's zone.
 */
import type { Temporal } from 'temporal-polyfill';
import {
  COMMUNICATION_MEETING_KINDS,
  type Measure,
  type MeetingKind,
  type ReportKind,
  type Role,
  type Team,
} from '../model/options.ts';

/** Day of the week as ISO numbers it: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** When a standing meeting is held unless content/org/calendar.yaml moves it (R8). */
export interface MeetingRule {
  /** The meeting is on the last such weekday of its month (the quarter's last month for quarterly ones). */
  readonly weekday: Weekday;
  /** Start time, `HH:MM` or `HH:MM:SS`. */
  readonly time: string;
}

/** When a required report is due. */
export type DueRule =
  /**
   * The first `weekday` on or after the day the period ends, at `time`: the weekly report (R2) is due on the
   * Monday after its ISO week, 12:00.
   */
  | { readonly kind: 'after-period'; readonly weekday: Weekday; readonly time: string }
  /**
   * `days` days before the standing meeting of the same period, at `time`: the monthly report (R3) before the
   * month's monthly meeting, the quarterly report and achievement table (R4, R5) before the quarter's
   * quarterly meeting. Which meeting follows from the period: a month has a monthly one, a quarter a quarterly.
   */
  | { readonly kind: 'before-meeting'; readonly days: number; readonly time: string }
  /**
   * Day `day` of the period's last month, moved by `months` months, at `time`: the 25th-of-month materials
   * (`months: 0`), the funding plan for a month due on the 23rd of the month before (`months: -1`) (第五篇 二).
   */
  | { readonly kind: 'day-of-month'; readonly day: number; readonly months: number; readonly time: string };

/** The report kinds that are materials (第五篇 二) rather than the reports of the content contract. */
export type MaterialKind = Exclude<ReportKind, 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'achievement'>;

/** How much of one measure a person owes (R14, R15): per working day, and per ISO week and month when stated. */
export interface Quota {
  readonly day: number;
  /** Owed in a whole week of working days; without it, `day` × the week's working days. */
  readonly week?: number;
  /** Owed in a whole month of working days; without it, `day` × the month's working days. */
  readonly month?: number;
}

export interface Policy {
  /** R6: 内刊投稿 per region per calendar month, counted by submitted time. */
  readonly articles: { readonly required: number };
  /**
   * R7: 销售沟通会 per region per month, counted by start time. Only meetings of these kinds count; the status
   * compares the qualifying ones (applied for before the start, memo filed at or after it) with `required`.
   */
  readonly meetings: { readonly required: number; readonly kinds: readonly MeetingKind[] };
  /** R8: the standing meetings that the report deadlines hang on. */
  readonly calendar: { readonly monthly: MeetingRule; readonly quarterly: MeetingRule };
  readonly reports: {
    /** Who must file the required reports, while active on some day of the report's period. */
    readonly roles: readonly Role[];
    /** The required kinds and their deadlines; a kind left out (daily, R1) is not counted. */
    readonly due: Readonly<Partial<Record<ReportKind, DueRule>>>;
  };
  /**
   * The materials due on the 23rd and 25th (第五篇 二), in the same engine as the reports: who files each kind
   * (while active on some day of its period) and when it is due. Exported apart from the contract's `reports`.
   */
  readonly materials: Readonly<
    Record<MaterialKind, { readonly roles: readonly Role[]; readonly due: DueRule }>
  >;
  /** 工作日志 (第五篇 一): who keeps one, and when each ISO week's rows are due with the host (Saturday's end of work). */
  readonly worklogs: {
    readonly roles: readonly Role[];
    readonly due: { readonly weekday: Weekday; readonly time: string };
  };
  /**
   * Activity quotas (R14, R15), counted per working day, ISO week and month. A person owes the measures of their
   * team when `byTeam` lists it, else those of their role; nothing otherwise.
   */
  readonly quotas: {
    readonly measures: Readonly<Record<Measure, Quota>>;
    readonly byRole: Readonly<Partial<Record<Role, readonly Measure[]>>>;
    readonly byTeam: Readonly<Partial<Record<Team, readonly Measure[]>>>;
  };
  /**
   * The morning meeting (第五篇 一: 8:40, Monday 10:00 after the company's weekly meeting): a work-log row edited
   * after the next working day's meeting is shown as changed later (R16).
   */
  readonly morningMeeting: {
    readonly time: string;
    readonly byWeekday: Readonly<Partial<Record<Weekday, string>>>;
  };
  /** How much earlier than its first sighting on main an entry may claim to be before it is 时间存疑. */
  readonly firstSeenTolerance: Temporal.DurationLike;
  /** When `npm run remind` chases: this long before a deadline (each threshold once), and overdue items daily for this long. */
  readonly reminders: {
    readonly before: readonly { readonly hours: number }[];
    readonly overdueFor: { readonly days: number };
  };
}

/** The department's rules as its documents state them (shared requirements R2–R8). */
export const DEFAULT_POLICY: Policy = {
  articles: { required: 1 },
  meetings: { required: 1, kinds: COMMUNICATION_MEETING_KINDS },
  calendar: {
    monthly: { weekday: 5, time: '13:30' },
    quarterly: { weekday: 5, time: '13:30' },
  },
  reports: {
    roles: ['manager'],
    due: {
      weekly: { kind: 'after-period', weekday: 1, time: '12:00' },
      monthly: { kind: 'before-meeting', days: 2, time: '23:59:59' },
      quarterly: { kind: 'before-meeting', days: 3, time: '23:59:59' },
      achievement: { kind: 'before-meeting', days: 3, time: '23:59:59' },
    },
  },
  materials: {
    funding: { roles: ['manager'], due: { kind: 'day-of-month', day: 23, months: -1, time: '23:59:59' } },
    hr: { roles: ['supervisor'], due: { kind: 'day-of-month', day: 25, months: 0, time: '23:59:59' } },
    training: { roles: ['supervisor'], due: { kind: 'day-of-month', day: 25, months: 0, time: '23:59:59' } },
    summary: {
      roles: ['manager', 'supervisor', 'rep'],
      due: { kind: 'day-of-month', day: 25, months: 0, time: '23:59:59' },
    },
    kpi: {
      roles: ['manager', 'supervisor', 'rep'],
      due: { kind: 'day-of-month', day: 25, months: 0, time: '23:59:59' },
    },
    'quarter-summary': {
      roles: ['manager', 'supervisor', 'rep'],
      due: { kind: 'day-of-month', day: 25, months: 0, time: '23:59:59' },
    },
  },
  worklogs: { roles: ['manager', 'supervisor', 'rep', 'office'], due: { weekday: 6, time: '18:00' } },
  quotas: {
    measures: {
      visits: { day: 3, week: 15, month: 65 },
      calls: { day: 300 },
      intents: { day: 10 },
      leads: { day: 50 },
      posts: { day: 10 },
    },
    byRole: { rep: ['visits'] },
    byTeam: { field: ['visits'], telesales: ['calls', 'intents', 'leads', 'posts'] },
  },
  morningMeeting: { time: '08:40', byWeekday: { 1: '10:00' } },
  // A save and its publication to main are seconds to minutes apart; a slow CI pipeline adds a few more.
  firstSeenTolerance: { minutes: 15 },
  // A day ahead to plan for it, two hours ahead as the last call; overdue reports are chased for two weeks.
  reminders: { before: [{ hours: 24 }, { hours: 2 }], overdueFor: { days: 14 } },
};
