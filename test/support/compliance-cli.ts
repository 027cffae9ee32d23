/** `npm run compliance` as the build tests run it: for a month at the build's fixed "now", as bytes. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BUILD_NOW } from './build.ts';

const run = promisify(execFile);

/** What the CLI prints for a month at the build's "now", as bytes. */
export async function complianceCli(month: string, format: 'json' | 'csv'): Promise<Buffer> {
  const { stdout } = await run(
    'node_modules/.bin/node',
    ['scripts/compliance.ts', '--month', month, '--now', BUILD_NOW, '--format', format],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

/** Both exports of every month, four CLIs at a time: each reads the whole content folder. */
export async function complianceClis(
  months: readonly string[],
): Promise<Map<string, { json: Buffer; csv: Buffer }>> {
  const exports = new Map<string, { json: Buffer; csv: Buffer }>();
  for (let i = 0; i < months.length; i += 4) {
    await Promise.all(
      months.slice(i, i + 4).map(async (month) => {
        const [json, csv] = await Promise.all([complianceCli(month, 'json'), complianceCli(month, 'csv')]);
        exports.set(month, { json, csv });
      }),
    );
  }
  return exports;
}
