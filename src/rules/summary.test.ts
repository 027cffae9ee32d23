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
      materials: [
        '下月资金使用计划：上月 23 日 24:00 前交（销售经理）',
        '人事月报：当月 25 日 24:00 前交（主管）',
        '培训统计：当月 25 日 24:00 前交（主管）',
        '个人月度总结与计划：当月 25 日 24:00 前交（销售经理、主管、临床推广代表/业务员）',
        'KPI考核表：当月 25 日 24:00 前交（销售经理、主管、临床推广代表/业务员）',
        '季度总结与计划（PPT）：季度最后一个月 25 日 24:00 前交（销售经理、主管、临床推广代表/业务员）',
      ],
      worklogs:
        '销售经理、主管、临床推广代表/业务员、办事处每人每月一个《日工作计划与日志YYMM-姓名》，每周的日志在周六 18:00 前填齐',
      quotas: [
        '临床推广代表/业务员（未填工作方式的）：有效拜访每个工作日 3 个、每周 15 个、每月 65 个',
        '外勤推广：有效拜访每个工作日 3 个、每周 15 个、每月 65 个',
        '电话销售：电话量每个工作日 300 个；意向客户每个工作日 10 个；新客户线索每个工作日 50 个；发帖每个工作日 10 个',
      ],
      changedLater:
        '每天一行的日志在下一个工作日晨会（08:40，周一 10:00）之后再修改的，在管理区标为“事后修改”并写明时间',
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

  it('states changed quotas and materials', () => {
    const changed = {
      ...DEFAULT_POLICY,
      quotas: {
        ...DEFAULT_POLICY.quotas,
        measures: { ...DEFAULT_POLICY.quotas.measures, visits: { day: 4 } },
      },
      materials: {
        ...DEFAULT_POLICY.materials,
        funding: {
          roles: ['head'] as const,
          due: { kind: 'day-of-month' as const, day: 20, months: -1, time: '12:00' },
        },
      },
    };
    const summary = ruleSummary(changed);
    expect(summary.quotas[0]).toBe('临床推广代表/业务员（未填工作方式的）：有效拜访每个工作日 4 个');
    expect(summary.materials[0]).toBe('下月资金使用计划：上月 20 日 12:00 前交（部长）');
  });
});
