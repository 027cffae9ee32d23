/**
 * npm start: the portal on this machine, with a working submission form.
 *
 *   1. the submission gate (src/gate/) on http://127.0.0.1:4321/ — it serves the built site and answers the
 *      CMS at /api/v1, checking every save; a new secret each run, carried by the “投稿” link printed below;
 *   2. a build of what is committed on the current branch (never the working tree, never a draft), served once
 *      it is complete, after the ledger has recorded the commit (src/ledger/);
 *   3. whenever that branch moves (a publish through the gate, or a commit by hand; reads and draft saves
 *      never do): first the fast path (src/fastpath/) writes the pages the changed entries touch into the
 *      served site, within seconds; then a full build replaces the site. Both render at the same "now".
 *
 * npm run dev (`--dev`): `astro dev` for working on the site's code, without the CMS.
 * Ctrl-C stops everything. Port: PORTAL_PORT (4321).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { CMS_ENV } from '../src/cms/backend.ts';
import { startFastPath, type FastPath } from '../src/fastpath/index.ts';
import { runGit } from '../src/git/run.ts';
import { updateLedger } from '../src/ledger/index.ts';
import { currentBranch, isGitRepo, startGate, type RunningGate } from '../src/gate/local.ts';

const ROOT = process.cwd();
const OUT = join(ROOT, 'tmp', 'start');
const PORT = Number(process.env.PORTAL_PORT ?? 4321);
// The CLI of the installed Astro, run with this (checked) Node rather than whatever `npx` would find.
const ASTRO = join(
  dirname(createRequire(join(ROOT, 'package.json')).resolve('astro/package.json')),
  'bin/astro.mjs',
);

/**
 * Astro's cache folder for every build of this run (Astro's default unless PORTAL_CACHE_DIR names another):
 * the builds keep their prerender bundle there, which the fast path renders with.
 */
const CACHE = process.env.PORTAL_CACHE_DIR
  ? resolve(process.env.PORTAL_CACHE_DIR)
  : join(ROOT, 'node_modules', '.astro');

const { values } = parseArgs({ options: { dev: { type: 'boolean', default: false } } });

/** Child processes, each in its own process group so that stopping one stops whatever it started. */
const children = new Set<ChildProcess>();

