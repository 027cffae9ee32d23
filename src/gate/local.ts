/**
 * Starting the gate on this machine, for `npm start` and the tests: over a git working copy, on loopback only
 * (the gate must never be reachable from the network without the login proxy in front of it).
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runGit } from '../git/run.ts';
import type { Person } from './git.ts';
import type { Identity } from './identity.ts';
import { createGate, type GateOptions } from './server.ts';
import { Store } from './store.ts';

export const LOOPBACK = '127.0.0.1';

/** Committer of the gate's commits when the repository has no git identity (a fresh machine). */
const FALLBACK_COMMITTER: Person = { name: '销售部门户投稿网关', email: 'gate@portal.invalid' };

function git(repo: string, args: string[]): { ok: boolean; out: string } {
  const result = runGit(repo, args);
  return { ok: result.status === 0, out: result.stdout.trim() };
}

export function isGitRepo(repo: string): boolean {
  return git(repo, ['rev-parse', '--is-inside-work-tree']).out === 'true';
}

/** The branch checked out in `repo`: where published entries go. */
export function currentBranch(repo: string): string {
  const { ok, out } = git(repo, ['symbolic-ref', '--short', 'HEAD']);
  if (!ok) throw new Error(`${repo} 没有检出分支（detached HEAD），投稿无法发布`);
  return out;
}

/** The repository's own git identity, else the gate's. */
function committer(repo: string): Person {
  const name = git(repo, ['config', 'user.name']).out;
  const email = git(repo, ['config', 'user.email']).out;
  return name && email ? { name, email } : FALLBACK_COMMITTER;
}

export interface RunningGate {
  /** `http://127.0.0.1:<port>`, the address it really listens on. */
  url: string;
  /** For `local` identity: the link that opens the admin page with the run's secret (in the fragment). */
  loginUrl?: string;
  store: Store;
  server: Server;
  stop(): Promise<void>;
}

/**
 * Starts the gate for the working copy `repo` on 127.0.0.1:`port` (0: any free port). Without `identity`, a
 * new secret for this run (local identity).
 */
export async function startGate(options: {
  repo: string;
  port: number;
  identity?: Identity;
  branch?: string;
  siteDir?: GateOptions['siteDir'];
  onPublished?: GateOptions['onPublished'];
  log?: GateOptions['log'];
  now?: GateOptions['now'];
}): Promise<RunningGate> {
  const { repo } = options;
  const gitDir = git(repo, ['rev-parse', '--absolute-git-dir']).out;
  const branch = options.branch ?? currentBranch(repo);
  const store = new Store({ gitDir, branch, workTree: repo, committer: committer(repo) });
  const identity: Identity = options.identity ?? {
    kind: 'local',
    token: randomBytes(24).toString('base64url'),
  };
  const origins: string[] = [];
  const server = createGate({
    store,
    identity,
    origins,
    ...(options.siteDir ? { siteDir: options.siteDir } : {}),
    ...(options.onPublished ? { onPublished: options.onPublished } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`端口 ${options.port} 已被占用`) : error),
    );
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // The origins are known once the port is: the address printed and `localhost`, which browsers also use.
  origins.push(`http://${LOOPBACK}:${port}`, `http://localhost:${port}`);
  const url = `http://${LOOPBACK}:${port}`;
  return {
    url,
    ...(identity.kind === 'local' ? { loginUrl: `${url}/admin/#key=${identity.token}` } : {}),
    store,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
