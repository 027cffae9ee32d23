import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { renderSubmission } from '../markdown/render.ts';
import {
  NOT_FILLED,
  SET_ON_SAVE,
  articleView,
  bodyHtml,
  completeFigures,
  meetingView,
  reportView,
  type Fact,
} from './preview-view.ts';
import { previewNames } from './preview-roster.ts';

const names = previewNames({
  regions: [{ id: 'east', name: '华东区' }],
  people: [
    { id: 'xuning', name: '徐宁', role: 'rep' },
    { id: 'luoxinhua', name: '罗新华', role: 'manager' },
  ],
});
const NOW = Temporal.Instant.from('2026-11-30T12:00:00Z');

/** Facts as `label：value` lines, the way a reader sees them. */
const read = (facts: readonly Fact[]) =>
  facts.map((f) => `${f.label}：${f.time ? `${f.time.text}${f.time.zone}` : (f.list?.join('、') ?? f.text)}`);

describe('articleView', () => {
  it('names the region, the author, the column and the month as the article page does', () => {
    const view = articleView(
      {
        title: '学术推广的三点体会',
        region: 'east',
        author: 'xuning',
        category: 'academic',
        submitted: '2026-10-31T17:30:00+00:00',
        tags: ['学术会议', ''],
        body: '# 会前\n\n| 项目 | 数量 |\n|---|---|\n| 讲者 | 2 |\n\n<script>alert(1)</script>',
      },
      names,
      NOW,
    );
    expect(view.title).toBe('学术推广的三点体会');
    // 17:30 UTC on the 31st is the 1st of November in Beijing: the issue and the time follow Beijing.
    expect(view.kicker).toEqual({ text: '《内刊》2026年11月', href: '/issues/2026-11/' });
    expect(read(view.facts)).toEqual([
      '作者：徐宁（临床推广代表/业务员）',
      '区域：华东区',
      '栏目：学术活动',
      '投稿时间：2026年11月1日 01:30（北京时间）',
      '标签：学术会议',
    ]);
    expect(view.facts[1]!.href).toBe('/regions/east/');
    expect(view.facts[3]!.time!.datetime).toBe('2026-11-01T01:30:00+08:00');
    expect(view.body).toContain('<h2>会前</h2>');
    expect(view.body).toContain('<td>讲者</td>');
    expect(view.body).not.toContain('script');
  });

  it('reads an empty new form without failing: 未填写, the gate’s time to come, this month', () => {
    const view = articleView({ body: '' }, names, NOW);
    expect(view.title).toBe(NOT_FILLED);
    expect(view.kicker.text).toBe('《内刊》2026年11月');
    expect(read(view.facts)).toEqual([
      `作者：${NOT_FILLED}`,
      `区域：${NOT_FILLED}`,
      `栏目：${NOT_FILLED}`,
      `投稿时间：${SET_ON_SAVE}`,
    ]);
    expect(view.body).toBe('');
  });

  it('shows an id the roster does not know as the id, as the site’s directory does', () => {
    const view = articleView({ author: 'nobody', region: 'mars' }, names, NOW);
    expect(read(view.facts).slice(0, 2)).toEqual(['作者：nobody', '区域：mars']);
  });
});

describe('bodyHtml', () => {
  it('is the build’s sanitised HTML with its headings fitted under the page’s', () => {
    expect(bodyHtml('### 小标题\n\n正文', 3)).toBe(
      renderSubmission('### 小标题\n\n正文').replace(/h4>/g, 'h3>'),
    );
    expect(bodyHtml('  \n', 2)).toBe('');
    expect(bodyHtml(undefined, 2)).toBe('');
  });
});

