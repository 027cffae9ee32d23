import { describe, expect, it } from 'vitest';
import type { ReportKind } from '../model/options.ts';
import {
  groupReports,
  periodGroupKey,
  periodGroupLabel,
  reportKindLabel,
  reportSections,
  reportTitle,
} from './reports.ts';

const report = (id: string, kind: ReportKind, period: string, region = 'east', author = 'zhangwei') => ({
  id,
  data: { kind, period, region, author, submitted: '2026-10-12T09:30:00+08:00' },
});

describe('period groups', () => {
  it('puts days, weeks (by their Monday) and months in a month, quarters in their quarter', () => {
    expect(periodGroupKey('daily', '2026-10-31')).toBe('2026-10');
    expect(periodGroupKey('weekly', '2026-W44')).toBe('2026-10');
    expect(periodGroupKey('weekly', '2026-W45')).toBe('2026-11');
    expect(periodGroupKey('weekly', '2026-W01')).toBe('2025-12');
    expect(periodGroupKey('monthly', '2026-10')).toBe('2026-10');
    expect(periodGroupKey('quarterly', '2026-Q4')).toBe('2026-Q4');
    expect(periodGroupKey('achievement', '2026-Q3')).toBe('2026-Q3');
  });

  it('labels groups in Chinese', () => {
    expect(periodGroupLabel('2026-10')).toBe('2026年10月');
    expect(periodGroupLabel('2026-Q4')).toBe('2026年第四季度');
    expect(reportKindLabel('achievement')).toBe('季度销售达成表');
  });

  it('titles a report after its author, kind and period', () => {
    expect(reportTitle('张伟', 'weekly', '2026-W42')).toBe('张伟的周报：2026年第42周（10月12日–18日）');
    expect(reportTitle('李娜', 'achievement', '2026-Q4')).toBe('李娜的季度销售达成表：2026年第四季度');
  });
});

describe('groupReports', () => {
  it('groups by kind in model order, then by period group newest first', () => {
    const reports = [
      report('w42-south', 'weekly', '2026-W42', 'south', 'lina'),
      report('q4', 'quarterly', '2026-Q4'),
      report('w42-east', 'weekly', '2026-W42'),
      report('w45', 'weekly', '2026-W45'),
      report('m10', 'monthly', '2026-10'),
      report('w41', 'weekly', '2026-W41'),
      report('ach', 'achievement', '2026-Q3'),
    ];
    const grouped = groupReports(reports).map((k) => [
      k.label,
      k.groups.map((g) => [g.label, g.items.map((r) => r.id)]),
    ]);
    expect(groupReports(reports).map((k) => k.count)).toEqual([4, 1, 1, 1]);
    expect(grouped).toEqual([
      [
        '周报',
        [
          ['2026年11月', ['w45']],
          ['2026年10月', ['w42-east', 'w42-south', 'w41']],
        ],
      ],
      ['月报', [['2026年10月', ['m10']]]],
      ['季报', [['2026年第四季度', ['q4']]]],
      ['季度销售达成表', [['2026年第三季度', ['ach']]]],
    ]);
  });
});

describe('reportSections', () => {
  it('lists the R9 sections that are filled in, in order', () => {
    const sections = reportSections({
      plan: '拜访 15 家医院。',
      progress: '  完成 80%。 ',
      highlights: ['新开发两家医院'],
      problems: [],
      support: '',
    });
    expect(sections).toEqual([
      { title: '完成情况', text: '完成 80%。' },
      { title: '亮点', points: ['新开发两家医院'] },
      { title: '下期计划', text: '拜访 15 家医院。' },
    ]);
  });

  it('is empty for a report without sections', () => {
    expect(reportSections({})).toEqual([]);
  });
});

describe('report order within a period', () => {
  it('compares submitted times as instants, whatever their offsets', () => {
    const report = (id: string, submitted: string) => ({
      id,
      data: { kind: 'weekly' as const, period: '2026-W42', region: 'east', author: 'zhangwei', submitted },
    });
    // 02:00Z is 10:00 in Beijing: later than 09:00+08:00 although it sorts first as text.
    const later = report('a', '2026-10-19T02:00:00Z');
    const earlier = report('b', '2026-10-19T09:00:00+08:00');
    const [kind] = groupReports([later, earlier]);
    expect(kind!.groups[0]!.items.map((r) => r.id)).toEqual(['b', 'a']);
  });
});
