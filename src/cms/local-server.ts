/**
 * decap-server, the local git backend of `npm start` and `npm run dev`, started the one safe way:
 *
 * - `BIND_HOST=127.0.0.1`: it has no login and would otherwise listen on every interface, letting anyone on
 *   the network commit to this repository;
 * - `MODE=git`: every save is a commit (drafts on `cms/…` branches, published entries merged), as with the
 *   real git server, so the editorial workflow works locally;
 * - `core.quotepath=false` in the repository: it reads `git diff` output and breaks on quoted non-ASCII paths.
 *
 * It runs `git add .` in the repository, so whatever else is uncommitted there is committed with the entry.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const LOOPBACK = '127.0.0.1';
export const DEFAULT_PORT = 8081;

/** Committer for CMS saves when the repository has no git identity (a fresh machine). */
const FALLBACK_IDENTITY = { name: '销售部门户投稿', email: 'cms@localhost' };

function git(repo: string, args: string[]): { ok: boolean; out: string } {
  const result = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
  return { ok: result.status === 0, out: (result.stdout ?? '').trim() };
}

export function isGitRepo(repo: string): boolean {
  return git(repo, ['rev-parse', '--is-inside-work-tree']).out === 'true';
}

/** The branch checked out in `repo`: where published entries go. */
export function currentBranch(repo: string): string {
  const { ok, out } = git(repo, ['symbolic-ref', '--short', 'HEAD']);
  if (!ok) throw new Error(`${repo} 没有检出分支（detached HEAD），decap-server 无法提交`);
  return out;
}

/** Paths with uncommitted changes, which a CMS save would commit along with the entry. */
export function uncommitted(repo: string): string[] {
  return git(repo, ['status', '--porcelain']).out.split('\n').filter(Boolean);
}

/** The environment decap-server runs with. */
export function serverEnv(
  repo: string,
  port: number,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const identity = git(repo, ['config', 'user.email']).out
    ? {}
    : {
        GIT_AUTHOR_NAME: FALLBACK_IDENTITY.name,
        GIT_AUTHOR_EMAIL: FALLBACK_IDENTITY.email,
        GIT_COMMITTER_NAME: FALLBACK_IDENTITY.name,
        GIT_COMMITTER_EMAIL: FALLBACK_IDENTITY.email,
      };
  return {
    ...base,
    ...identity,
    MODE: 'git',
    BIND_HOST: LOOPBACK,
    PORT: String(port),
    GIT_REPO_DIRECTORY: repo,
    LOG_LEVEL: base.LOG_LEVEL ?? 'warn',
  };
}

export interface LocalServer {
  /** The API address for the CMS configuration (PORTAL_CMS_PROXY_URL). */
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Rejects when something already listens on the port: it might be another decap-server, for another repo. */
export function portFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`端口 ${port} 已被占用`)));
    probe.listen(port, LOOPBACK, () => probe.close(() => resolve()));
  });
}

/** Resolves once decap-server answers on `url`, or rejects after `timeout` ms. */
async function answering(url: string, child: ChildProcess, timeout: number): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`decap-server 已退出（退出码 ${child.exitCode}）`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'info' }),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`decap-server 没有在 ${timeout / 1000} 秒内响应 ${url}`);
}

/**
 * Starts decap-server for the git repository `repo` on 127.0.0.1:`port`, from the decap-server installed in
 * the project at `root`. Its output goes to `stdio` ('inherit' for npm start, 'ignore' in tests).
 */
export async function startDecapServer(options: {
  root: string;
  repo: string;
  port?: number;
  stdio?: 'inherit' | 'ignore';
}): Promise<LocalServer> {
  const { root, repo, port = DEFAULT_PORT, stdio = 'inherit' } = options;
  if (!git(repo, ['config', 'core.quotepath', 'false']).ok)
    throw new Error(`无法设置 ${repo} 的 git 配置 core.quotepath`);
  await portFree(port);
  const main = createRequire(join(root, 'package.json')).resolve('decap-server');
  const child = spawn(process.execPath, [main], {
    cwd: repo,
    env: serverEnv(repo, port),
    stdio: ['ignore', stdio, stdio],
    // Its own process group, so that stopping it never depends on the terminal's signals.
    detached: true,
  });
  const url = `http://${LOOPBACK}:${port}/api/v1`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await answering(url, child, 15_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop };
}
