/** Throwaway git clones of this repository and other helpers of the CMS tests. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

/** Runs git in `repo` and returns its trimmed output. */
export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
}

/**
 * A fresh `git clone` of this repository's committed state, with a test identity and
 * `core.quotepath=false`: the gate commits there, never here.
 */
export function cloneRepo(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'portal-cms-')), 'repo');
  execFileSync('git', ['clone', '--quiet', process.cwd(), dir]);
  git(dir, 'config', 'user.name', '测试投稿人');
  git(dir, 'config', 'user.email', 'cms-test@localhost');
  git(dir, 'config', 'core.quotepath', 'false');
  return dir;
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/**
 * A plain static server for a built site on a free loopback port, as any web server would serve it. (Astro
 * allows one `astro preview` per project at a time; tests that serve several builds use this.)
 */
export async function serveStatic(dir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createHttpServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(dir, normalize(path));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
