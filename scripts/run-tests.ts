/**
 * npm test: the Debian packages the browser and nginx tests run (installed when root, else the one command
 * to run), lint, type check, the unit suite once per time zone (the portal must not depend on the
 * machine's zone, the first run measuring coverage), then the build suite against real builds. Stops at the first failing step and ends with
 * one plain summary line of all test counts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSystemPackages } from './system-packages.mjs';

interface Step {
  title: string;
  command: string[];
  env?: Record<string, string>;
  /** Vitest writes its counts here. */
  report?: string;
}

const vitest = (project: string, report: string) => [
  'npx',
  'vitest',
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
];

const steps: Step[] = [
  { title: 'ESLint + Prettier', command: ['npm', 'run', '--silent', 'lint'] },
  { title: 'astro check', command: ['npx', 'astro', 'check', '--minimumSeverity', 'hint'] },
  ...['Asia/Shanghai', 'UTC', 'America/Los_Angeles'].map((tz, i) => {
    const report = `test-results/unit-${tz.replace('/', '-')}.json`;
    // The first zone's run also measures coverage, against the floor in vitest.config.ts.
    const command = [...vitest('unit', report), ...(i === 0 ? ['--coverage'] : [])];
    return { title: `单元测试（TZ=${tz}）${i === 0 ? '与覆盖率' : ''}`, command, env: { TZ: tz }, report };
  }),
  {
    title: '构建与浏览器测试',
    command: vitest('build', 'test-results/build.json'),
    report: 'test-results/build.json',
  },
];

// First, not just before the browser step: a missing package should stop the run before minutes of lint
// and unit tests, not after.
console.log('\n=== 测试所需的 Debian 软件包 ===');
if (!ensureSystemPackages()) {
  console.error('\n失败：测试所需的 Debian 软件包');
  process.exit(1);
}

mkdirSync('test-results', { recursive: true });
// Every test's throwaway folders (built sites, caches, content trees, clones) go under one folder, removed at
// the end: a build test leaves a few hundred MB, and a machine that runs the suite often would fill its disk.
const scratch = mkdtempSync(join(tmpdir(), 'portal-test-'));
// Readable by others, as the temp folder itself is: nginx's workers (nobody) read the site built there.
chmodSync(scratch, 0o755);
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStep: string | undefined;
for (const step of steps) {
  console.log(`\n=== ${step.title} ===`);
  const result = spawnSync(step.command[0]!, step.command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', TMPDIR: scratch, ...step.env },
  });
  if (step.report) {
    try {
      const counts = JSON.parse(readFileSync(step.report, 'utf8'));
      totals.passed += counts.numPassedTests;
      totals.failed += counts.numFailedTests;
      totals.skipped += counts.numPendingTests + counts.numTodoTests;
    } catch {
      // No report: the step failed before running tests, which its exit status says.
    }
  }
  if (result.status !== 0) {
    failedStep = step.title;
    break;
  }
}
rmSync(scratch, { recursive: true, force: true });
if (failedStep) console.error(`\n失败：${failedStep}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
