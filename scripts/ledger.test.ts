/** `npm run ledger` as CI runs it: in fresh and reused clones of a server repository, pushing the ledger. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const node = join(root, 'node_modules/.bin/node');
const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: '测试',
  GIT_AUTHOR_EMAIL: 'test@localhost',
  GIT_COMMITTER_NAME: '测试',
  GIT_COMMITTER_EMAIL: 'test@localhost',
};

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: ENV }).trim();
const ledger = (...args: string[]) =>
  spawnSync(node, [join(root, 'scripts/ledger.ts'), ...args], { cwd: root, encoding: 'utf8', env: ENV });

function add(repo: string, path: string) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), '---\n---\n');
  git(repo, 'add', path);
  git(repo, 'commit', '-q', '-m', path);
}

/** A server repository with one article on main, and a clone of it as a CI runner would make. */
function server(): { bare: string; clone: (name: string) => string } {
  const base = mkdtempSync(join(tmpdir(), 'portal-ledger-cli-'));
  const seed = join(base, 'seed');
  execFileSync('git', ['init', '-q', '-b', 'main', seed]);
  add(seed, 'content/articles/2026/a.md');
  const bare = join(base, 'server.git');
  execFileSync('git', ['clone', '-q', '--bare', seed, bare]);
  return {
    bare,
    clone(name) {
      const dir = join(base, name);
      execFileSync('git', ['clone', '-q', bare, dir]);
      return dir;
    },
  };
}

describe('npm run ledger', () => {
  it('starts the ledger as a baseline, then records what is new, in Chinese', () => {
    const { clone } = server();
    const repo = clone('work');
    const first = ledger('--repo', repo, '--now', '2026-11-20T09:00:00+08:00');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /^已建立首次出现台账（portal-ledger 分支）：主分支 [0-9a-f]{12} 中已有的 1 个投稿文件记为基线/,
    );
    add(repo, 'content/reports/2026/w46.md');
    const second = ledger('--repo', repo, '--now', '2026-11-24T10:00:00Z');
    expect(second.stdout).toMatch(
      /^台账登记了 1 个首次出现的文件（2026-11-24T18:00:00\+08:00，主分支 [0-9a-f]{12}）：\n {2}content\/reports\/2026\/w46.md\n$/,
    );
    expect(ledger('--repo', repo).stdout).toMatch(/^台账已是最新/);
  });

  it('pushes the ledger, and a reused runner takes the server’s ledger before its own stale copy', () => {
    const { bare, clone } = server();
    const runnerA = clone('runner-a');
    expect(
      ledger('--repo', runnerA, '--push', 'origin', '--now', '2026-11-20T09:00:00+08:00').stdout,
    ).toContain('已推送到 origin 的 portal-ledger 分支。');

    // Another runner adds a report and pushes its sighting; runner A's local branch is now behind.
    const runnerB = clone('runner-b');
    add(runnerB, 'content/reports/2026/w46.md');
    git(runnerB, 'push', '-q', 'origin', 'main');
    const b = ledger('--repo', runnerB, '--push', 'origin', '--now', '2026-11-24T10:00:00+08:00');
    expect(b.stdout).toContain('台账登记了 1 个首次出现的文件');

    git(runnerA, 'pull', '-q', 'origin', 'main');
    add(runnerA, 'content/articles/2026/b.md');
    const a = ledger('--repo', runnerA, '--push', 'origin', '--now', '2026-11-25T10:00:00+08:00');
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toContain('content/articles/2026/b.md');
    expect(a.stdout).not.toContain('w46');
    const tsv = git(bare, 'cat-file', 'blob', 'portal-ledger:ledger.tsv');
    expect(tsv).toMatch(/content\/reports\/2026\/w46.md\t2026-11-24T10:00:00\+08:00\t[0-9a-f]+\tseen/);
    expect(tsv).toMatch(/content\/articles\/2026\/b.md\t2026-11-25T10:00:00\+08:00\t[0-9a-f]+\tseen/);
  });

  it('refuses bad arguments with exit status 2 and a Chinese reason', () => {
    const plain = mkdtempSync(join(tmpdir(), 'portal-plain-'));
    expect(ledger('--repo', plain).stderr).toContain('不是 git 仓库');
    const repo = server().clone('work');
    const bad = ledger('--repo', repo, '--now', '2026-11-24T10:00:00');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--now');
    expect(ledger('--repo', repo, '--commit', 'nope').stderr).toContain('找不到提交 “nope”');
  });
});
