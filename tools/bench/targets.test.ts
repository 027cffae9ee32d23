import { describe, expect, it } from 'vitest';
import { judge, scaleNote, TARGETS, targetRows, verdictText, type Verdict } from './targets.ts';

const byId = (verdicts: Verdict[]) => Object.fromEntries(verdicts.map((v) => [v.id, v]));

describe('issue 14 targets', () => {
  it('holds the thresholds of the issue', () => {
    expect(Object.fromEntries(TARGETS.map((t) => [t.id, t.limit]))).toEqual({
      fastPath: 10_000,
      rebuildAfterFastPath: 60_000,
      coldBuild: 60_000,
      coldBuildPeak: 2 * 1024 ** 3,
      firstSearch: 300_000,
    });
  });

  it('passes at the limit and fails just above it', () => {
    const v = byId(
      judge({
        fastPath: { value: 10_000 },
        rebuildAfterFastPath: { value: 60_001 },
        coldBuild: { value: 59_999 },
        coldBuildPeak: { value: 2 * 1024 ** 3 + 1 },
        firstSearch: { value: 300_000 },
      }),
    );
    expect(v.fastPath!.pass).toBe(true);
    expect(v.rebuildAfterFastPath!.pass).toBe(false);
    expect(v.coldBuild!.pass).toBe(true);
    expect(v.coldBuildPeak!.pass).toBe(false);
    expect(v.firstSearch!.pass).toBe(true);
    // Just over: two decimals, not a misleading 1.0.
    expect(verdictText(v.coldBuildPeak!)).toBe('未达标（1.00 倍）');
  });

  it('neither passes nor fails what was not measured, and says why', () => {
    const v = byId(judge({ fastPath: { skipped: '没有快速通道' }, coldBuild: { value: 1 } }));
    expect(v.fastPath).toMatchObject({ value: null, pass: null, note: '没有快速通道' });
    expect(v.firstSearch).toMatchObject({ value: null, pass: null, note: '没有测量' });
    expect(verdictText(v.fastPath!)).toBe('未测：没有快速通道');
  });

  it('fails a measurement that stopped short of the target, however quick', () => {
    const [fastPath] = judge({ fastPath: { value: 900, incomplete: '搜索中还找不到' } });
    expect(fastPath).toMatchObject({ value: 900, pass: false, note: '搜索中还找不到', incomplete: true });
    expect(verdictText(fastPath!)).toBe('未达标：搜索中还找不到');
  });

  it('keeps every target, in order, whatever was measured', () => {
    expect(judge({}).map((v) => v.id)).toEqual(TARGETS.map((t) => t.id));
  });

  it('refuses a measurement that is no duration or size', () => {
    expect(() => judge({ coldBuild: { value: Number.NaN } })).toThrow(/coldBuild/);
    expect(() => judge({ coldBuild: { value: -1 } })).toThrow(/coldBuild/);
  });

  it('prints limits, measurements and verdicts in Chinese, with how far a miss is', () => {
    const rows = targetRows(
      judge({
        fastPath: { value: 8_400 },
        rebuildAfterFastPath: { value: 132_400, note: '之前没有快速通道' },
        coldBuildPeak: { value: 4.62 * 1024 ** 3 },
        firstSearch: { value: 415_300 },
      }),
    );
    expect(rows).toEqual([
      ['快速通道：新文章出现在页面和搜索中', '≤ 10 秒', '8.4 秒', '达标'],
      ['快速通道之后的完整重建', '≤ 60 秒', '132.4 秒', '未达标（2.2 倍）；之前没有快速通道'],
      ['首次构建（含两个搜索索引）', '≤ 60 秒', '—', '未测：没有测量'],
      ['首次构建峰值内存（整个进程树）', '≤ 2 GiB', '4.62 GiB', '未达标（2.3 倍）'],
      ['首次搜索下载（两到四字的中文短语）', '≤ 300 KB', '415.3 KB', '未达标（1.4 倍）'],
    ]);
  });

  it('says when a run is too small to tell whether the targets are met', () => {
    expect(scaleNote(806)).toMatch(/本次只有 806 条.*不说明目标是否达到/);
    expect(scaleNote(19_292)).toMatch(/本次只有 19,292 条/);
    expect(scaleNote(20_000)).not.toMatch(/不说明/);
  });
});