describe('meetingView', () => {
  it('shows a 销售沟通会 as the meeting page does, missing times as 未记录', () => {
    const view = meetingView(
      {
        title: '华东区十一月区域会',
        kind: 'regional',
        region: 'east',
        organizer: 'luoxinhua',
        start: '2026-11-20T10:00:00+08:00',
        attendees: ['徐宁', '罗新华'],
        leaders: [],
        body: '会议决定三件事。',
      },
      names,
    );
    expect(read(view.facts)).toEqual([
      '会议类型：市场区域会议',
      '所属区域：华东区',
      '组织者：罗新华（销售经理）',
      '开始时间：2026年11月20日 10:00（北京时间）',
      '会前申请：未记录',
      '备忘备案：未记录',
      '参会人员（2 人）：徐宁、罗新华',
    ]);
    expect(view.memo).toBe('<p>会议决定三件事。</p>\n');
  });

  it('shows an evening meeting’s figures and a morning meeting’s host; no region reads 全部门', () => {
    const evening = meetingView({ kind: 'evening', calls: 1200, intents: 0 }, names);
    expect(read(evening.facts)).toContain('电话量：1,200');
    expect(read(evening.facts)).toContain('意向客户数：0');
    expect(evening.facts.find((f) => f.label === '电话量')!.num).toBe(true);
    expect(read(evening.facts)).toContain('所属区域：全部门');
    expect(read(evening.facts).some((f) => f.startsWith('会前申请'))).toBe(false);
    const morning = meetingView({ kind: 'morning', organizer: 'xuning' }, names);
    expect(read(morning.facts)).toContain('主持人：徐宁（临床推广代表/业务员）');
    expect(morning.memo).toBe('');
    expect(morning.records).toEqual([]);
  });

  it('shows the 晨会记录 rows that name a person and a plan, by name, as the meeting page does', () => {
    const view = meetingView(
      {
        kind: 'morning',
        records: [
          { person: 'xuning', plan: '拜访市一医院', review: '昨日完成 3 家' },
          { person: 'luoxinhua', plan: '区域会准备' },
          { person: 'xuning' },
          { plan: '还没选人' },
        ],
      },
      names,
    );
    expect(view.records).toEqual([
      { person: 'xuning', name: '徐宁', plan: '拜访市一医院', review: '昨日完成 3 家' },
      { person: 'luoxinhua', name: '罗新华', plan: '区域会准备', review: '—' },
    ]);
  });
});

describe('reportView', () => {
  it('titles the report and tabulates its figures with achievement rates, as the report page does', () => {
    const view = reportView(
      {
        kind: 'achievement',
        author: 'luoxinhua',
        region: 'east',
        period: '2026-Q4',
        submitted: '2026-12-28T09:00:00+08:00',
        progress: '完成全年目标。',
        highlights: ['新开发两家医院'],
        figures: {
          sales: { target: 200, actual: 175 },
          coverage: { target: 0, actual: 3 },
          shipments: { target: 5 },
        },
      },
      names,
    );
    expect(view.title).toBe('罗新华的季度销售达成表：2026年第四季度');
    expect(read(view.facts)).toEqual([
      '汇报类型：季度销售达成表',
      '汇报人：罗新华（销售经理）',
      '所属区域：华东区',
      '汇报周期：2026年第四季度',
      '提交时间：2026年12月28日 09:00（北京时间）',
    ]);
    expect(view.sections.map((s) => s.title)).toEqual(['完成情况', '亮点']);
    // The half pair (shipments without actual) waits for the gate to refuse it; a zero target has no rate.
    expect(view.figures.map((r) => [r.label, r.target, r.actual, r.rate])).toEqual([
      ['布点', '0', '3', '—'],
      ['纯销', '200', '175', '87.5%'],
    ]);
  });

  it('titles a half-typed period as typed rather than failing', () => {
    const view = reportView({ kind: 'weekly', author: 'xuning', period: '2026-W' }, names);
    expect(view.title).toBe('徐宁的周报：2026-W');
    expect(read(view.facts)).toContain('汇报周期：2026-W');
    expect(read(view.facts)).toContain(`提交时间：${SET_ON_SAVE}`);
    expect(reportView({}, names).title).toBe(`${NOT_FILLED}的汇报：${NOT_FILLED}`);
  });
});

describe('completeFigures', () => {
  it('keeps the pairs with two numbers', () => {
    expect(
      completeFigures({ sales: { target: 1, actual: 2 }, coverage: { target: '1', actual: 2 }, x: 1 }),
    ).toEqual({
      sales: { target: 1, actual: 2 },
    });
    expect(completeFigures(undefined)).toEqual({});
  });
});

describe('previewNames', () => {
  it('reads ids, names and roles, and skips records without an id or a name', () => {
    const lookups = previewNames({
      regions: [{ id: 'east', name: '华东区', manager: 'luoxinhua' }, { id: 'x' }, 'garbage'],
      people: [{ id: 'xuning', name: '徐宁', role: 'rep', login: 'xn01', mobile: '13800000000' }, null],
    });
    const view = articleView({ region: 'east', author: 'xuning' }, lookups, NOW);
    expect(read(view.facts).join('\n')).toContain('华东区');
    expect(read(view.facts).join('\n')).toContain('徐宁');
    expect(read(view.facts).join('\n')).not.toContain('13800000000');
  });
});
