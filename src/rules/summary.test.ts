import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy.ts';
import { ruleSummary } from './summary.ts';

describe('ruleSummary', () => {
  it('states the department’s rules with the policy’s own numbers', () => {
    expect(ruleSummary(DEFAULT_POLICY)).toEqual({
      articles: '每个区域每月至少 1 篇，按投稿时间计入当月',
      meetings:
        '每个区域每月至少 1 次合格的市场区域会议或办事处会议：开会前已申请、开会后备忘已备案，按开会时间计入当月',
      weekly: '周期结束后的周一 12:00 前交',
      monthly: '月例会的前 2 天 24:00 前交',
      quarterly: '季度例会的前 3 天 24:00 前交（季度销售达成表同）',
      meetingsCalendar: '月例会：每月最后一个周五 13:30；季度例会：季度最后一个月的最后一个周五 13:30',
      who: '销售经理',
    });
  });

  it('follows a changed policy', () => {
    const changed = {
      ...DEFAULT_POLICY,
      articles: { required: 2 },
      reports: {
        roles: ['manager', 'supervisor'] as const,
        due: { weekly: DEFAULT_POLICY.reports.due.weekly! },
      },
    };
    const summary = ruleSummary(changed);
    expect(summary.articles).toContain('至少 2 篇');
    expect(summary.who).toBe('销售经理、主管');
    expect(summary.monthly).toBe('不统计');
    expect(summary.quarterly).toBe('不统计');
  });
});
