/**
 * The production updater (scripts/updater.ts) as a server runs it: its own bare clone of the repository of
 * record, a symbolic link that nginx serves. After a push and the gate's nudge, the fast path puts the article
 * on the served site before the full build ends; the full build then takes over with one rename, and the link
 * never points at a missing or half-written site.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/load/load.ts';
import { BUILD_NOW } from './support/build.ts';
import { cloneRepo, freePort, git } from './support/cms.ts';
import { captureOutput, type Output } from './support/output.ts';

let root: string;
let child: ChildProcess;
let log: Output;
let link: string;
let nudge: string;

const printed = (pattern: RegExp) => log.printed(pattern);

const builds = () => log.text.match(/✓ 站点已按提交/g)?.length ?? 0;

beforeAll(async () => {
  // The updater's own checkout (its code builds the site) and the repository of record it fetches from.
  const code = cloneRepo();
  root = dirname(code);
  symlinkSync(resolve('node_modules'), join(code, 'node_modules'));
  const origin = join(root, 'origin.git');
  git(root, 'clone', '--quiet', '--bare', code, origin);
  link = join(root, 'www', 'dist');
  const port = await freePort();
  nudge = `http://127.0.0.1:${port}/moved`;
  child = spawn(resolve('node_modules/.bin/node'), ['scripts/updater.ts'], {
    cwd: code,
    env: {
      ...process.env,
      PORTAL_UPDATER_REMOTE: origin,
      PORTAL_UPDATER_LINK: link,
      PORTAL_UPDATER_DIR: join(root, 'updater'),
      PORTAL_UPDATER_PORT: String(port),
      // Only the nudge can make it fetch during the test.
      PORTAL_UPDATER_INTERVAL: '3600',
      PORTAL_NOW: BUILD_NOW,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  log = captureOutput(child);
  await printed(/✓ 站点更新程序/);
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGTERM');
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('npm run updater', () => {
  it('serves its first build through the link, and answers nothing but a POST to /moved', async () => {
    expect(builds()).toBe(1);
    expect(readlinkSync(link)).toBe(join(root, 'updater', 'work', 'site', 'a'));
    expect(existsSync(join(link, 'index.html'))).toBe(true);
    expect((await fetch(nudge)).status).toBe(404);
    expect((await fetch(nudge.replace('/moved', '/'), { method: 'POST' })).status).toBe(404);
    expect(log.text).toContain(`POST ${nudge}`);
  });

  it('puts a pushed article on the served site by the fast path, then by the full build, never serving half a site', async () => {
    await printed(/✓ 快速发布通道已就绪/);
    // A publish as the gate makes it: a commit on the remote's main.
    const work = join(root, 'work');
    git(root, 'clone', '--quiet', join(root, 'origin.git'), work);
    git(work, 'config', 'user.name', '投稿网关');
    git(work, 'config', 'user.email', 'gate@portal.invalid');
    const newest = loadContent(join(work, 'content')).content.articles.at(-1)!;
    const id = `${newest.id}-updater`;
    const submitted = Temporal.Instant.from(BUILD_NOW).subtract({ hours: 1 });
    writeFileSync(
      join(dirname(resolve(newest.file)), `${id}.md`),
      readFileSync(resolve(newest.file), 'utf8')
        .replace(/^title: .*$/m, 'title: 更新程序发布的文章')
        .replace(
          /^submitted: .*$/m,
          `submitted: '${submitted.toZonedDateTimeISO('Asia/Shanghai').toString({ timeZoneName: 'never' })}'`,
        ),
    );
    git(work, 'add', 'content');
    git(work, 'commit', '-qm', '发布内刊投稿');
    git(work, 'push', '-q', 'origin', 'main');

    // Every 20 ms: the link leads to a whole site, and when did the article appear.
    const broken: string[] = [];
    let seenBeforeFullBuild = false;
    const page = join(link, 'articles', id, 'index.html');
    const watch = setInterval(() => {
      if (!existsSync(join(link, 'index.html'))) broken.push(readlinkSync(link));
      if (existsSync(page) && builds() === 1) seenBeforeFullBuild = true;
    }, 20);
    try {
      expect((await fetch(nudge, { method: 'POST' })).status).toBe(202);
      await printed(/✓ 快速发布：\d+ 个页面已更新（1 个内容文件/);
      await printed(/✓ 站点已按提交[\s\S]*✓ 站点已按提交/);
    } finally {
      clearInterval(watch);
    }
    expect(seenBeforeFullBuild).toBe(true);
    expect(broken).toEqual([]);
    expect(readlinkSync(link)).toBe(join(root, 'updater', 'work', 'site', 'b'));
    expect(readFileSync(page, 'utf8')).toContain('更新程序发布的文章');
  });
});
