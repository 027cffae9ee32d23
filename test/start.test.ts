/**
 * `npm start` as a newcomer runs it, in a fresh clone: it prints the address it serves and a login link, builds
 * only when the branch moves — never on a read or a draft save — and shows a published article on the site.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { cloneRepo, freePort, git } from './support/cms.ts';
import { readyArticle } from './support/gate.ts';
import { captureOutput, type Output } from './support/output.ts';

let repo: string;
let child: ChildProcess;
let log: Output;
let site: string;
let login: string;

const printed = (pattern: RegExp, ms = 240_000) => log.printed(pattern, ms);

const builds = () => log.text.match(/✓ 站点已按提交/g)?.length ?? 0;

beforeAll(async () => {
  repo = cloneRepo();
  symlinkSync(resolve('node_modules'), join(repo, 'node_modules'));
  const port = await freePort();
  child = spawn(resolve('node_modules/.bin/node'), ['scripts/start.ts'], {
    cwd: repo,
    env: {
      ...process.env,
      PORTAL_PORT: String(port),
      PORTAL_CACHE_DIR: mkdtempSync(join(tmpdir(), 'portal-start-cache-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  log = captureOutput(child);
  site = (await printed(/站点：(\S+)\//))[1]!;
  login = (await printed(/投稿：(\S+)/))[1]!;
  expect(site).toBe(`http://127.0.0.1:${port}`);
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGTERM');
  if (repo) rmSync(dirname(repo), { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves the site it built, and a link to /admin/ that carries the run’s key', async () => {
    expect(builds()).toBe(1);
    expect((await fetch(`${site}/`)).status).toBe(200);
    expect(login).toMatch(new RegExp(`^${site}/admin/#key=[\\w-]{32,}$`));
    expect((await fetch(login)).status).toBe(200);
  });

  it('opens a working form from the printed link in a browser, and says in Chinese what to do without it', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(login);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('link', { name: '内刊投稿' }).first().waitFor();
      // The key left the address bar, and no request carried it in a URL.
      expect(page.url()).not.toContain('key=');
      expect(requests.filter((u) => u.includes(new URL(login).hash.slice(5)))).toEqual([]);
      const stranger = await browser.newPage();
      await stranger.goto(`${site}/admin/`);
      await stranger.getByText('未登录：请用 npm start 在终端里显示的“投稿”链接打开投稿页').waitFor();
    } finally {
      await browser.close();
    }
  });

  it('rebuilds only when main moves, and then shows the published article', async () => {
    const portalKey = new URL(login).hash.slice('#key='.length);
    const api = async (body: unknown) => {
      const r = await fetch(`${site}/api/v1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: site, 'X-Portal-Key': portalKey },
        body: JSON.stringify(body),
      });
      expect(r.status, await r.clone().text()).toBe(200);
      return r.json();
    };
    await api({
      action: 'entriesByFolder',
      params: { folder: 'content/articles', extension: 'md', depth: 2 },
    });
    const { path, key } = await readyArticle(api, 'xuning', '本机发布的文章');
    // Reads and draft saves move no branch the site is built from: no rebuild (the poll runs every 2 s).
    await new Promise((r) => setTimeout(r, 5000));
    expect(builds()).toBe(1);
    expect(log.text).not.toContain('重新构建');

    await api({ action: 'publishUnpublishedEntry', params: key });
    await printed(/✓ 站点已按提交[\s\S]*✓ 站点已按提交/);
    const id = path.split('/').pop()!.replace(/\.md$/, '');
    const page = await fetch(`${site}/articles/${id}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('本机发布的文章');
    // The published file reached the working copy as well, and nothing else changed there.
    expect(git(repo, 'status', '--porcelain')).toBe('?? node_modules');
  });

  it('reports a broken commit with its problems above the message, and keeps serving the last site', async () => {
    writeFileSync(join(repo, 'content/articles/2026/broken.md'), '---\ntitle: 坏\n---\n');
    git(repo, 'add', 'content');
    git(repo, 'commit', '-qm', '手工提交了一个坏文件');
    await printed(/✗ 构建失败（退出码 \d+，见上面的报告）/);
    const before = log.text.slice(0, log.text.indexOf('✗ 构建失败'));
    expect(before.slice(before.lastIndexOf('重新构建'))).toContain('content/articles/2026/broken.md');
    expect((await fetch(`${site}/`)).status).toBe(200);
  });

  it('says so when a rebuild is killed, rather than pointing at a report that is not there', async () => {
    const starts = () => log.text.split('正在重新构建').length - 1;
    const before = starts();
    git(repo, 'rm', '-q', 'content/articles/2026/broken.md');
    git(repo, 'commit', '-qm', '删掉坏文件');
    for (let i = 0; i < 100 && starts() === before; i++) await new Promise((r) => setTimeout(r, 100));
    // Kill the build that is running now (the snapshot builder's astro, in this clone only).
    let killed = false;
    for (let i = 0; i < 100 && !killed; i++) {
      const found = spawnSync('pgrep', ['-f', `${repo}/tmp/start/site`], { encoding: 'utf8' }).stdout.trim();
      for (const pid of found.split('\n').filter(Boolean)) {
        process.kill(Number(pid), 'SIGKILL');
        killed = true;
      }
      if (!killed) await new Promise((r) => setTimeout(r, 100));
    }
    expect(killed).toBe(true);
    await printed(/✗ 构建被中止（SIGKILL），继续提供上一次成功构建的站点。/);
    expect((await fetch(`${site}/`)).status).toBe(200);
  });

  it('keeps serving when a second npm start in the same folder finds its port taken', async () => {
    // Found by hand: the second run cleared the first one's site folder before finding the port busy.
    const again = spawnSync(resolve('node_modules/.bin/node'), ['scripts/start.ts'], {
      cwd: repo,
      env: { ...process.env, PORTAL_PORT: new URL(site).port },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已被占用');
    expect((await fetch(`${site}/`)).status).toBe(200);
    expect((await fetch(`${site}/timeliness/`)).status).toBe(200);
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(2);
  });

  it('stops on SIGTERM and leaves no work tree behind', async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('says the port is taken, rather than printing an address it does not serve', async () => {
    const busy = createServer();
    const port = await freePort();
    await new Promise<void>((r) => busy.listen(port, '127.0.0.1', r));
    try {
      const run = spawnSync(resolve('node_modules/.bin/node'), ['scripts/start.ts'], {
        cwd: repo,
        env: { ...process.env, PORTAL_PORT: String(port) },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        `✗ 无法启动投稿网关：端口 ${port} 已被占用（可设置 PORTAL_PORT 换一个端口）`,
      );
      expect(run.stdout).not.toContain('站点：');
    } finally {
      busy.close();
    }
  });
});
