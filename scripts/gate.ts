/**
 * npm run gate: the submission gate in production, as a service (docs/deployment.md has the systemd unit).
 *
 * It keeps its own bare clone of the department's repository, answers the CMS at /api/v1 on 127.0.0.1 behind
 * the login proxy, and pushes published entries (and the ledger) to the repository of record over SSH with its
 * own deploy key. The site itself is built by CI from main and served by nginx; the gate serves no pages.
 *
 * Environment:
 *   PORTAL_GATE_REMOTE       the repository of record, e.g. git@git.intranet:sales/portal.git (required)
 *   PORTAL_GATE_DIR          where the gate keeps its bare clone (default /var/lib/portal-gate/repo.git)
 *   PORTAL_GATE_BRANCH       the published branch (default main)
 *   PORTAL_GATE_PORT         loopback port (default 4322)
 *   PORTAL_SITE              the portal's origin as browsers see it, e.g. https://portal.intranet (required)
 *   PORTAL_GATE_USER_HEADER  the header the login proxy sets (default Remote-User)
 *   PORTAL_GATE_ADMINS       comma-separated logins of the administrators (roster, calendar)
 *   PORTAL_GATE_NOTIFY       optional: a loopback URL to POST to after each publish, the updater's
 *                            http://127.0.0.1:4323/moved (scripts/updater.ts), so the site follows within seconds
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { LOOPBACK } from '../src/gate/local.ts';
import { createGate } from '../src/gate/server.ts';
import { Store } from '../src/gate/store.ts';
import { setting } from './lib/env.ts';

const remote = setting('PORTAL_GATE_REMOTE');
const gitDir = setting('PORTAL_GATE_DIR', '/var/lib/portal-gate/repo.git');
const branch = setting('PORTAL_GATE_BRANCH', 'main');
const port = Number(setting('PORTAL_GATE_PORT', '4322'));
const site = new URL(setting('PORTAL_SITE')).origin;
const notify = process.env.PORTAL_GATE_NOTIFY?.trim();

/** Tells the updater the branch moved. Never fails a publish: the updater also looks by itself. */
async function nudge(url: string): Promise<void> {
  try {
    await fetch(url, { method: 'POST', signal: AbortSignal.timeout(2000) });
  } catch (error) {
    console.warn(`更新程序没有应答（${url}）：${(error as Error).message}；它会按自己的间隔取回。`);
  }
}

if (!existsSync(gitDir)) {
  const clone = spawnSync('git', ['clone', '--bare', '--quiet', remote, gitDir], { stdio: 'inherit' });
  if (clone.status !== 0) process.exit(1);
}

const store = new Store({
  gitDir,
  branch,
  remote,
  committer: { name: '销售部门户投稿网关', email: 'gate@portal.invalid' },
});
// Fails here, not at the first request, when the remote or the branch is wrong.
await store.main();

const server = createGate({
  store,
  identity: {
    kind: 'header',
    header: setting('PORTAL_GATE_USER_HEADER', 'Remote-User'),
    admins: setting('PORTAL_GATE_ADMINS', '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  },
  // The browser's origin, and the proxy's Host header as nginx passes it on (proxy_set_header Host $host).
  origins: [site],
  log: (line) => console.warn(line),
  ...(notify ? { onPublished: () => void nudge(notify) } : {}),
});
server.listen(port, LOOPBACK, () => {
  const { port: real } = server.address() as AddressInfo;
  console.log(
    `✓ 投稿网关在 http://${LOOPBACK}:${real}${'/api/v1'} 等待登录代理转来的请求，发布到 ${remote} 的 ${branch}`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => server.close(() => process.exit(0)));
