/**
 * The site builder that `npm start` and the production updater (`npm run updater`) share: it builds a branch
 * of a git repository and keeps the newest successful build served.
 *
 *   - A linked work tree (git worktree) that only the builder checks out, one build at a time: a build sees
 *     exactly a commit of the branch, never uncommitted files or a draft, never a half checkout. Being a work
 *     tree of the same repository, its content/ finds the repository's ledger (src/ledger/).
 *   - Two site folders used in turn: a build goes into the one not being served, in place (only the pages that
 *     changed since that folder's last build are written: src/integrations/dist-state.ts), and is served once
 *     it has succeeded. The site is never served half written.
 *   - When the branch moves, the fast path (src/fastpath/) first writes the pages the changed entries touch
 *     into the served folder, within seconds; then a full build replaces the site. Both render at one "now".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { startFastPath, type FastPath } from '../../src/fastpath/index.ts';
import { runGit } from '../../src/git/run.ts';

export interface SiteBuilderOptions {
  /** The project whose code builds the site (its src/ and node_modules/). */
  root: string;
  /** The git repository whose branch is built (npm start: the project; the updater: its own bare clone). */
  repo: string;
  /** The branch's full ref in `repo`, e.g. refs/heads/main. */
  ref: string;
  /** The builder's own folder: its work tree (`tree/`) and its two site folders (`site/a`, `site/b`). */
  workDir: string;
  /** Astro's cache folder for every build; the builds keep their prerender bundle there for the fast path. */
  cacheDir: string;
  /** The environment of the builds and of the fast path (the CMS variables, PORTAL_SITE). */
  env: NodeJS.ProcessEnv;
  /** Called with each commit before it is built (npm start: the ledger records it, as CI would). */
  beforeBuild?(commit: string): void;
  /** Called once a build is being served (the updater: points the web server's link at it). */
  onServed?(dir: string): void;
}

export interface SiteBuilder {
  /** The site folder being served, once a build has succeeded. */
  served(): string | undefined;
  /** The work tree the builds read content/ from. */
  tree: string;
  /** Checks the branch out and builds it; false when the build failed (nothing is served then). */
  start(): Promise<boolean>;
  /** Fast path then full build when the branch moved since the last build; a move meanwhile: one more. */
  check(): Promise<void>;
  /** Stops the builds and the fast path and removes the work tree. */
  close(): Promise<void>;
}

/** A folder just taken out of service may still be answering a request: it is built into no sooner. */
const GRACE_MS = 10_000;

/** Child processes, each in its own process group so that stopping one stops whatever it started. */
const children = new Set<ChildProcess>();

