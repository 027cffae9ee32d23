/**
 * The required monthly and quarterly materials (第五篇 二): the managers' 下月资金使用计划 by the 23rd, the
 * supervisors' 人事月报 and 培训统计, everyone's 个人月度总结与计划 and KPI考核表 by the 25th, and the quarter's
 * 季度总结与计划（PPT）by the 25th of its last month. Mostly on time, some late, a few missing. Each report draws
 * from a stream of its own.
 */
import { writerFor } from './articles.ts';
import { HIGHLIGHTS, PLANS, PROBLEMS } from './corpus/report-text.ts';
import { TRAINING_TOPICS } from './corpus/meeting-text.ts';
import { table } from './markdown.ts';
import type { ReportText } from './report-body.ts';
import { renderReport } from './reports.ts';
import type { Rng } from './random.ts';
import { DAY, type MonthInfo } from './timeline.ts';
import type { Ctx, Entry, Person, Role } from './types.ts';
import type { Writer } from './text.ts';
import { DEFAULT_POLICY, type MaterialKind } from '../../src/rules/policy.ts';

const roles = (kind: MaterialKind): readonly Role[] => DEFAULT_POLICY.materials[kind].roles;

const MISSING = 0.03;
const LATE = 0.08;

const pad = (n: number) => String(n).padStart(2, '0');

function some(w: Writer, pool: readonly string[], min: number, max: number): string[] {
  return w.rng.sample(pool, w.rng.int(min, max)).map((t) => w.fill(t));
}

type Text = ReportText;

function funding(w: Writer): Text {
  const r = w.rng;
  const items = [
    ['学术会议费', '科室会与城市会'],
    ['差旅费', '外出拜访与协访'],
    ['业务招待费', '重点客户沟通'],
    ['市场推广费', '患者教育与宣传资料'],
    ['办公费', '资料印刷与快递'],
  ];
  const rows = items.map(([item, why]) => [item ?? '', String(r.int(2, 60) * 500), why ?? '']);
  const total = rows.reduce((sum, row) => sum + Number(row[1]), 0);
  return {
    plan: w.fill('[下月|下个月][重点|主要][用于|投入]{hospX}[科室会|学术活动]和[新医院|空白网点]开发。'),
    body: `${table(['费用项目', '预算（元）', '说明'], rows, [false, true, false])}\n\n合计 ${total} 元。`,
  };
}

function hr(w: Writer, staff: { start: number; joined: number; left: number; end: number }): Text {
  const rows = [
    ['月初在岗', String(staff.start)],
    ['本月入职', String(staff.joined)],
    ['本月离职', String(staff.left)],
    ['月末在岗', String(staff.end)],
  ];
  return {
    progress: w.fill('[本月|{mon}][人员|队伍][基本|总体]稳定，[新人|新同事][培训|带教][按计划|正常]进行。'),
    body: table(['项目', '人数'], rows, [false, true]),
  };
}

function training(w: Writer, month: MonthInfo): Text {
  const r = w.rng;
  const rows = Array.from({ length: r.int(2, 4) }, () => [
    `${month.month}月${r.int(1, 28)}日`,
    r.pick(TRAINING_TOPICS),
    String(r.int(6, 40)),
    String(r.int(1, 4)),
  ]);
  return { body: table(['日期', '培训主题', '参加人数', '学时'], rows, [false, false, true, true]) };
}

function summary(w: Writer): Text {
  return {
    progress: w.fill('[本月|{mon}][主要|重点]工作[基本|大部分]完成，{hospX}{progress}。'),
    highlights: some(w, HIGHLIGHTS, 1, 2),
    problems: some(w, PROBLEMS, 1, 2),
    plan: some(w, PLANS, 1, 2).join(''),
    body: w.fill('[下月|下个月][继续|重点][跟进|开发]{hospX}，[争取|力争][完成|达成]月度目标。'),
  };
}

/** The KPI sheet: the measures the person is held to, target against actual. */
function kpi(w: Writer, person: Person, visits: number | undefined): Text {
  const r = w.rng;
  const rows: string[][] = [];
  if (person.team === 'telesales') {
    rows.push(['电话量', '40%', '6600', String(r.int(5600, 7600))]);
    rows.push(['意向客户', '30%', '220', String(r.int(170, 290))]);
  } else if (person.role === 'rep') {
    rows.push(['有效拜访', '40%', '65', String(visits ?? r.int(50, 90))]);
    rows.push(['新开发客户', '30%', '2', String(r.int(0, 4))]);
  } else {
    rows.push(['区域回款达成', '40%', '100%', `${r.int(72, 112)}%`]);
    rows.push(['日志审核及时率', '30%', '100%', `${r.int(80, 100)}%`]);
  }
  rows.push(['工作日志及时', '15%', '100%', `${r.int(75, 100)}%`]);
  rows.push(['内刊与会议', '15%', '达标', r.chance(0.85) ? '达标' : '未达标']);
  return { body: table(['KPI项目', '权重', '目标', '实际'], rows, [false, true, true, true]) };
}

