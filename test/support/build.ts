/** Runs the real `astro build` on a content folder, as `npm run build` does, into a throwaway output folder. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { BuildMetrics } from '../../src/integrations/build-metrics.ts';

export interface Build {
  status: number | null;
  /** stdout and stderr together. */
  output: string;
  outDir: string;
  /** What the build measured from Astro's hooks (src/integrations/build-metrics.ts); absent if it failed. */
  metrics?: BuildMetrics;
}

/** A fixed "now" so that builds are reproducible. */
export const BUILD_NOW = '2026-11-25T18:00:00+08:00';

/**
 * Builds `contentDir` into a new folder, or in place into `outDir` when given (as `npm start` and the
 * benchmark do). Each build gets a cache folder of its own unless `env` names one (PORTAL_CACHE_DIR), so that
 * no build reuses pages or indexes of another.
 */
export function build(
  contentDir: string,
  env: Record<string, string> = {},
  outDir = mkdtempSync(join(tmpdir(), 'portal-dist-')),
): Build {
  const cacheDir = mkdtempSync(join(tmpdir(), 'portal-cache-'));
  const metricsFile = join(mkdtempSync(join(tmpdir(), 'portal-metrics-')), 'build.json');
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      PORTAL_CONTENT_DIR: contentDir,
      PORTAL_NOW: BUILD_NOW,
      PORTAL_CACHE_DIR: cacheDir,
      PORTAL_BUILD_METRICS: metricsFile,
      ...env,
    },
  });
  const metrics = existsSync(metricsFile)
    ? (JSON.parse(readFileSync(metricsFile, 'utf8')) as BuildMetrics)
    : undefined;
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir, metrics };
}

/** Every file below `dir`, as POSIX paths relative to it. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Every file that differs between two builds, or exists in only one. */
export function differences(a: string, b: string): string[] {
  const filesA = filesBelow(a);
  const filesB = filesBelow(b);
  const all = [...new Set([...filesA, ...filesB])].sort();
  return all.filter((f) => {
    if (!filesA.includes(f) || !filesB.includes(f)) return true;
    return !readFileSync(join(a, f)).equals(readFileSync(join(b, f)));
  });
}

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}
