/**
 * The gate as `npm start` runs it: on loopback only, one secret per run handed over by the printed link as an
 * `X-Portal-Key` header (from the printed link's fragment, never a cookie: cookies reach every port of
 * 127.0.0.1), and the built site served from its own folder and nowhere else.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGate, type TestGate } from './support/gate.ts';

let gate: TestGate;
let site: string;
let port: number;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'portal-site-'));
  mkdirSync(join(site, 'manage'));
  writeFileSync(join(site, 'index.html'), '<p>首页</p>');
  writeFileSync(join(site, 'manage/index.html'), '<p>管理</p>');
  writeFileSync(join(site, '404.html'), '<p>找不到</p>');
  symlinkSync('/etc/passwd', join(site, 'passwd.html'));
  symlinkSync('/etc', join(site, 'assets'));
  gate = await testGate({ siteDir: () => site });
  port = Number(new URL(gate.url).port);
});

afterAll(async () => {
  await gate?.remove();
  rmSync(site, { recursive: true, force: true });
});

/** A raw GET, so that the path reaches the server exactly as written (fetch would normalise `..`). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, ...headers } },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        },
      );
      req.once('error', reject);
      req.end();
    },
  );
}

/** Local addresses (as /proc/net/tcp{,6} writes them) of the sockets listening on `port`. */
function listeners(): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A')
      .map((cols) => cols[1]!.split(':')[0]!),
  );
}

function reachable(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

describe('the gate of npm start', () => {
  it('listens on 127.0.0.1 and nowhere else', async () => {
    expect(listeners()).toEqual(['0100007F']);
    const outside = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && !a.address.startsWith('fe80'))
      .map((a) => a!.address);
    for (const address of outside) expect(await reachable(address), address).toBe(false);
  });

  it('prints a link that carries the secret in its fragment, which no server ever receives', () => {
    const link = new URL(gate.loginUrl!);
    expect(link.pathname).toBe('/admin/');
    expect(link.search).toBe('');
    expect(link.hash).toMatch(/^#key=[\w-]{32,}$/);
  });

  it('refuses API calls without the key, with a wrong one, as a cookie, or from another port of localhost', async () => {
    const info = JSON.stringify({ action: 'info' });
    const call = (headers: Record<string, string>) =>
      fetch(`${gate.url}/api/v1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: info,
      });
    const key = new URL(gate.loginUrl!).hash.slice('#key='.length);
    expect((await call({ Origin: gate.url })).status).toBe(401);
    expect((await call({ Origin: gate.url, 'X-Portal-Key': 'guess' })).status).toBe(401);
    expect((await call({ Origin: gate.url, Cookie: `portal_gate=${key}` })).status).toBe(401);
    expect((await call({ Origin: 'http://127.0.0.1:1', 'X-Portal-Key': key })).status).toBe(403);
    expect((await call({ Origin: `http://localhost:${port}`, 'X-Portal-Key': key })).status).toBe(200);
    expect((await call({ Origin: gate.url, 'X-Portal-Key': key })).status).toBe(200);
  });

  it('serves the site’s files and nothing outside them, never through a link', async () => {
    expect((await get('/')).body).toContain('首页');
    expect(await get('/manage')).toMatchObject({ status: 301, headers: { location: '/manage/' } });
    for (const path of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc/passwd',
      '/passwd.html',
      '/%00',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('root:');
    }
    expect((await get('/', { Host: 'attacker.example' })).status).toBe(403);
  });

  it('answers a request line it cannot parse with 400 and keeps serving', async () => {
    for (const path of ['//[', '//[/../api/v1', 'http://[']) expect((await get(path)).status, path).toBe(400);
    expect((await get('/')).status).toBe(200);
  });
});
