/**
 * China's public holidays and 调休 workdays of 2025 and 2026 as the State Council's notices set them
 * (国办发明电〔2024〕12号 for 2025; the 2026 notice), written into the sample's org/calendar.yaml and used for the
 * work logs' working days. Years without a notice here have plain Monday–Friday weeks.
 */

export interface Holiday {
  from: string;
  to: string;
  name: string;
}

export interface Workday {
  date: string;
  name: string;
}

export const HOLIDAYS: readonly Holiday[] = [
  { from: '2025-01-01', to: '2025-01-01', name: '元旦' },
  { from: '2025-01-28', to: '2025-02-04', name: '春节' },
  { from: '2025-04-04', to: '2025-04-06', name: '清明节' },
  { from: '2025-05-01', to: '2025-05-05', name: '劳动节' },
  { from: '2025-05-31', to: '2025-06-02', name: '端午节' },
  { from: '2025-10-01', to: '2025-10-08', name: '国庆节、中秋节' },
  { from: '2026-01-01', to: '2026-01-03', name: '元旦' },
  { from: '2026-02-15', to: '2026-02-23', name: '春节' },
  { from: '2026-04-04', to: '2026-04-06', name: '清明节' },
  { from: '2026-05-01', to: '2026-05-05', name: '劳动节' },
  { from: '2026-06-19', to: '2026-06-21', name: '端午节' },
  { from: '2026-09-25', to: '2026-09-27', name: '中秋节' },
  { from: '2026-10-01', to: '2026-10-07', name: '国庆节' },
];

export const WORKDAYS: readonly Workday[] = [
  { date: '2025-01-26', name: '春节调休' },
  { date: '2025-02-08', name: '春节调休' },
  { date: '2025-04-27', name: '劳动节调休' },
  { date: '2025-09-28', name: '国庆节调休' },
  { date: '2025-10-11', name: '国庆节调休' },
  { date: '2026-01-04', name: '元旦调休' },
  { date: '2026-02-14', name: '春节调休' },
  { date: '2026-02-28', name: '春节调休' },
  { date: '2026-05-09', name: '劳动节调休' },
  { date: '2026-09-20', name: '国庆节调休' },
  { date: '2026-10-10', name: '国庆节调休' },
];

/** Working days by ISO date: Monday–Friday outside the holidays, plus the 调休 workdays. */
export class WorkCalendar {
  readonly #off = new Set<string>();
  readonly #on: Set<string>;

  constructor(holidays: readonly Holiday[] = HOLIDAYS, workdays: readonly Workday[] = WORKDAYS) {
    for (const h of holidays) {
      // ISO dates compare as strings; walking by Date.UTC keeps the machine's zone out of it.
      for (let t = Date.parse(`${h.from}T00:00:00Z`); t <= Date.parse(`${h.to}T00:00:00Z`); t += 86_400_000)
        this.#off.add(new Date(t).toISOString().slice(0, 10));
    }
    this.#on = new Set(workdays.map((w) => w.date));
  }

  isHoliday(iso: string): boolean {
    return this.#off.has(iso);
  }

  /** `dow`: 1 = Monday … 7 = Sunday. */
  isWorking(iso: string, dow: number): boolean {
    if (this.#on.has(iso)) return true;
    return dow <= 5 && !this.#off.has(iso);
  }
}
