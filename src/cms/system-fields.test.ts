import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { worklogs } from '../model/collections/index.ts';
import { withSystemFields } from './system-fields.ts';

type Data = Record<string, unknown>;

const first = Temporal.Instant.from('2026-11-30T01:30:15Z'); // 09:30:15 in Beijing
const second = Temporal.Instant.from('2026-12-01T00:20:00Z'); // 08:20:00 the next day
const FIRST = '2026-11-30T09:30:15+08:00';
const SECOND = '2026-12-01T08:20:00+08:00';

const log = (days: Data[], extra: Data = {}): Data => ({
  person: 'xuning',
  region: 'east',
  month: '2026-11',
  days,
  ...extra,
});
const save = (data: Data, previous: Data | undefined, now: Temporal.Instant) =>
  withSystemFields(worklogs, data, previous, now, 'xuning');
const rows = (data: Data) => data.days as Data[];

describe('row times of a work log', () => {
  it('stamps a new row’s 填写时间 from the server and no 最后修改时间, whatever the browser sent', () => {
    const sent = log([
      {
        date: '2026-11-30',
        plan: '拜访市一医院',
        filed: '2026-11-01T08:00:00+08:00',
        updated: '2026-11-02T08:00:00+08:00',
      },
    ]);
    const saved = save(sent, undefined, first);
    expect(rows(saved)).toEqual([{ date: '2026-11-30', plan: '拜访市一医院', filed: FIRST }]);
    expect(saved.savedBy).toBe('xuning');
  });

  it('keeps each row’s first 填写时间 on later saves, matched by day, and stamps only the rows that changed', () => {
    const stored = save(
      log([
        { date: '2026-11-30', plan: '拜访市一医院', visits: 1, visitList: [{ customer: '市一医院' }] },
        { date: '2026-11-27', plan: '整理客户资料' },
      ]),
      undefined,
      first,
    );
    // The next morning: yesterday's completion note, an edit of an older row, a new row; rows in another order
    // and the browser's own idea of the times.
    const sent = log([
      { date: '2026-12-01', plan: '电话回访' },
      { date: '2026-11-27', plan: '整理客户资料并录入', filed: SECOND },
      {
        date: '2026-11-30',
        plan: '拜访市一医院',
        visits: 1,
        visitList: [{ customer: '市一医院', contact: '' }],
        completion: '已完成',
        updated: SECOND,
      },
    ]);
    const saved = rows(save(sent, stored, second));
    expect(saved).toEqual([
      { date: '2026-12-01', plan: '电话回访', filed: SECOND },
      { date: '2026-11-27', plan: '整理客户资料并录入', filed: FIRST, updated: SECOND },
      {
        date: '2026-11-30',
        plan: '拜访市一医院',
        visits: 1,
        visitList: [{ customer: '市一医院', contact: '' }],
        completion: '已完成',
        filed: FIRST,
      },
    ]);
    // A third save that changes nothing keeps the last change's time.
    const third = Temporal.Instant.from('2026-12-02T00:00:00Z');
    const again = rows(save({ ...log(saved) }, { ...log(saved) }, third));
    expect(again[1]).toMatchObject({ filed: FIRST, updated: SECOND });
  });

  it('counts a removed figure or a changed visit as a change, an emptied optional field left out as none', () => {
    const stored = save(log([{ date: '2026-11-30', plan: '拜访', calls: 12 }]), undefined, first);
    expect(
      rows(save(log([{ date: '2026-11-30', plan: '拜访', calls: 12, revised: '' }]), stored, second))[0],
    ).not.toHaveProperty('updated');
    expect(rows(save(log([{ date: '2026-11-30', plan: '拜访' }]), stored, second))[0]).toMatchObject({
      updated: SECOND,
    });
  });

  it('stamps every row anew when the log is moved to another person or month', () => {
    const stored = save(log([{ date: '2026-11-30', plan: '拜访' }]), undefined, first);
    const moved = save(log([{ date: '2026-11-30', plan: '拜访' }], { person: 'luoxinhua' }), stored, second);
    expect(rows(moved)[0]).toEqual({ date: '2026-11-30', plan: '拜访', filed: SECOND });
  });

  it('treats a row whose day was changed as a new row', () => {
    const stored = save(log([{ date: '2026-11-29', plan: '拜访' }]), undefined, first);
    expect(rows(save(log([{ date: '2026-11-28', plan: '拜访' }]), stored, second))[0]).toEqual({
      date: '2026-11-28',
      plan: '拜访',
      filed: SECOND,
    });
  });
});
