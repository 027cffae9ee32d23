/** Sales figures of a report: target against actual and the achievement rate (R5). Manager pages only. */
import type { Figure } from '../model/index.ts';
import { FIGURE_KEYS, type FigureKey } from '../model/options.ts';
import { formatNumber } from './format.ts';

/** actual ÷ target, or undefined when the target is 0 and the rate means nothing. */
export function achievementRate(figure: Figure): number | undefined {
  return figure.target === 0 ? undefined : figure.actual / figure.target;
}

const percent = new Intl.NumberFormat('zh-CN', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** `87.5%` with one decimal; `—` when there is no rate. */
export function formatRate(rate: number | undefined): string {
  return rate === undefined ? '—' : percent.format(rate);
}

/** What the figures table says of itself (FiguresTable.astro and the CMS preview). */
export const FIGURES_CAPTION = '各项目标与实际（达成率 = 实际 ÷ 目标；目标为 0 时记为“—”）';

/** One row of the figures table. */
export interface FigureRow {
  key: FigureKey;
  label: string;
  target: string;
  actual: string;
  rate: string;
}

/** The figures a report gives, in the model's order, formatted for the table. */
export function figureRows(figures: Partial<Record<FigureKey, Figure>> | undefined): FigureRow[] {
  if (!figures) return [];
  return FIGURE_KEYS.flatMap(({ value: key, label }) => {
    const figure = figures[key];
    if (!figure) return [];
    return [
      {
        key,
        label,
        target: formatNumber(figure.target),
        actual: formatNumber(figure.actual),
        rate: formatRate(achievementRate(figure)),
      },
    ];
  });
}
