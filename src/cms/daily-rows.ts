/**
 * Lists of one row a day (a work log's `days`, `row_key: date` in the config, src/model/cms.ts) on a phone:
 * the common case is a rep adding today's row, so the form must open on it without scrolling through the
 * month. The config already puts new rows on top (`add_to_top`) and the files store the latest day first
 * (src/cms/files.ts); this module subclasses Decap's own list control (registered again under `list`, as
 * src/cms/pickers.ts does for pickers) for the two things no option says:
 *
 * - every row starts collapsed to its summary except today's (Decap collapses all or none);
 * - a new row's day is today in Beijing, whatever the phone's time zone, unless today already has a row; in a
 *   past month's log (just after midnight on the 1st, the last evening's row) it is the month's last day.
 *
 * Lists without `row_key` (a visit list, the roster) behave exactly as Decap's.
 */
import { Temporal } from 'temporal-polyfill';
import { inShanghai } from '../model/time.ts';
import type { ControlClass } from './pickers.ts';

/** What Decap's list control is given and keeps, as far as this module reads it (Immutable.js values). */
interface Row {
  get(key: string): unknown;
}
interface ListInternals {
  props: {
    field: { get(key: string, fallback?: unknown): unknown };
    value?: { toArray(): unknown[] } | null;
    /** The entry being edited (Decap passes it to every control): where the log's month is. */
    entry?: { getIn(path: string[]): unknown };
  };
  state: { itemsCollapsed: boolean[] };
  multipleDefault: (fields: unknown) => Record<string, unknown>;
}

/** The key of a row (its day), or undefined. */
const keyOf = (row: unknown, key: string): unknown =>
  typeof row === 'object' && row !== null && 'get' in row ? (row as Row).get(key) : undefined;

/** Which rows start collapsed: all but the one of `today`. */
export function collapsedRows(rows: readonly unknown[], key: string, today: string): boolean[] {
  return rows.map((row) => keyOf(row, key) !== today);
}

/**
 * The day a new row gets: today when it lies in the log's `month` (or no month is known), the month's last day in
 * a past month's log, nothing in a future month's; and nothing when that day has a row already.
 */
export function newRowDay(
  rows: readonly unknown[],
  key: string,
  today: string,
  month?: unknown,
): string | undefined {
  let day: string | undefined = today;
  if (typeof month === 'string' && /^\d{4}-\d{2}$/.test(month) && !today.startsWith(`${month}-`)) {
    const ym = Temporal.PlainYearMonth.from(month);
    day = month < today ? ym.toPlainDate({ day: ym.daysInMonth }).toString() : undefined;
  }
  return day !== undefined && !rows.some((row) => keyOf(row, key) === day) ? day : undefined;
}

/** A new row's values: Decap's defaults, with the day `newRowDay` gives. */
export function newRow(
  defaults: Record<string, unknown>,
  rows: readonly unknown[],
  key: string,
  today: string,
  month?: unknown,
): Record<string, unknown> {
  const day = newRowDay(rows, key, today, month);
  return day === undefined ? defaults : { ...defaults, [key]: day };
}

/** `List` (Decap's list control) with rows of a day; `today` gives the Beijing date, `2026-11-30`. */
export function withDailyRows<C extends ControlClass>(List: C, today: () => string): C {
  return class extends List {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's constructor (see ControlClass)
    constructor(...args: any[]) {
      super(...args);
      const self = this as unknown as ListInternals;
      const key = self.props.field.get('row_key');
      if (typeof key !== 'string') return;
      const rows = () => self.props.value?.toArray() ?? [];
      self.state = { ...self.state, itemsCollapsed: collapsedRows(rows(), key, today()) };
      const within = self.props.field.get('row_within');
      // Read when the row is added: the month may have been typed after the form opened.
      const month = () =>
        typeof within === 'string' ? self.props.entry?.getIn(['data', within]) : undefined;
      const defaults = self.multipleDefault;
      self.multipleDefault = (fields) => newRow(defaults(fields), rows(), key, today(), month());
    }
  };
}

/** The parts of `window.CMS` used here. */
export interface DailyRowsCms {
  getWidget(name: string): { control: ControlClass; preview?: unknown; schema?: unknown } | undefined;
  registerWidget(name: string, control: ControlClass, preview?: unknown, schema?: unknown): void;
}

/** Today in Beijing, `2026-11-30`. */
const beijingToday = () => inShanghai(Temporal.Now.instant()).toPlainDate().toString();

/** Registers the list control with rows of a day; call before `CMS.init()`. */
export function registerDailyRows(cms: DailyRowsCms, today: () => string = beijingToday): void {
  const list = cms.getWidget('list');
  if (list) cms.registerWidget('list', withDailyRows(list.control, today), list.preview, list.schema);
}
