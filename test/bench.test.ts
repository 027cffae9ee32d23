/**
 * `npm run bench` works end to end at a small N: every phase is timed and measured, the rebuilds find and
 * build the new submissions, the page weights and first search query are reported, and so are issue 14's
 * targets with a verdict each and the CPU-seconds reference to Hugo (or the note that it was skipped).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run bench', () => {
  it('measures a cold build and three rebuilds, and builds the added submissions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-bench-test-'));
    const out = join(dir, 'bench.json');
    const result = spawnSync(
      'npm',
      // A few log writers, not the 300 of a real bench: this checks that the bench works, not what it weighs.
      ['run', '-s', 'bench', '--', '--entries', '300', '--worklog-people', '60', '--json', out, '--keep'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    rmSync(dir, { recursive: true, force: true });
    try {
      expect(report.generate.ms).toBeGreaterThan(0);
      for (const phase of ['sync', 'pages', 'searchIndex']) {
        expect(report.build.phases[phase]?.ms, phase).toBeGreaterThan(0);
        expect(report.build.phases[phase]?.peakBytes, phase).toBeGreaterThan(0);
      }
      expect(report.build.peakBytes).toBeGreaterThanOrEqual(report.build.phases.pages.peakBytes);
      expect(report.build.pagefindPeakBytes).toBeGreaterThan(0);
      for (const size of ['distBytes', 'staffIndexBytes', 'managersIndexBytes'])
        expect(report[size], size).toBeGreaterThan(0);
      expect(report.pageWeights.article.gzipBytes).toBeGreaterThan(0);
      expect(report.pageWeights.compliance.gzipBytes).toBeGreaterThan(0);
      expect(report.firstQuery.bytes).toBeGreaterThan(0);
      expect(report.firstSearches.length).toBeGreaterThanOrEqual(3);
      expect(report.build.cpuSeconds).toBeGreaterThan(0);

      // Every target is judged from the figures above; what was not measured says why.
      const verdicts = Object.fromEntries(
        report.targets.verdicts.map((v: { id: string }) => [v.id, v] as const),
      ) as Record<string, { value: number | null; pass: boolean | null; note?: string }>;
      expect(Object.keys(verdicts)).toHaveLength(5);
      expect(verdicts.coldBuild).toMatchObject({ value: report.build.ms, pass: report.build.ms <= 60_000 });
      expect(verdicts.coldBuildPeak!.value).toBe(report.build.peakBytes);
      expect(verdicts.firstSearch!.value).toBe(
        Math.max(...report.firstSearches.map((q: { bytes: number }) => q.bytes)),
      );
      expect(verdicts.rebuildAfterFastPath!.value).toBe(report.rebuilds.newArticle.ms);
      if ('skipped' in report.fastPath) expect(verdicts.fastPath).toMatchObject({ pass: null, value: null });
      else expect(report.fastPath.pageMs).not.toBeNull();
      if ('skipped' in report.hugo) expect(report.reference).toContain('已跳过');
      else expect(report.hugo.ratio).toBeGreaterThan(0);

      const { unchanged, newReport, newArticle } = report.rebuilds;
      // Nothing changed: every entry page comes from the cache.
      expect(unchanged.reused).toBeGreaterThan(report.entries * 0.9);
      for (const rebuild of [newReport, newArticle]) {
        expect(rebuild.built).toBe(true);
        expect(existsSync(join(report.workDir, 'dist', rebuild.page, 'index.html'))).toBe(true);
        expect(rebuild.rendered).toBeLessThan(rebuild.reused);
      }
    } finally {
      rmSync(report.workDir, { recursive: true, force: true });
    }
    expect(result.stdout).toContain('新增一篇文章后重建');
    expect(result.stdout).toMatch(/目标\s+上限\s+实测\s+结论/);
    expect(result.stdout).toContain('参考：首次构建 CPU');
  });
});
