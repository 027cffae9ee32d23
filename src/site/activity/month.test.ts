import { describe, expect, it } from 'vitest';
import { activityRow, PEOPLE, REGIONS } from '../../../test/support/fixtures.ts';
import { chartRows, REQUIRED_COLOR } from '../compliance/chart-spec.ts';
import { dayLabel, personChart, regionBlocks, shortWeekLabel } from './month.ts';

const row = activityRow;

const rows = [
  row({
    count: 70,
    status: 'met',
    changedLater: [{ date: '2026-11-03', updated: '2026-11-05T09:00:00+08:00' }],
  }),
  row({ scope: 'week', period: '2026-W45', count: 14, required: 15 }),
  row({ scope: 'week', period: '2026-W46', count: 16, required: 15, status: 'met' }),
  row({
    measure: 'calls',
    required: 6000,
    count: 10,
    changedLater: [{ date: '2026-11-03', updated: '2026-11-05T09:00:00+08:00' }],
  }),
  row({ person: 'zhangwei', count: 20, required: 39, daysMissing: ['2026-11-02'] }),
  row({ person: 'zhangwei', scope: 'week', period: '2026-W46', count: 3, required: 15 }),
  row({ person: 'lina', region: 'south', scope: 'week', period: '2026-W45', count: 1, required: 15 }),
  row({ person: 'lina', region: 'south', count: 40 }),
];

describe('regionBlocks', () => {
  const blocks = regionBlocks(rows, REGIONS, PEOPLE);

  it('keeps the regions’ order and the model’s order of measures, people as the export lists them', () => {
    expect(blocks.map((b) => b.region.id)).toEqual(['south', 'east']);
    const east = blocks[1]!;
    expect(east.measures.map((m) => m.measure)).toEqual(['visits', 'calls']);
    expect(east.measures[0]!.lines.map((l) => [l.person, l.name, l.month.count])).toEqual([
      ['wangfang', '测试wangfang', 70],
      ['zhangwei', '测试zhangwei', 20],
    ]);
  });

  it('lines up each person’s weeks under the measure’s weeks, leaving a gap where a week has no row', () => {
    const visits = blocks[1]!.measures[0]!;
    expect(visits.weeks).toEqual(['2026-W45', '2026-W46']);
    expect(visits.lines[0]!.weeks.map((w) => w?.count)).toEqual([14, 16]);
    expect(visits.lines[1]!.weeks.map((w) => w?.count)).toEqual([undefined, 3]);
    // Weeks of another region do not show up here.
    expect(blocks[0]!.measures[0]!.weeks).toEqual(['2026-W45']);
  });

  it('lists a changed day once, however many measures carry it', () => {
    expect(blocks[1]!.changedLater).toEqual([
      {
        person: 'wangfang',
        name: '测试wangfang',
        measure: 'visits',
        date: '2026-11-03',
        updated: '2026-11-05T09:00:00+08:00',
      },
    ]);
    expect(blocks[0]!.changedLater).toEqual([]);
  });

  it('keeps a region without quota rows, with no measures', () => {
    const only = regionBlocks(
      rows.filter((r) => r.region === 'east'),
      REGIONS,
      PEOPLE,
    );
    expect(only[0]!.measures).toEqual([]);
  });
});

describe('personChart', () => {
  it('draws each person’s month count against their own requirement, and its table says the same', () => {
    const spec = personChart(regionBlocks(rows, REGIONS, PEOPLE)[1]!.measures[0]!);
    expect(spec.labels).toEqual(['测试wangfang', '测试zhangwei']);
    expect(spec.bars.map((b) => b.values)).toEqual([[70, 20]]);
    expect(spec.required).toMatchObject({ values: [65, 39], color: REQUIRED_COLOR });
    expect(chartRows(spec)).toEqual([
      { label: '测试wangfang', values: [70, 65] },
      { label: '测试zhangwei', values: [20, 39] },
    ]);
  });
});

describe('labels', () => {
  it('names days and weeks briefly', () => {
    expect(dayLabel('2026-11-03')).toBe('11月3日');
    expect(shortWeekLabel('2026-W05')).toBe('第5周');
  });
});
