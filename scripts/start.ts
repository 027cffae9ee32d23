/**
 * npm start: the portal on this machine, with a working submission form.
 *
 *   1. decap-server, the local git backend of /admin/, on 127.0.0.1 only (src/cms/local-server.ts);
 *   2. a build of the site that talks to it (PORTAL_CMS_BACKEND=local);
 *   3. `astro preview` of that build on http://127.0.0.1:4321/;
 *   4. a rebuild whenever content/ changes — a published entry is merged into it — swapped in when done,
 *      so the preview never serves a half-written site.
 *
 * npm run dev (`--dev`): decap-server and `astro dev` instead of 2–4.
 * Ctrl-C stops every child process. Ports: PORTAL_CMS_PORT (decap-server, 8081).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CMS_ENV } from '../src/cms/backend.ts';
import {
  DEFAULT_PORT,
  currentBranch,
  isGitRepo,
  startDecapServer,
  uncommitted,
  type LocalServer,
} from '../src/cms/local-server.ts';

const ROOT = process.cwd();
const SITE = 'http://127.0.0.1:4321';
const OUT = join(ROOT, 'tmp', 'start');
// The CLI of the installed Astro, run with this (checked) Node rather than whatever `npx` would find.
const ASTRO = join(
  dirname(createRequire(join(ROOT, 'package.json')).resolve('astro/package.json')),
  'bin/astro.mjs',
);

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

/** The local CMS and the branch it publishes to, or undefined (with the reason printed) when there is none. */
async function startCms(): Promise<{ server: LocalServer; branch: string } | undefined> {
  if (!isGitRepo(ROOT)) {
    console.warn('⚠ 这个目录不是 git 仓库（例如下载的压缩包），投稿功能不可用：请用 git clone 获取项目。');
    return undefined;
  }
  let branch: string;
  try {
    branch = currentBranch(ROOT);
  } catch (error) {
    console.warn(`⚠ ${(error as Error).message}，投稿功能不可用：请先 git switch 到一个分支。`);
    return undefined;
  }
  const dirty = uncommitted(ROOT);
  if (dirty.length > 0)
    console.warn(
      `⚠ 工作区有 ${dirty.length} 处未提交的修改。decap-server 保存投稿时会执行 git add .，` +
        '把它们一起提交；请先提交或暂存（git stash）。',
    );
  const port = Number(process.env.PORTAL_CMS_PORT ?? DEFAULT_PORT);
  return { server: await startDecapServer({ root: ROOT, repo: ROOT, port }), branch };
}

/** Builds into OUT/next and, when that succeeds, makes it the served OUT/site. */
async function build(env: NodeJS.ProcessEnv): Promise<boolean> {
  const started = Date.now();
  await rm(join(OUT, 'next'), { recursive: true, force: true });
  const child = run(['build', '--outDir', join(OUT, 'next')], env, true);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) {
    console.error(
      output
        .split('\n')
        .filter((l) => !/[├└]─/.test(l))
        .join('\n'),
    );
    console.error('✗ 构建失败（见上面的报告），继续提供上一次成功构建的站点。');
    return false;
  }
  await rm(join(OUT, 'old'), { recursive: true, force: true });
  await rename(join(OUT, 'site'), join(OUT, 'old')).catch(() => undefined);
  await rename(join(OUT, 'next'), join(OUT, 'site'));
  await rm(join(OUT, 'old'), { recursive: true, force: true });
  console.log(`✓ 站点已构建（${Math.round((Date.now() - started) / 1000)} 秒）`);
  return true;
}

/** Rebuilds after content changes settle; changes during a build cause one more build after it. */
function rebuildOnChange(dir: string, env: NodeJS.ProcessEnv): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let again = false;
  const rebuild = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    console.log('… content/ 有变化，正在重新构建');
    await build(env);
    building = false;
    if (again) {
      again = false;
      void rebuild();
    }
  };
  return watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    // decap-server switches branches in the working tree while it saves: wait for it to settle.
    timer = setTimeout(() => void rebuild(), 1000);
  });
}

async function main(): Promise<void> {
  let cms: LocalServer | undefined;
  let watcher: FSWatcher | undefined;
  const shutdown = async (code = 0) => {
    watcher?.close();
    for (const child of children) stop(child);
    await cms?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  // Should this script die of an error, its children (in their own process groups) must not outlive it.
  process.once('exit', () => {
    for (const child of children) stop(child);
    if (cms) stop(cms.child);
  });

  // Always the local backend, or none: a gitlab/gitea setting from the shell has no place on this machine.
  const env: NodeJS.ProcessEnv = { ...process.env, [CMS_ENV.backend]: undefined };
  try {
    const local = await startCms();
    if (local) {
      cms = local.server;
      Object.assign(env, {
        [CMS_ENV.backend]: 'local',
        [CMS_ENV.proxyUrl]: cms.url,
        [CMS_ENV.branch]: local.branch,
      });
      console.log(`✓ decap-server 已在 ${cms.url} 启动（仅本机可访问），投稿发布到分支 ${local.branch}`);
    }
  } catch (error) {
    console.error(
      `✗ 无法启动 decap-server：${(error as Error).message}（端口被占用时可设置 PORTAL_CMS_PORT）`,
    );
    process.exit(1);
  }

  if (values.dev) {
    run(['dev'], env);
  } else {
    await mkdir(OUT, { recursive: true });
    if (!(await build(env))) await shutdown(1);
    run(['preview', '--outDir', join(OUT, 'site'), '--host', '127.0.0.1', '--port', '4321'], env);
    watcher = rebuildOnChange(resolve(process.env.PORTAL_CONTENT_DIR ?? 'content'), env);
  }
  console.log(`\n站点：${SITE}/\n投稿：${SITE}/admin/${cms ? '' : '（本次未启用）'}\n按 Ctrl-C 退出。\n`);
}

await main();
