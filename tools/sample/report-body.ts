/** The sections, figures and note of each kind of report. */
import {
  DAILY,
  HIGHLIGHTS,
  MONTHLY_PROGRESS_TAIL,
  PLANS,
  PROBLEMS,
  QUARTERLY_TEXT,
  REPORT_NOTES,
  SUPPORT,
  WEEKLY_PROGRESS,
} from './corpus/report-text.ts';
import { table } from './markdown.ts';
import type { Rng } from './random.ts';
import type { Writer } from './text.ts';

export type FigureKey = 'shipments' | 'collections' | 'coverage' | 'development' | 'sales';
export type Figures = Partial<Record<FigureKey, { target: number; actual: number }>>;

export interface ReportText {
  progress?: string;
  highlights?: string[];
  problems?: string[];
  support?: string;
  plan?: string;
  figures?: Figures;
  body: string;
}

const LABELS: Record<FigureKey, string> = {
  shipments: '发货（万元）',
  collections: '回款（万元）',
  coverage: '布点（家）',
  development: '开发（家）',
  sales: '纯销（万元）',
};

const tenth = (x: number) => Math.round(x * 10) / 10;

/** Targets and actuals of a region for a month (`months` = 1) or a quarter (3). */
export function makeFigures(rng: Rng, size: number, months: number, keys: readonly FigureKey[]): Figures {
  const base = size * rng.float(70, 110) * months;
  const money = (factor: number) => {
    const target = tenth(base * factor);
    return { target, actual: tenth(target * rng.float(0.72, 1.18)) };
  };
  const count = (target: number) => ({
    target,
    actual: Math.max(0, Math.round(target * rng.float(0.6, 1.3))),
  });
  const all: Record<FigureKey, { target: number; actual: number }> = {
    shipments: money(1),
    collections: money(rng.float(0.85, 0.95)),
    sales: money(rng.float(0.75, 0.9)),
    coverage: count(Math.round(size * rng.float(35, 55)) + months * 2),
    development: count(Math.max(1, Math.round(size * months * rng.float(2, 4)))),
  };
  const out: Figures = {};
  for (const k of keys) out[k] = all[k];
  return out;
}

function some(w: Writer, pool: readonly string[], min: number, max: number): string[] {
  return w.rng.sample(pool, w.rng.int(min, max)).map((t) => w.fill(t));
}

function notes(w: Writer, min: number, max: number): string {
  return some(w, REPORT_NOTES, min, max).join('\n\n');
}

function figureSentence(f: Figures, period: string): string {
  const parts: string[] = [];
  if (f.shipments) parts.push(`${period}发货${f.shipments.actual}万元（目标${f.shipments.target}万元）`);
  if (f.collections) parts.push(`回款${f.collections.actual}万元（目标${f.collections.target}万元）`);
  if (f.sales) parts.push(`纯销${f.sales.actual}万元`);
  const counts: string[] = [];
  if (f.development) counts.push(`新开发医院${f.development.actual}家`);
  if (f.coverage) counts.push(`累计布点${f.coverage.actual}家`);
  return `${parts.join('，')}；${counts.join('，')}。`;
}

function figureTable(f: Figures): string {
  const rows = (Object.keys(LABELS) as FigureKey[])
    .filter((k) => f[k])
    .map((k) => {
      const v = f[k] as { target: number; actual: number };
      const rate = v.target > 0 ? `${Math.round((v.actual / v.target) * 100)}%` : '—';
      return [LABELS[k], String(v.target), String(v.actual), rate];
    });
  return table(['指标', '目标', '实际', '达成率'], rows, [false, true, true, true]);
}

export function dailyReport(w: Writer): ReportText {
  const r = w.rng;
  const [goal, results] = r.pick(DAILY);
  const [next] = r.pick(DAILY);
  return {
    progress: `目标：${w.fill(goal)}。结果：${w.any(results)}`,
    plan: `${w.fill('[明天|明日][计划|安排]：')}${w.fill(next)}。`,
    body: r.chance(0.4)
      ? notes(w, 1, 1)
      : w.fill('[今日|今天][出差|外出][{city}|]，[行程|今日行程]与[差旅计划|出差计划][一致|相符]。'),
  };
}

export function weeklyReport(w: Writer): ReportText {
  const r = w.rng;
  const text: ReportText = {
    progress: some(w, WEEKLY_PROGRESS, 1, 3).join(''),
    plan: some(w, PLANS, 2, 3).join(''),
    body: notes(w, 1, 2),
  };
  if (r.chance(0.6)) text.highlights = some(w, HIGHLIGHTS, 1, 2);
  if (r.chance(0.75)) text.problems = some(w, PROBLEMS, 1, 2);
  if (r.chance(0.3)) text.support = w.any(SUPPORT);
  return text;
}

export function monthlyReport(w: Writer, size: number): ReportText {
  const r = w.rng;
  const figures = makeFigures(r, size, 1, ['shipments', 'collections', 'coverage', 'development', 'sales']);
  return {
    progress: figureSentence(figures, '本月') + some(w, MONTHLY_PROGRESS_TAIL, 1, 2).join(''),
    highlights: some(w, HIGHLIGHTS, 1, 3),
    problems: some(w, PROBLEMS, 1, 3),
    support: w.any(SUPPORT),
    plan: some(w, PLANS, 2, 4).join(''),
    figures,
    body: r.chance(0.5) ? `${notes(w, 1, 2)}\n\n${figureTable(figures)}` : notes(w, 1, 3),
  };
}

export function quarterlyReport(w: Writer, size: number): ReportText {
  const figures = makeFigures(w.rng, size, 3, [
    'shipments',
    'collections',
    'coverage',
    'development',
    'sales',
  ]);
  return {
    progress: figureSentence(figures, '本季度') + some(w, QUARTERLY_TEXT, 3, 5).join(''),
    highlights: some(w, HIGHLIGHTS, 2, 3),
    problems: some(w, PROBLEMS, 1, 3),
    support: w.any(SUPPORT),
    plan: some(w, PLANS, 3, 4).join(''),
    figures,
    body: `${notes(w, 1, 2)}\n\n${figureTable(figures)}`,
  };
}

export function achievementReport(w: Writer, size: number): ReportText {
  const keys: FigureKey[] = ['collections', 'coverage', 'development', 'sales'];
  if (w.rng.chance(0.5)) keys.unshift('shipments');
  const figures = makeFigures(w.rng, size, 3, keys);
  return {
    figures,
    body: `${w.fill('[本季度|季度]销售达成情况如下，[数据|数字][已|均已][与|和][商业|财务][核对|对账]。')}\n\n${figureTable(figures)}`,
  };
}
