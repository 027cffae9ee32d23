/**
 * npm run updater: the production updater, as a service beside nginx (docs/deployment.md has the systemd unit).
 *
 * It keeps its own bare clone of the repository of record and fetches its branches when the gate says it
 * published (POST /moved on loopback, PORTAL_GATE_NOTIFY) and every PORTAL_UPDATER_INTERVAL seconds (commits by
 * maintainers). When the branch moves, the fast path writes the touched pages into the served site within
 * seconds, then a full build replaces it (scripts/lib/site-builder.ts, as in npm start). nginx serves
 * PORTAL_UPDATER_LINK, a symbolic link the updater points at the newest successful build in one rename: a
 * request sees the old site or the new one, never a mix. The site is built with this checkout's code and the
 * branch's content/: maintainers deploy code by updating this checkout (git pull, npm ci, restart).
 *
 * Environment (besides the build's own: PORTAL_SITE, PORTAL_CMS_BACKEND):
 *   PORTAL_UPDATER_REMOTE    the repository of record, e.g. git@git.intranet:sales/portal.git (required)
 *   PORTAL_UPDATER_LINK      the path nginx serves as its root, e.g. /srv/sales-portal/dist (required)
 *   PORTAL_UPDATER_DIR       its bare clone, work tree, two site folders and cache (default /var/lib/portal-updater)
 *   PORTAL_UPDATER_BRANCH    the branch to build (default main)
 *   PORTAL_UPDATER_PORT      loopback port for the gate's POST /moved (default 4323)
 *   PORTAL_UPDATER_INTERVAL  seconds between fetches when nobody calls (default 30)
 */
import { existsSync, lstatSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { LOOPBACK } from '../src/gate/local.ts';
import { LEDGER_BRANCH } from '../src/ledger/index.ts';
import { createSiteBuilder, git, stopChildren } from './lib/site-builder.ts';
import { setting } from './lib/env.ts';

const remote = setting('PORTAL_UPDATER_REMOTE');
const link = resolve(setting('PORTAL_UPDATER_LINK'));
const dir = resolve(setting('PORTAL_UPDATER_DIR', '/var/lib/portal-updater'));
const branch = setting('PORTAL_UPDATER_BRANCH', 'main');
const port = Number(setting('PORTAL_UPDATER_PORT', '4323'));
const interval = Number(setting('PORTAL_UPDATER_INTERVAL', '30')) * 1000;
const repo = join(dir, 'repo.git');

if (existsSync(link) && !lstatSync(link).isSymbolicLink()) {
  console.error(`✗ ${link} 已存在且不是符号链接：请先移走它，更新程序会在那里建一个指向当前站点的链接。`);
  process.exit(1);
}
await mkdir(dir, { recursive: true });
if (!existsSync(repo)) git(dir, ['init', '--bare', '--quiet', repo]);

/** The branch and the ledger (the build reads first sightings from it: src/ledger/), as the remote has them. */
function fetchBranches(): void {
  const heads = git(repo, ['ls-remote', '--heads', remote, branch, LEDGER_BRANCH]);
  // The ledger branch exists once the gate or CI has recorded a commit; until then only the branch.
  const refs = [branch, LEDGER_BRANCH]
    .filter((name) => heads.includes(`\trefs/heads/${name}\n`))
    .map((name) => `+refs/heads/${name}:refs/heads/${name}`);
  if (!refs.length || !refs[0]!.includes(`/${branch}:`)) throw new Error(`${remote} 没有分支 ${branch}`);
  git(repo, ['fetch', '--quiet', '--no-tags', remote, ...refs]);
}

/** Points the served link at `target` in one rename, so that nginx sees one site or the other. */
function serve(target: string): void {
  const next = `${link}.next`;
  rmSync(next, { force: true }); // left by a swap that was interrupted
  symlinkSync(target, next);
  renameSync(next, link);
}

try {
  fetchBranches();
} catch (error) {
  console.error(`✗ 无法从 ${remote} 取回：${(error as Error).message}`);
  process.exit(1);
}
await mkdir(dirname(link), { recursive: true });
const builder = createSiteBuilder({
  root: process.cwd(),
  repo,
  ref: `refs/heads/${branch}`,
  workDir: join(dir, 'work'),
  cacheDir: join(dir, 'cache'),
  env: { ...process.env, PORTAL_CACHE_DIR: join(dir, 'cache') },
  onServed: serve,
});

/**
 * Fetch, then build if the branch moved. The builder runs one build at a time and looks again after each, so
 * a move during a build is built next (its fast path too: see docs/performance.md for what that costs).
 */
function poke(): void {
  try {
    fetchBranches();
  } catch (error) {
    console.error(`✗ 无法从 ${remote} 取回：${(error as Error).message}`);
    return;
  }
  void builder.check();
}

const server = createServer((req, res) => {
  // Nothing but a nudge: it carries no data and makes the updater do only what its timer would do anyway.
  const ok = req.method === 'POST' && req.url === '/moved';
  // One request per connection: a nudge kept alive for the next one, seconds later, would race the server's
  // keep-alive timeout and be lost ("other side closed"), found by test/updater.test.ts.
  res
    .writeHead(ok ? 202 : 404, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
    .end(ok ? '好的\n' : '');
  if (ok) poke();
});

const shutdown = async (code = 0) => {
  server.close();
  await builder.close();
  process.exit(code);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
process.once('exit', stopChildren);

await mkdir(join(dir, 'work'), { recursive: true });
if (!(await builder.start())) await shutdown(1);
setInterval(poke, interval);
server.listen(port, LOOPBACK, () => {
  const { port: real } = server.address() as AddressInfo;
  console.log(
    `✓ 站点更新程序：${link} → ${builder.served()}；网关发布后请 POST http://${LOOPBACK}:${real}/moved`,
  );
  poke();
});