/** Runs the installed Astro's CLI of `root` with this (checked) Node, rather than whatever `npx` finds. */
export function runAstro(root: string, args: string[], env: NodeJS.ProcessEnv, quiet = false): ChildProcess {
  const astro = join(
    dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json')),
    'bin/astro.mjs',
  );
  const child = spawn(process.execPath, [astro, ...args], {
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    detached: true,
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Stops every Astro process this module started (their process groups). */
export function stopChildren(): void {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

/** git in `cwd`, with the repository's hooks switched off: nothing in .git/hooks runs as the user. */
export function git(cwd: string, args: string[]): string {
  const r = runGit(cwd, ['-c', 'core.hooksPath=/dev/null', ...args]);
  if (r.status !== 0) throw new Error(`git ${args[0]} 失败：${r.stderr.trim()}`);
  return r.stdout;
}

export function createSiteBuilder(options: SiteBuilderOptions): SiteBuilder {
  const { root, repo, ref, env } = options;
  const tree = join(options.workDir, 'tree');
  const slots = [join(options.workDir, 'site', 'a'), join(options.workDir, 'site', 'b')];
  let served: string | undefined;
  let releasedAt = 0;
  let built: string | undefined;
  let building = false;
  let closed = false;

  const revParse = (name: string): string | undefined => {
    const r = runGit(repo, ['rev-parse', '--verify', '--quiet', name]);
    return r.status === 0 ? r.stdout.trim() : undefined;
  };

  const checkout = (commit: string): void => {
    git(tree, ['checkout', '--quiet', '--force', '--detach', commit]);
    options.beforeBuild?.(commit);
  };

  /**
   * Builds the checked-out `commit` into the folder not being served and, when that succeeds, serves it. `now`
   * pins the build's "now" (PORTAL_NOW) to the fast path's, so that its pages come out the same. The fast path
   * writes into the served folder only; its files there are not the record's, so the build after next (into
   * that folder again) rewrites them.
   */
  const build = async (commit: string, now?: string): Promise<boolean> => {
    const started = Date.now();
    const out = slots.find((slot) => slot !== served)!;
    const wait = releasedAt + GRACE_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const child = runAstro(
      root,
      ['build', '--outDir', out],
      { ...env, PORTAL_CONTENT_DIR: join(tree, 'content'), ...(now ? { PORTAL_NOW: now } : {}) },
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
    options.onServed?.(out);
    console.log(
      `✓ 站点已按提交 ${commit.slice(0, 8)} 构建（${Math.round((Date.now() - started) / 1000)} 秒）`,
    );
    return true;
  };

  /**
   * The fast path of the bundle the last build kept, started (warmed up) in the background after each build.
   * A failure to start is reported and the full builds carry on alone.
   */
  const fast: { path?: Promise<FastPath | undefined>; ready?: FastPath | undefined } = {};
  const restartFastPath = (): void => {
    const previous = fast.path;
    fast.ready = undefined;
    fast.path = (async () => {
      await (await previous)?.close();
      if (closed) return undefined;
      try {
        fast.ready = await startFastPath({
          root,
          siteDir: () => served,
          contentDir: join(tree, 'content'),
          cacheDir: options.cacheDir,
          // The builds' environment: pages that read it (/admin/: the CMS variables) come out as built.
          env,
        });
        console.log(`✓ 快速发布通道已就绪（预热 ${(fast.ready.warmupMs / 1000).toFixed(1)} 秒）`);
        return fast.ready;
      } catch (error) {
        console.error(`✗ ${(error as Error).message}；新投稿要等完整构建后才能看到。`);
        return undefined;
      }
    })();
  };

  /** The content files that differ between two commits, for the log. */
  const changedContent = (from: string | undefined, to: string): string[] => {
    if (!from) return [];
    const r = runGit(repo, ['diff', '--name-only', from, to, '--', 'content/']);
    return r.status === 0 ? r.stdout.split('\n').filter(Boolean) : [];
  };

  /**
   * The fast path's part of a branch move: the touched pages into the served site. Returns the "now" it
   * rendered at (for the full build), if it ran, and whether it failed (its process is then gone).
   */
  const fastUpdate = async (
    from: string | undefined,
    to: string,
  ): Promise<{ now?: string; failed: boolean }> => {
    // Still warming up (after a build): the full build is not held up for it.
    const fastPath = fast.ready;
    if (!fastPath || !served) return { failed: false };
    const files = changedContent(from, to);
    try {
      // A "now" pinned for the whole run (PORTAL_NOW) holds for the fast path too.
      const pinned = env.PORTAL_NOW ? Temporal.Instant.from(env.PORTAL_NOW) : undefined;
      const result = await fastPath.update(files, pinned);
      const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;
      // When the submission's own page and its search result were there: the first stage's end.
      const own = result.stages[0]?.at ?? result.ms;
      console.log(
        `✓ 快速发布：${result.pages.length} 个页面已更新（${files.length} 个内容文件，${seconds(result.ms)}；` +
          `投稿本身的页面和搜索 ${seconds(own)}），完整构建随后进行`,
      );
      return { now: result.now, failed: false };
    } catch (error) {
      // The full build that follows reports content problems in full; one line here.
      console.error(`✗ 快速发布未完成（完整构建照常进行）：${(error as Error).message.split('\n')[0]}`);
      return { failed: true };
    }
  };

  const check = async (): Promise<void> => {
    if (building || closed) return;
    const now = revParse(ref);
    if (!now || now === built) return;
    building = true;
    try {
      console.log(`… ${ref.replace(/^refs\/(heads|remotes)\//, '')} 有新提交，正在重新构建`);
      checkout(now);
      const fastPath = await fastUpdate(built, now);
      // After a build, a fresh fast path on the bundle it kept; after a failed one (its process has exited,
      // its store perhaps half updated), a fresh one on the last bundle.
      if ((await build(now, fastPath.now)) || fastPath.failed) restartFastPath();
      built = now; // A broken commit is reported once, not rebuilt at every check.
    } finally {
      building = false;
    }
    void check();
  };

  return {
    served: () => served,
    tree,
    async start() {
      // A work tree left by a run that was killed is forgotten first.
      git(repo, ['worktree', 'prune']);
      git(repo, ['worktree', 'add', '--quiet', '--detach', '--force', tree, ref]);
      const first = revParse(ref)!;
      checkout(first);
      built = first;
      building = true;
      try {
        if (!(await build(first))) return false;
      } finally {
        building = false;
      }
      restartFastPath();
      return true;
    },
    check,
    async close() {
      closed = true;
      stopChildren();
      await (await fast.path)?.close();
      runGit(repo, ['worktree', 'remove', '--force', tree]);
    },
  };
}