function run(args: string[], env: NodeJS.ProcessEnv, quiet = false): ChildProcess {
  const child = spawn(process.execPath, [ASTRO, ...args], {
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    detached: true,
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function stop(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

function revParse(ref: string): string | undefined {
  const r = runGit(ROOT, ['rev-parse', '--verify', '--quiet', ref]);
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** git in the project, with the repository's hooks switched off: nothing in .git/hooks runs as the user. */
function git(args: string[], cwd = ROOT): void {
  const r = runGit(cwd, ['-c', 'core.hooksPath=/dev/null', ...args]);
  if (r.status !== 0) throw new Error(`git ${args[0]} 失败：${r.stderr.trim()}`);
}

/**
 * A linked work tree (git worktree) that only the builder checks out, one build at a time: the build sees
 * exactly a commit of the branch, never the user's uncommitted files or a draft, and never a half checkout.
 * Being a work tree of the same repository, its content/ finds the repository's ledger (src/ledger/).
 */
const TREE = join(OUT, 'tree');
/**
 * Two site folders used in turn: a build goes into the one not being served, in place (only the pages that
 * changed since that folder's last build are written: src/integrations/dist-state.ts), and the gate serves it
 * once the build has succeeded. The site is never served half written.
 */
const SLOTS = [join(OUT, 'site', 'a'), join(OUT, 'site', 'b')];
/** A folder just taken out of service may still be answering a request: it is built into no sooner. */
const GRACE_MS = 10_000;
let served: string | undefined;
let releasedAt = 0;

/** Checks `commit` out in the builder's work tree, after the ledger has seen it. */
function checkout(commit: string): void {
  git(['checkout', '--quiet', '--force', '--detach', commit], TREE);
  // What CI does on the protected branch: the ledger sees every commit of main before its build.
  updateLedger(ROOT, commit, Temporal.Now.instant());
}

/**
 * Builds the checked-out `commit` into the folder not being served and, when that succeeds, serves it. `now`
 * pins the build's "now" (PORTAL_NOW) to the fast path's, so that its pages come out the same. The fast path
 * writes into the served folder only; its files there are not the record's, so the build after next (into
 * that folder again) rewrites them.
 */
async function build(commit: string, env: NodeJS.ProcessEnv, now?: string): Promise<boolean> {
  const started = Date.now();
  const out = SLOTS.find((slot) => slot !== served)!;
  const wait = releasedAt + GRACE_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const child = run(
    ['build', '--outDir', out],
    { ...env, PORTAL_CONTENT_DIR: join(TREE, 'content'), ...(now ? { PORTAL_NOW: now } : {}) },
    true,
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (c, s) => r({ code: c, signal: s })),
  );
  if (code !== 0) {
    const report = output
      .split('\n')
      .filter((l) => !/[├└]─/.test(l))
      .join('\n')
      .trim();
    if (report) console.error(report);
    console.error(
      signal
        ? `✗ 构建被中止（${signal}），继续提供上一次成功构建的站点。`
        : `✗ 构建失败（退出码 ${code}${report ? '，见上面的报告' : '，没有输出'}），继续提供上一次成功构建的站点。`,
    );
    // The folder is left as it is: its build wrote no record of it, so the next build there empties it first.
    return false;
  }
  served = out;
  releasedAt = Date.now();
  console.log(`✓ 站点已按提交 ${commit.slice(0, 8)} 构建（${Math.round((Date.now() - started) / 1000)} 秒）`);
  return true;
}

/**
 * The fast path of the bundle the last build kept, started (warmed up) in the background after each build.
 * A failure to start is reported and the full builds carry on alone.
 */
const fast: { path?: Promise<FastPath | undefined>; ready?: FastPath | undefined } = {};

function restartFastPath(env: NodeJS.ProcessEnv): void {
  const previous = fast.path;
  fast.ready = undefined;
  fast.path = (async () => {
    await (await previous)?.close();
    try {
      return (fast.ready = await startFastPath({
        root: ROOT,
        siteDir: () => served,
        contentDir: join(TREE, 'content'),
        cacheDir: CACHE,
        // The builds' environment: pages that read it (/admin/: the CMS variables) come out as built.
        env,
      }));
    } catch (error) {
      console.error(`✗ ${(error as Error).message}；新投稿要等完整构建后才能看到。`);
      return undefined;
    }
  })();
}

/** The content files that differ between two commits, for the log. */
function changedContent(from: string | undefined, to: string): string[] {
  if (!from) return [];
  const r = runGit(ROOT, ['diff', '--name-only', from, to, '--', 'content/']);
  return r.status === 0 ? r.stdout.split('\n').filter(Boolean) : [];
}

/**
 * The fast path's part of a branch move: the touched pages into the served site. Returns the "now" it rendered
 * at (for the full build), if it ran, and whether it failed (its process is then gone).
 */
async function fastUpdate(from: string | undefined, to: string): Promise<{ now?: string; failed: boolean }> {
  // Still warming up (after a build): the full build is not held up for it.
  const fastPath = fast.ready;
  if (!fastPath || !served) return { failed: false };
  const files = changedContent(from, to);
  try {
    // A "now" pinned for the whole run (PORTAL_NOW) holds for the fast path too.
    const pinned = process.env.PORTAL_NOW ? Temporal.Instant.from(process.env.PORTAL_NOW) : undefined;
    const result = await fastPath.update(files, pinned);
    console.log(
      `✓ 快速发布：${result.pages.length} 个页面已更新（${files.length} 个内容文件，${(result.ms / 1000).toFixed(1)} 秒），完整构建随后进行`,
    );
    return { now: result.now, failed: false };
  } catch (error) {
    // The full build that follows reports content problems in full; one line here.
    console.error(`✗ 快速发布未完成（完整构建照常进行）：${(error as Error).message.split('\n')[0]}`);
    return { failed: true };
  }
}

/** Rebuilds when the branch moves; a move during a build causes one more build after it. */
function rebuilder(ref: string, env: NodeJS.ProcessEnv) {
  let built = revParse(ref);
  let building = false;
  const check = async () => {
    if (building) return;
    const now = revParse(ref);
    if (!now || now === built) return;
    building = true;
    console.log(`… ${ref} 有新提交，正在重新构建`);
    checkout(now);
    const fastPath = await fastUpdate(built, now);
    // After a build, a fresh fast path on the bundle it kept; after a failed one (its process has exited,
    // its store perhaps half updated), a fresh one on the last bundle.
    if ((await build(now, env, fastPath.now)) || fastPath.failed) restartFastPath(env);
    built = now; // A broken commit is reported once, not rebuilt every two seconds.
    building = false;
    void check();
  };
  return { check, timer: setInterval(() => void check(), 2000) };
}

async function main(): Promise<void> {
  let gate: RunningGate | undefined;
  // Set once the first build is served; the gate and the shutdown refer to them before that.
  const watching: { timer?: NodeJS.Timeout; check?: () => Promise<void> } = {};
  const shutdown = async (code = 0) => {
    clearInterval(watching.timer);
    for (const child of children) stop(child);
    await (await fast.path)?.close();
    await gate?.stop();
    runGit(ROOT, ['worktree', 'remove', '--force', TREE]);
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  // Should this script die of an error, its children (in their own process groups) must not outlive it.
  process.once('exit', () => {
    for (const child of children) stop(child);
  });

  if (values.dev) {
    console.log('开发模式：修改站点代码即时生效；投稿表单请用 npm start。');
    run(['dev'], { ...process.env, [CMS_ENV.backend]: undefined });
    return;
  }
  if (!isGitRepo(ROOT)) {
    console.error('✗ 这个目录不是 git 仓库（例如下载的压缩包）：请用 git clone 获取项目。');
    process.exit(1);
  }
  let branch: string;
  try {
    branch = currentBranch(ROOT);
  } catch (error) {
    console.error(`✗ ${(error as Error).message}：请先 git switch 到一个分支。`);
    process.exit(1);
  }
  const ref = `refs/heads/${branch}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [CMS_ENV.backend]: 'gate',
    [CMS_ENV.branch]: branch,
    PORTAL_CACHE_DIR: CACHE,
    PORTAL_SITE: `http://127.0.0.1:${PORT}`,
  };
  try {
    gate = await startGate({
      repo: ROOT,
      port: PORT,
      branch,
      siteDir: () => served,
      onPublished: () => void watching.check?.(),
    });
  } catch (error) {
    console.error(`✗ 无法启动投稿网关：${(error as Error).message}（可设置 PORTAL_PORT 换一个端口）`);
    process.exit(1);
  }
  // Only once the port is ours: a second npm start in the same folder (its port taken by the first) must not
  // delete the site and the work tree the first one is serving from.
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  // A work tree left by a run that was killed is forgotten first.
  git(['worktree', 'prune']);
  git(['worktree', 'add', '--quiet', '--detach', '--force', TREE, ref]);
  const first = revParse(ref)!;
  checkout(first);
  if (!(await build(first, env))) await shutdown(1);
  restartFastPath(env);
  Object.assign(watching, rebuilder(ref, env));
  console.log(
    `\n站点：${gate.url}/\n投稿：${gate.loginUrl}\n` +
      `（投稿链接含本次运行的密钥，只在本机有效；站点按分支 ${branch} 已提交的内容构建）\n按 Ctrl-C 退出。\n`,
  );
}

await main();
