/**
 * The calendar of the sample: a table of days around the covered range, and times as seconds counted from the
 * table's first day in Asia/Shanghai (always UTC+8, no daylight saving), written with an explicit `+08:00`.
 * All calendar maths goes through Temporal; the hot paths only index the precomputed table.
 */
import { Temporal } from 'temporal-polyfill';

export interface Day {
  iso: string;
  year: number;
  month: number;
  day: number;
  /** 1 = Monday … 7 = Sunday. */
  dow: number;
  /** ISO week key, e.g. 2026-W42. */
  week: string;
}

export interface MonthInfo {
  key: string;
  year: number;
  month: number;
  /** Day indexes of the month's first and last day. */
  first: number;
  last: number;
  /** Day index of the month's last Friday. */
  lastFriday: number;
  quarter: string;
  quarterEnd: boolean;
}

export interface WeekInfo {
  key: string;
  /** Day index of the week's Monday. */
  monday: number;
}

export const DAY = 86_400;
const MARGIN_BEFORE = 70;
const MARGIN_AFTER = 130;

const pad = (n: number) => String(n).padStart(2, '0');

export function quarterOf(year: number, month: number): string {
  return `${year}-Q${Math.ceil(month / 3)}`;
}

export class Timeline {
  readonly days: Day[] = [];
  /** Index of the first and last day of the covered range. */
  readonly startIdx: number;
  readonly endIdx: number;
  readonly months: MonthInfo[] = [];
  /** ISO weeks whose report is due (Monday after, 12:00) inside the covered range. */
  readonly weeks: WeekInfo[] = [];
  readonly #base: Temporal.PlainDate;
  readonly #byIso = new Map<string, number>();

  constructor(end: string, months: number) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(end)) throw new Error(`end must be YYYY-MM-DD: ${end}`);
    if (!Number.isInteger(months) || months < 1)
      throw new Error(`months must be a positive integer: ${months}`);
    const endDate = Temporal.PlainDate.from(end, { overflow: 'reject' });
    const startDate = endDate.with({ day: 1 }).subtract({ months: months - 1 });
    this.#base = startDate.subtract({ days: MARGIN_BEFORE });
    const total = this.#base.until(endDate, { largestUnit: 'day' }).days + MARGIN_AFTER;
    let d = this.#base;
    for (let i = 0; i <= total; i++) {
      const weekYear = d.yearOfWeek;
      const weekNo = d.weekOfYear;
      if (weekYear === undefined || weekNo === undefined) throw new Error('ISO calendar expected');
      const day: Day = {
        iso: d.toString(),
        year: d.year,
        month: d.month,
        day: d.day,
        dow: d.dayOfWeek,
        week: `${weekYear}-W${pad(weekNo)}`,
      };
      this.days.push(day);
      this.#byIso.set(day.iso, i);
      d = d.add({ days: 1 });
    }
    this.startIdx = MARGIN_BEFORE;
    this.endIdx = this.indexOf(endDate.toString());

    let m = startDate;
    for (let i = 0; i < months; i++) {
      const first = this.indexOf(m.toString());
      const lastDate = m.with({ day: m.daysInMonth });
      this.months.push({
        key: `${m.year}-${pad(m.month)}`,
        year: m.year,
        month: m.month,
        first,
        last: this.indexOf(lastDate.toString()),
        lastFriday: this.lastFriday(m.year, m.month),
        quarter: quarterOf(m.year, m.month),
        quarterEnd: m.month % 3 === 0,
      });
      m = m.add({ months: 1 });
    }

    // Weeks whose due Monday falls in [start, end]: their Monday is 7 days earlier.
    for (let i = this.startIdx - 7; i <= this.endIdx - 7; i++) {
      const day = this.days[i];
      if (day && day.dow === 1) this.weeks.push({ key: day.week, monday: i });
    }
  }

  /** Day index of the last Friday of a month. */
  lastFriday(year: number, month: number): number {
    const first = Temporal.PlainDate.from({ year, month, day: 1 });
    const lastDate = first.with({ day: first.daysInMonth });
    const back = (lastDate.dayOfWeek - 5 + 7) % 7;
    return this.indexOf(lastDate.subtract({ days: back }).toString());
  }

  day(index: number): Day {
    const d = this.days[index];
    if (!d) throw new Error(`day index out of the timeline: ${index}`);
    return d;
  }

  indexOf(iso: string): number {
    const i = this.#byIso.get(iso);
    if (i !== undefined) return i;
    return this.#base.until(Temporal.PlainDate.from(iso), { largestUnit: 'day' }).days;
  }

  /** ISO date of any day index, also outside the table (for join dates years back). */
  isoAt(index: number): string {
    return this.days[index]?.iso ?? this.#base.add({ days: index }).toString();
  }

  /** Seconds since the table's first day, 00:00 Asia/Shanghai. */
  at(dayIndex: number, hour: number, minute: number, second = 0): number {
    return dayIndex * DAY + hour * 3600 + minute * 60 + second;
  }

  /** The last second of the covered range. */
  get endTime(): number {
    return this.at(this.endIdx, 23, 59, 59);
  }

  /** `2026-10-12T09:30:00+08:00`. */
  stamp(time: number): string {
    const dayIndex = Math.floor(time / DAY);
    let rest = time - dayIndex * DAY;
    const h = Math.floor(rest / 3600);
    rest -= h * 3600;
    const m = Math.floor(rest / 60);
    const s = rest - m * 60;
    return `${this.isoAt(dayIndex)}T${pad(h)}:${pad(m)}:${pad(s)}+08:00`;
  }

  dayOf(time: number): number {
    return Math.floor(time / DAY);
  }

  /** `HHMM` of a time, for slugs. */
  hhmm(time: number): string {
    const rest = time - Math.floor(time / DAY) * DAY;
    return `${pad(Math.floor(rest / 3600))}${pad(Math.floor((rest % 3600) / 60))}`;
  }

  monthOf(dayIndex: number): MonthInfo | undefined {
    return this.months.find((m) => m.first <= dayIndex && dayIndex <= m.last);
  }
}
