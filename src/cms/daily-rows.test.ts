import { describe, expect, it } from 'vitest';
import { cmsField } from '../model/cms.ts';
import { calendar, meetings, worklogs } from '../model/collections/index.ts';
import { formatter } from './files.ts';
import { collapsedRows, newRow, newRowDay, withDailyRows } from './daily-rows.ts';

/** An Immutable.js Map as far as the list control reads rows and its field. */
const map = (data: Record<string, unknown>) => ({
  get: (key: string, fallback?: unknown) => data[key] ?? fallback,
});
const rows = (...dates: string[]) => dates.map((date) => map({ date, plan: '拜访' }));
const TODAY = '2026-11-30';

/** What Decap 3.16's ListControl does in its constructor that the subclass builds on. */
class FakeList {
  props: {
    field: ReturnType<typeof map>;
    value: { toArray(): unknown[] };
    entry?: { getIn(path: string[]): unknown };
  };
  state: { itemsCollapsed: boolean[]; other: string };
  multipleDefault = (): Record<string, unknown> => ({ calls: 0 });
  constructor(props: FakeList['props']) {
    this.props = props;
    this.state = { itemsCollapsed: props.value.toArray().map(() => true), other: 'kept' };
  }
  render(): unknown {
    return null;
  }
}

describe('lists of one row a day', () => {
  it('are configured from the model: new rows on top, collapsed to their day and plan', () => {
    const days = worklogs.fields.find((f) => f.name === 'days')!;
    expect(cmsField(days)).toMatchObject({
      widget: 'list',
      row_key: 'date',
      row_within: 'month',
      add_to_top: true,
      collapsed: true,
      summary: '{{fields.date}} · {{fields.plan | truncate(24)}}',
    });
    const visits = days.type === 'objects' ? days.fields.find((f) => f.name === 'visitList')! : undefined;
    expect(cmsField(visits!)).not.toHaveProperty('row_key');
    // Keyed by person, not by day: a 晨会记录 list stays as Decap has it, in the order written.
    const records = meetings.fields.find((f) => f.name === 'records')!;
    expect(cmsField(records)).not.toHaveProperty('add_to_top');
    // Keyed by date but not a diary of a period: the calendar's 调休 workdays stay in the order written.
    const workdays = calendar.fields.find((f) => f.name === 'workdays')!;
    expect(cmsField(workdays)).not.toHaveProperty('row_key');
  });

  it('are stored latest day first; lists keyed otherwise keep their order', () => {
    const log = {
      person: 'xuning',
      region: 'east',
      month: '2026-11',
      days: [{ date: '2026-11-02' }, { date: '2026-11-30' }, { date: '2026-11-10' }],
    };
    const days = formatter(worklogs)
      .toFile(log)
      .match(/date: '[\d-]+'/g);
    expect(days).toEqual(["date: '2026-11-30'", "date: '2026-11-10'", "date: '2026-11-02'"]);
    const meeting = {
      records: [
        { person: 'xuning', plan: '甲' },
        { person: 'zhangxin', plan: '乙' },
        { person: 'luoxinhua', plan: '丙' },
      ],
    };
    expect(
      formatter(meetings)
        .toFile(meeting)
        .match(/person: \w+/g),
    ).toEqual(['person: xuning', 'person: zhangxin', 'person: luoxinhua']);
  });

  it('open only today’s row', () => {
    expect(collapsedRows(rows(TODAY, '2026-11-27', '2026-11-26'), 'date', TODAY)).toEqual([
      false,
      true,
      true,
    ]);
    expect(collapsedRows(rows('2026-11-27'), 'date', TODAY)).toEqual([true]);
  });

  it('date a new row today unless today has a row already', () => {
    expect(newRow({ calls: 0 }, rows('2026-11-27'), 'date', TODAY)).toEqual({ calls: 0, date: TODAY });
    expect(newRow({}, rows(TODAY), 'date', TODAY)).toEqual({});
    expect(newRowDay(rows('2026-11-27'), 'date', TODAY, '2026-11')).toBe(TODAY);
  });

  it('date a new row of a past month’s log its last day: just after midnight, last evening’s row', () => {
    // 00:30 on 1 December in Beijing, November's log still open on the phone.
    expect(newRowDay(rows('2026-11-27'), 'date', '2026-12-01', '2026-11')).toBe('2026-11-30');
    expect(newRowDay(rows('2026-11-30'), 'date', '2026-12-01', '2026-11')).toBeUndefined();
    expect(newRowDay([], 'date', '2027-03-01', '2027-02')).toBe('2027-02-28');
    // A month not yet begun has no day to offer; a month still being typed (2026-1) is no month yet.
    expect(newRowDay([], 'date', TODAY, '2026-12')).toBeUndefined();
    expect(newRowDay([], 'date', TODAY, '2026-1')).toBe(TODAY);
  });

  it('change Decap’s control only for lists with a row key', () => {
    const Daily = withDailyRows(FakeList, () => TODAY);
    const value = { toArray: () => rows('2026-11-27', TODAY) };
    const daily = new Daily({ field: map({ row_key: 'date' }), value }) as unknown as FakeList;
    expect(daily.state).toEqual({ itemsCollapsed: [true, false], other: 'kept' });
    expect(daily.multipleDefault()).toEqual({ calls: 0 });
    const empty = new Daily({
      field: map({ row_key: 'date' }),
      value: { toArray: () => [] },
    }) as unknown as FakeList;
    expect(empty.multipleDefault()).toEqual({ calls: 0, date: TODAY });
    const inLog = (month: string) =>
      new Daily({
        field: map({ row_key: 'date', row_within: 'month' }),
        value: { toArray: () => [] },
        entry: { getIn: (path: string[]) => (path.join('.') === 'data.month' ? month : undefined) },
      }) as unknown as FakeList;
    expect(inLog('2026-11').multipleDefault()).toEqual({ calls: 0, date: TODAY });
    expect(inLog('2026-10').multipleDefault()).toEqual({ calls: 0, date: '2026-10-31' });
    const plain = new Daily({ field: map({}), value }) as unknown as FakeList;
    expect(plain.state.itemsCollapsed).toEqual([true, true]);
    expect(plain.multipleDefault()).toEqual({ calls: 0 });
  });
});
