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
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { CMS_ENV } from '../src/cms/backend.ts';
import { updateLedger } from '../src/ledger/index.ts';
import { currentBranch, isGitRepo, startGate, type RunningGate } from '../src/gate/local.ts';
import { createSiteBuilder, runAstro, stopChildren, type SiteBuilder } from './lib/site-builder.ts';

const ROOT = process.cwd();
const OUT = join(ROOT, 'tmp', 'start');
const PORT = Number(process.env.PORTAL_PORT ?? 4321);

/**
 * Astro's cache folder for every build of this run (Astro's default unless PORTAL_CACHE_DIR names another):
 * the builds keep their prerender bundle there, which the fast path renders with.
 */
const CACHE = process.env.PORTAL_CACHE_DIR
  ? resolve(process.env.PORTAL_CACHE_DIR)
  : join(ROOT, 'node_modules', '.astro');

const { values } = parseArgs({ options: { dev: { type: 'boolean', default: false } } });

async function main(): Promise<void> {
  let gate: RunningGate | undefined;
  // Set once the first build is served; the gate and the shutdown refer to them before that.
  const watching: { timer?: NodeJS.Timeout; builder?: SiteBuilder } = {};
  const shutdown = async (code = 0) => {
    clearInterval(watching.timer);
    await watching.builder?.close();
    await gate?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  // Should this script die of an error, its children (in their own process groups) must not outlive it.
  process.once('exit', stopChildren);

  if (values.dev) {
    console.log('开发模式：修改站点代码即时生效；投稿表单请用 npm start。');
    runAstro(ROOT, ['dev'], { ...process.env, [CMS_ENV.backend]: undefined });
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

  const builder = createSiteBuilder({
    root: ROOT,
    repo: ROOT,
    ref: `refs/heads/${branch}`,
    workDir: OUT,
    cacheDir: CACHE,
    env: {
      ...process.env,
      [CMS_ENV.backend]: 'gate',
      [CMS_ENV.branch]: branch,
      PORTAL_CACHE_DIR: CACHE,
      PORTAL_SITE: `http://127.0.0.1:${PORT}`,
    },
    // What CI does on the protected branch: the ledger sees every commit of the branch before its build.
    beforeBuild: (commit) => updateLedger(ROOT, commit, Temporal.Now.instant()),
  });
  try {
    gate = await startGate({
      repo: ROOT,
      port: PORT,
      branch,
      siteDir: builder.served,
      onPublished: () => void watching.builder?.check(),
    });
  } catch (error) {
    console.error(`✗ 无法启动投稿网关：${(error as Error).message}（可设置 PORTAL_PORT 换一个端口）`);
    process.exit(1);
  }
  // Only once the port is ours: a second npm start in the same folder (its port taken by the first) must not
  // delete the site and the work tree the first one is serving from.
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  watching.builder = builder;
  if (!(await builder.start())) await shutdown(1);
  // A commit by hand moves the branch too: looked for every two seconds.
  watching.timer = setInterval(() => void builder.check(), 2000);
  void builder.check();
  console.log(
    `\n站点：${gate.url}/\n投稿：${gate.loginUrl}\n` +
      `（投稿链接含本次运行的密钥，只在本机有效；站点按分支 ${branch} 已提交的内容构建）\n按 Ctrl-C 退出。\n`,
  );
}

await main();
