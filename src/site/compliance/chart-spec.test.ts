import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { article, makeContent, meeting, REGIONS } from '../../../test/support/fixtures.ts';
import { complianceSeries, regionSeries } from '../../rules/series.ts';
import { chartRows, departmentChart, PALETTE, regionChart, REQUIRED_COLOR } from './chart-spec.ts';

const ok = { applied: '2026-10-01T09:00:00+08:00', filed: '2026-12-01T09:00:00+08:00' };
const content = makeContent({
  articles: [
    article('east', '2026-11-02T09:00:00+08:00'),
    article('east', '2026-11-03T09:00:00+08:00'),
    article('south', '2026-10-31T16:00:00Z'),
  ],
  meetings: [
    meeting('east', '2026-11-10T14:00:00+08:00', ok),
    meeting('east', '2026-11-11T14:00:00+08:00'),
    meeting('south', '2026-10-10T14:00:00+08:00', ok),
  ],
});
const series = complianceSeries(content, { asOf: Temporal.Instant.from('2026-11-25T18:00:00+08:00') });

describe('departmentChart', () => {
  it('has one bar series per region, in the order given, over the twelve months', () => {
    const spec = departmentChart(series, REGIONS, 'articles');
    expect(spec.labels).toHaveLength(12);
    expect(spec.labels[0]).toBe('2025年12月');
    expect(spec.labels.at(-1)).toBe('11月');
    expect(spec.bars.map((b) => b.label)).toEqual(['华南区', '华东区']);
    expect(spec.bars.map((b) => b.color)).toEqual([PALETTE[0], PALETTE[1]]);
    expect(spec.bars[1]!.values.at(-1)).toBe(2);
    // 16:00 UTC on 31 October is November in Beijing.
    expect(spec.bars[0]!.values.slice(-2)).toEqual([0, 1]);
    expect(spec.required).toEqual({ label: '每月要求（1）', value: 1, color: REQUIRED_COLOR });
    expect(spec.yTitle).toBe('投稿（篇）');
  });

  it('charts qualifying meetings, the number the rule compares', () => {
    const spec = departmentChart(series, REGIONS, 'meetings');
    expect(spec.bars[1]!.values.at(-1)).toBe(1);
    expect(spec.bars[0]!.values.at(-2)).toBe(1);
    expect(spec.yTitle).toBe('合格沟通会（场）');
  });

  it('reuses colours when there are more regions than colours', () => {
    const many = Array.from({ length: PALETTE.length + 1 }, (_, i) => ({ id: `r${i}`, name: `区${i}` }));
    expect(departmentChart(series, many, 'articles').bars.at(-1)!.color).toBe(PALETTE[0]);
  });
});

describe('regionChart and its table', () => {
  it('gives articles, meetings and qualifying meetings, and the table repeats exactly those numbers', () => {
    const spec = regionChart(regionSeries(series, 'east'));
    expect(spec.bars.map((b) => b.label)).toEqual(['内刊投稿（篇）', '销售沟通会（场）', '其中合格（场）']);
    const rows = chartRows(spec);
    expect(rows).toHaveLength(12);
    expect(rows.at(-1)).toEqual({ label: '11月', values: [2, 2, 1, 1] });
    for (const [i, row] of rows.entries()) {
      expect(row.values).toEqual([...spec.bars.map((b) => b.values[i]), spec.required.value]);
    }
  });

  it('survives an empty series', () => {
    expect(regionChart([])).toMatchObject({ labels: [], required: { value: 0 } });
    expect(departmentChart([], REGIONS, 'articles').required.value).toBe(0);
  });
});
