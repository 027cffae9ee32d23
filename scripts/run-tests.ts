/**
 * npm test: lint, type check, the unit suite once per time zone (the portal must not depend on the
 * machine's zone), then the build suite against a real build. Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';

const steps: { title: string; command: string[]; env?: Record<string, string> }[] = [
  { title: 'ESLint + Prettier', command: ['npm', 'run', '--silent', 'lint'] },
  { title: 'astro check', command: ['npx', 'astro', 'check', '--minimumSeverity', 'hint'] },
  ...['Asia/Shanghai', 'UTC', 'America/Los_Angeles'].map((tz) => ({
    title: `单元测试（TZ=${tz}）`,
    command: ['npx', 'vitest', 'run', '--project', 'unit'],
    env: { TZ: tz },
  })),
  { title: '构建测试', command: ['npx', 'vitest', 'run', '--project', 'build'] },
];

for (const step of steps) {
  console.log(`\n=== ${step.title} ===`);
  const result = spawnSync(step.command[0]!, step.command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  if (result.status !== 0) {
    console.error(`\n失败：${step.title}`);
    process.exit(result.status ?? 1);
  }
}
