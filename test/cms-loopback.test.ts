/**
 * decap-server has no login: whoever reaches it can commit to the repository. Started as `npm start` starts
 * it (src/cms/local-server.ts), it must listen on 127.0.0.1 only, and the machine's other addresses must
 * refuse connections to its port.
 */
import { readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverEnv, startDecapServer, type LocalServer } from '../src/cms/local-server.ts';
import { cloneRepo, freePort, git } from './support/cms.ts';

/** Local addresses (as /proc/net/tcp{,6} writes them) of the sockets listening on `port`. */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // Column 1 is address:port, column 3 the state; 0A is LISTEN.
      .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A')
      .map((cols) => cols[1]!.split(':')[0]!),
  );
}

/** This machine's addresses other than loopback. */
function externalAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.internal && !a.address.startsWith('fe80'))
    .map((a) => a!.address);
}

/** 'connected' or the error code of a TCP connection attempt. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

let repo: string;
let server: LocalServer;
let port: number;

beforeAll(async () => {
  repo = cloneRepo();
  port = await freePort();
  server = await startDecapServer({ root: process.cwd(), repo, port, stdio: 'ignore' });
});

afterAll(async () => {
  await server?.stop();
  if (repo) rmSync(dirname(repo), { recursive: true, force: true });
});

describe('decap-server as npm start runs it', () => {
  it('is told to bind to loopback, in git mode, on a repository with core.quotepath=false', () => {
    const env = serverEnv(repo, port, {});
    expect(env).toMatchObject({ BIND_HOST: '127.0.0.1', MODE: 'git', GIT_REPO_DIRECTORY: repo });
    expect(git(repo, 'config', 'core.quotepath')).toBe('false');
  });

  it('listens on 127.0.0.1 and nowhere else', () => {
    expect(listeners(port)).toEqual(['0100007F']);
  });

  it('answers on loopback and refuses every other address of this machine', async () => {
    expect(await tryConnect('127.0.0.1', port)).toBe('connected');
    const outside = externalAddresses();
    for (const address of outside) expect(await tryConnect(address, port), address).not.toBe('connected');
  });

  it('would be caught: a server on all interfaces is reachable from those addresses', async () => {
    const open: Server = createServer((s) => s.destroy());
    const other = await freePort();
    await new Promise<void>((r) => open.listen(other, r));
    try {
      expect(listeners(other)).not.toEqual(['0100007F']);
      for (const address of externalAddresses())
        expect(await tryConnect(address, other), address).toBe('connected');
    } finally {
      open.close();
    }
  });
});
