/**
 * The targets of issue 14 and whether one `npm run bench` met them. The thresholds live here and nowhere else;
 * judging is pure, so that it is tested (targets.test.ts) and scripts/bench.ts only measures and prints.
 */
import { formatBytes, formatSeconds } from './measure.ts';
import { BUDGETS } from './weight.ts';

/** The scale the targets are set for: a smaller run meets or misses them at its own scale only. */
export const TARGET_ENTRIES = 20_000;

export type TargetId = 'fastPath' | 'rebuildAfterFastPath' | 'coldBuild' | 'coldBuildPeak' | 'firstSearch';

/** How a limit and a measurement read: milliseconds, bytes in KB of 1,000 (as budgets are read), or bytes. */
export type TargetUnit = 'ms' | 'KB' | 'bytes';

export interface Target {
  id: TargetId;
  label: string;
  limit: number;
  unit: TargetUnit;
}

export const TARGETS: readonly Target[] = [
  { id: 'fastPath', label: '快速通道：新文章出现在页面和搜索中', limit: 10_000, unit: 'ms' },
  { id: 'rebuildAfterFastPath', label: '快速通道之后的完整重建', limit: 60_000, unit: 'ms' },
  { id: 'coldBuild', label: '首次构建（含两个搜索索引）', limit: 60_000, unit: 'ms' },
  { id: 'coldBuildPeak', label: '首次构建峰值内存（整个进程树）', limit: 2 * 1024 ** 3, unit: 'bytes' },
  { id: 'firstSearch', label: '首次搜索下载（两到四字的中文短语）', limit: BUDGETS.firstQuery, unit: 'KB' },
];

/** The phrases whose first search `firstSearch` bounds: two, three and four characters; the largest counts. */
export const SEARCH_PHRASES = ['推广', '科室会', '学术推广'] as const;

/**
 * A target's measurement (with what qualifies it, if anything), or why it was not measured. `incomplete` says
 * why what was measured did not reach the target's end (say, the page was written but search cannot find it):
 * a miss whatever the value.
 */
export type Measurement = { value: number; note?: string; incomplete?: string } | { skipped: string };

export interface Verdict {
  id: TargetId;
  label: string;
  limit: number;
  unit: TargetUnit;
  /** `null` when not measured. */
  value: number | null;
  /** `null` when not measured: neither met nor missed. */
  pass: boolean | null;
  /** Why it was not measured, or what qualifies the measurement. */
  note?: string;
  /** The measurement stopped short of the target's end (the note says how): missed. */
  incomplete?: true;
}

/** Every target with its measurement and whether it was met (at most the limit), in TARGETS order. */
export function judge(measured: Partial<Record<TargetId, Measurement>>): Verdict[] {
  return TARGETS.map((target) => {
    const m = measured[target.id] ?? { skipped: '没有测量' };
    if ('skipped' in m) return { ...target, value: null, pass: null, note: m.skipped };
    if (!Number.isFinite(m.value) || m.value < 0) throw new Error(`${target.id} 的测量值无效：${m.value}`);
    const note = m.incomplete ?? m.note;
    return {
      ...target,
      value: m.value,
      pass: !m.incomplete && m.value <= target.limit,
      ...(note ? { note } : {}),
      ...(m.incomplete ? { incomplete: true } : {}),
    };
  });
}

export function formatQuantity(value: number, unit: TargetUnit): string {
  if (unit === 'ms') return formatSeconds(value);
  if (unit === 'KB') return `${(value / 1000).toFixed(1)} KB`;
  return formatBytes(value);
}

function formatLimit(limit: number, unit: TargetUnit): string {
  if (unit === 'ms') return `≤ ${limit / 1000} 秒`;
  if (unit === 'KB') return `≤ ${limit / 1000} KB`;
  return `≤ ${limit / 1024 ** 3} GiB`;
}

/** 达标, 未达标 with how many times the limit, or 未测 with the reason; then the note, if any. */
export function verdictText(v: Verdict): string {
  if (v.pass === null) return `未测：${v.note ?? ''}`;
  if (v.incomplete) return `未达标：${v.note ?? ''}`;
  const times = v.value! / v.limit;
  // Two decimals near the limit, where one would read 1.0 for a miss.
  const text = v.pass ? '达标' : `未达标（${times.toFixed(times < 1.1 ? 2 : 1)} 倍）`;
  return v.note ? `${text}；${v.note}` : text;
}

/** The rows of the terminal table: target, limit, measured, verdict. */
export function targetRows(verdicts: readonly Verdict[]): string[][] {
  return verdicts.map((v) => [
    v.label,
    formatLimit(v.limit, v.unit),
    v.value === null ? '—' : formatQuantity(v.value, v.unit),
    verdictText(v),
  ]);
}

export const TARGET_HEADER = ['目标', '上限', '实测', '结论'] as const;

/** What the verdicts mean at a run's scale. */
export function scaleNote(entries: number): string {
  return entries >= TARGET_ENTRIES
    ? `目标按 ${TARGET_ENTRIES.toLocaleString('en-US')} 条投稿、2 核定义；本次 ${entries.toLocaleString('en-US')} 条。`
    : `目标按 ${TARGET_ENTRIES.toLocaleString('en-US')} 条投稿、2 核定义；本次只有 ${entries.toLocaleString('en-US')} 条，` +
        '结论只说明这个规模，不说明目标是否达到。';
}