function quarterSummary(w: Writer, quarter: string): Text {
  const slides = [
    `## 第1页 ${quarter} 工作回顾\n\n${w.fill('[本季度|季度内][主要|重点]工作[基本|大部分]完成，{hospX}{progress}。')}`,
    `## 第2页 亮点与不足\n\n${some(w, HIGHLIGHTS, 1, 2)
      .map((h) => `- ${h}`)
      .join('\n')}`,
    `## 第3页 下季度计划\n\n${some(w, PLANS, 1, 2).join('')}`,
  ];
  return { body: slides.join('\n\n') };
}

/** The time a material is filed: before `due`, late, or undefined (missing). */
function submission(rng: Rng, due: number): number | undefined {
  const x = rng.next();
  if (x < MISSING) return undefined;
  if (x < MISSING + LATE) return due + rng.int(600, Math.round(3 * DAY));
  const t = due - rng.int(3600, 5 * DAY);
  // Office hours: from 08:00 to 22:59.
  const day = Math.floor(t / DAY);
  const sec = t - day * DAY;
  return sec < 8 * 3600 || sec > 23 * 3600 ? day * DAY + rng.int(8, 22) * 3600 + (sec % 3600) : t;
}

export interface MaterialOptions {
  people: readonly Person[];
  /** Visits in a month by `<person id>/<YYYY-MM>`, from the work logs: the KPI sheet's actual. */
  visits: ReadonlyMap<string, number>;
}

export function generateMaterials(ctx: Ctx, options: MaterialOptions): Entry[] {
  const { tl, org } = ctx;
  const regionOf = new Map(org.regions.map((r) => [r.id, r]));
  const entries: Entry[] = [];
  /** Files one material when the author is on the roster between the period's start and the due day. */
  const file = (
    kind: MaterialKind,
    period: string,
    periodStart: number,
    due: number,
    write: (w: Writer, author: Person) => Text,
  ) => {
    const dueDay = tl.dayOf(due);
    for (const author of options.people) {
      if (!roles(kind).includes(author.role)) continue;
      if (author.from > dueDay || author.to < Math.min(periodStart, dueDay)) continue;
      const region = regionOf.get(author.region ?? '');
      if (!region) continue;
      const rng = ctx.rng.fork(`materials/${kind}/${period}/${author.id}`);
      let time = submission(rng, due);
      if (time === undefined) continue;
      time = Math.min(time, tl.at(author.to, 17, rng.int(0, 59), rng.int(0, 59)));
      time = Math.max(time, tl.at(author.from, 9, rng.int(0, 59), rng.int(0, 59)));
      if (time > tl.endTime) continue;
      const colleagues = org.people.filter(
        (p) => p.region === region.id && p.to >= dueDay - 30 && p.from <= dueDay,
      );
      const w = writerFor(ctx, rng, region, tl.day(dueDay).month, colleagues, author.id);
      entries.push(renderReport(ctx, kind, period, author, region, time, write(w, author)));
    }
  };

  tl.months.forEach((month, i) => {
    const next = tl.months[i + 1];
    const nextKey =
      next?.key ?? (month.month === 12 ? `${month.year + 1}-01` : `${month.year}-${pad(month.month + 1)}`);
    file('funding', nextKey, month.last + 1, tl.at(month.first + 22, 23, 59, 59), (w) => funding(w));
    const due25 = tl.at(month.first + 24, 23, 59, 59);
    file('hr', month.key, month.first, due25, (w, author) => {
      const staff = org.people.filter((p) => p.region === author.region);
      const on = (d: number) => staff.filter((p) => p.from <= d && p.to >= d).length;
      return hr(w, {
        start: on(month.first),
        joined: staff.filter((p) => p.from >= month.first && p.from <= month.last).length,
        left: staff.filter((p) => p.to >= month.first && p.to <= month.last).length,
        end: on(month.last),
      });
    });
    file('training', month.key, month.first, due25, (w) => training(w, month));
    file('summary', month.key, month.first, due25, (w) => summary(w));
    file('kpi', month.key, month.first, due25, (w, author) =>
      kpi(w, author, options.visits.get(`${author.id}/${month.key}`)),
    );
    if (month.quarterEnd)
      file(
        'quarter-summary',
        month.quarter,
        tl.indexOf(`${month.year}-${pad(month.month - 2)}-01`),
        due25,
        (w) => quarterSummary(w, month.quarter),
      );
  });
  return entries;
}
