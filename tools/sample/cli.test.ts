/** The thin CLI: writes a folder, refuses a non-empty one without --force, prints a Chinese summary. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const node = join(root, 'node_modules/.bin/node');
const work = mkdtempSync(join(tmpdir(), 'sample-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(node, [join(root, 'scripts/generate-sample.ts'), '--months', '2', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

describe('scripts/generate-sample.ts', () => {
  it('writes the five folders and prints a one-line summary', () => {
    const out = join(work, 'fresh');
    const r = run('--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^已生成示例内容：组织文件 3 个，内刊投稿 \d+ 篇，会议纪要 \d+ 份，工作汇报 \d+ 份/,
    );
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(out).sort()).toEqual(['articles', 'meetings', 'org', 'reports', 'worklogs']);
  });

  it('refuses a non-empty folder other than content/ unless --force, then replaces the entries wholesale', () => {
    const out = join(work, 'used');
    mkdirSync(join(out, 'articles/1999'), { recursive: true });
    writeFileSync(join(out, 'articles/1999/old.md'), 'old');
    const refused = run('--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--force');
    const forced = run('--out', out, '--force');
    expect(forced.status).toBe(0);
    expect(existsSync(join(out, 'articles/1999/old.md'))).toBe(false);
  });
});
