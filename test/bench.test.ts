/** `npm run bench` works end to end at a small N: every phase is timed and measured, the rebuild has the new article. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run bench', () => {
  it('reports positive times and memory for every phase and builds the added article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-bench-test-'));
    const out = join(dir, 'bench.json');
    const result = spawnSync(
      'npm',
      ['run', '-s', 'bench', '--', '--entries', '300', '--json', out, '--keep'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    rmSync(dir, { recursive: true, force: true });
    for (const phase of ['generate', 'build', 'contentSync', 'pages', 'searchIndex', 'rebuild'])
      expect(report.phases[phase]?.ms, phase).toBeGreaterThan(0);
    for (const phase of ['generate', 'build', 'rebuild'])
      expect(report.phases[phase].peakBytes, phase).toBeGreaterThan(0);
    for (const size of ['distBytes', 'staffIndexBytes', 'managersIndexBytes'])
      expect(report[size], size).toBeGreaterThan(0);
    expect(report.pageWeights.article.gzipBytes).toBeGreaterThan(0);
    expect(report.pageWeights.compliance.gzipBytes).toBeGreaterThan(0);
    expect(report.newArticle.built).toBe(true);
    try {
      expect(existsSync(join(report.workDir, 'dist', report.newArticle.page))).toBe(true);
    } finally {
      rmSync(report.workDir, { recursive: true, force: true });
    }
    expect(result.stdout).toContain('新增一篇后重建');
  });
});
