/**
 * `npm run bench` works end to end at a small N: every phase is timed and measured, the rebuilds find and
 * build the new submissions, and the page weights and first search query are reported.
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
  });
});
