import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { FILE_KEYS } from '../model/cms.ts';
import { fileName, prepareSave } from './save.ts';

/** 01:30:15 UTC = 09:30:15 in Beijing: the date differs from UTC's only before 08:00. */
const NOW = Temporal.Instant.from('2026-10-12T01:30:15Z');
const EARLY = Temporal.Instant.from('2026-12-31T16:05:09Z');

const article = {
  title: '华东区学术推广的三点体会',
  region: 'east',
  author: 'luoxinhua',
  category: 'academic',
  body: '## 一、会前准备\n\n- 提前确认讲者',
};

describe('a new entry', () => {
  it('gets its submitted time from the system, in Beijing time with +08:00, whatever the machine zone', () => {
    const { set, problems } = prepareSave('articles', article, true, NOW);
    expect(set.submitted).toBe('2026-10-12T09:30:15+08:00');
    expect(problems).toEqual([]);
  });

  it('gets an ASCII file name of Beijing date, person and time to the second, filed by Beijing year', () => {
    const { set } = prepareSave('articles', article, true, EARLY);
    expect(set[FILE_KEYS.slug]).toBe('2027-01-01-luoxinhua-000509');
    expect(set[FILE_KEYS.year]).toBe('2027');
    expect(fileName('zhangwei', NOW)).toEqual({ slug: '2026-10-12-zhangwei-093015', year: '2026' });
  });

  it('gets a name of its own even when another came in the same minute', () => {
    const later = NOW.add({ seconds: 20 });
    expect(fileName('zhangwei', later).slug).not.toBe(fileName('zhangwei', NOW).slug);
  });

  it('is named after the organiser for meetings', () => {
    const meeting = {
      title: '华东区十月市场区域会议',
      kind: 'regional',
      region: 'east',
      organizer: 'luoxinhua',
      start: '2026-10-20T13:30:00+08:00',
    };
    const { set, problems } = prepareSave('meetings', meeting, true, NOW);
    expect(set[FILE_KEYS.slug]).toBe('2026-10-12-luoxinhua-093015');
    expect(set.submitted).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('duplicated from an old one still gets a new submitted time (R16)', () => {
    const { set } = prepareSave(
      'articles',
      { ...article, submitted: '2025-01-01T08:00:00+08:00' },
      true,
      NOW,
    );
    expect(set.submitted).toBe('2026-10-12T09:30:15+08:00');
  });
});

describe('an edited entry', () => {
  it('keeps its submitted time and its file', () => {
    const { set } = prepareSave(
      'articles',
      { ...article, submitted: '2026-10-01T08:00:00+08:00' },
      false,
      NOW,
    );
    expect(set).toEqual({});
  });
});

describe('the check before saving', () => {
  const weekly = {
    kind: 'weekly',
    author: 'luoxinhua',
    region: 'east',
    submitted: '2026-01-05T11:00:00+08:00',
  };

  it('refuses what a pattern cannot: a week 53 in a year of 52 weeks', () => {
    const { problems } = prepareSave('reports', { ...weekly, period: '2025-W53' }, false, NOW);
    expect(problems).toEqual(['period（汇报周期）：ISO 周 “2025-W53” 不存在']);
  });

  it('refuses a period of another kind, a missing region of a 销售沟通会, half a figure', () => {
    expect(prepareSave('reports', { ...weekly, period: '2026-10' }, false, NOW).problems).toEqual([
      'period（汇报周期）：“2026-10” 应为ISO 周，如 2026-W42',
    ]);
    const meeting = { title: '十月会议', kind: 'office', organizer: 'x', start: '2026-10-20T13:30:00+08:00' };
    expect(prepareSave('meetings', meeting, false, NOW).problems).toEqual([
      'region（所属区域）：会议类型为办事处会议时必填',
    ]);
    const achievement = {
      ...weekly,
      kind: 'achievement',
      period: '2026-Q4',
      figures: { sales: { target: 1 } },
    };
    expect(prepareSave('reports', achievement, false, NOW).problems).toEqual(
      expect.arrayContaining(['figures.sales.actual（销售数据 › 纯销 › 实际）：缺少必填字段']),
    );
  });

  it('checks every person of the roster, and a leaving date before the joining date', () => {
    const roster = {
      people: [
        { id: 'a', name: '甲乙', role: 'head', joined: '2026-01-01' },
        { id: 'b', name: '丙丁', role: 'rep', joined: '2026-02-01', left: '2026-01-01' },
      ],
    };
    expect(prepareSave('people', roster, false, NOW).problems).toEqual([
      '1.region（第 2 项 › 所属区域）：角色为临床推广代表/业务员时必填',
      '1.left（第 2 项 › 离职日期）：不能早于入职日期（2026-02-01）',
    ]);
  });

  it('ignores fields left empty in the form, as the written file will', () => {
    const { problems } = prepareSave('articles', { ...article, summary: '', tags: [], cover: '' }, true, NOW);
    expect(problems).toEqual([]);
  });
});
