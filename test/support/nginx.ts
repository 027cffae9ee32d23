/**
 * Runs Debian's nginx on the deployment example (deploy/nginx/sales-portal.conf) with its ports, root and
 * upstreams swapped for loopback test ones, as a foreground child under a temporary prefix. Requests are
 * written by hand on a socket, so path tricks reach nginx byte for byte (fetch would normalise them first).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const EXAMPLE = 'deploy/nginx/sales-portal.conf';

export interface Upstreams {
  auth: number;
  managers: number;
  gate: number;
}

export interface SiteOptions {
  port: number;
  root: string;
  upstreams: Upstreams;
  /** Appended inside the server block, as a site would add its own caching rules. */
  extra?: string;
  /** The regression the test must catch: `location /manage/` without `^~`. */
  withoutPrefixPriority?: boolean;
}

/** Replaces `from` by `to`, insisting it occurs `count` times: an edited example must fail here, not drift. */
function swap(text: string, from: string | RegExp, to: string, count: number): string {
  const pattern =
    typeof from === 'string' ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : from;
  const found = text.match(pattern)?.length ?? 0;
  if (found !== count) throw new Error(`${EXAMPLE}: expected ${count} × ${pattern}, found ${found}`);
  return text.replace(pattern, () => to);
}

/** The example's server block with test ports and root. TLS is dropped: certificates are not what is tested. */
export function siteConfig(example: string, o: SiteOptions): string {
  let conf = swap(example, 'listen 443 ssl;', `listen 127.0.0.1:${o.port};`, 1);
  conf = swap(conf, /^ *ssl_certificate(_key)? .*\n/gm, '', 2);
  conf = swap(conf, 'root /srv/sales-portal/dist;', `root ${o.root};`, 1);
  conf = swap(conf, 'http://127.0.0.1:4180', `http://127.0.0.1:${o.upstreams.auth}`, 2);
  conf = swap(conf, 'http://127.0.0.1:4181', `http://127.0.0.1:${o.upstreams.managers}`, 1);
  conf = swap(conf, 'http://127.0.0.1:4322', `http://127.0.0.1:${o.upstreams.gate}`, 1);
  if (o.withoutPrefixPriority) conf = swap(conf, 'location ^~ /manage/', 'location /manage/', 1);
  if (o.extra) conf = swap(conf, /\n\}\s*$/, `\n\n    ${o.extra}\n}\n`, 1);
  return conf;
}

/** A loopback port that was free a moment ago (nginx cannot report the port it was given by the kernel). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

export interface Nginx {
  stop(): Promise<void>;
}

/** Checks the site with `nginx -t`, then runs it until stop(); throws nginx's own words on either failure. */
export async function startNginx(site: string, port: number): Promise<Nginx> {
  if (!existsSync(NGINX)) {
    throw new Error(`找不到 nginx（${NGINX}）：npm test 会安装 Debian 的 nginx 软件包，或设置 NGINX_PATH。`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'portal-nginx-'));
  // Run as root, nginx's workers drop to nobody, who must be able to read the prefix.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'temp'));
  writeFileSync(join(dir, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
    (t) => `${t}_temp_path ${join(dir, 'temp', t)};`,
  );
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 64; }',
      'http {',
      '    include /etc/nginx/mime.types;',
      '    access_log off;',
      ...temp.map((t) => `    ${t}`),
      `    include ${join(dir, 'site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  const test = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t 拒绝了配置：\n${test.stderr}\n${site}`);

  const child: ChildProcess = spawn(NGINX, args, { stdio: 'ignore' });
  const exited = new Promise((done) => child.once('exit', done));
  const stop = async () => {
    child.kill('SIGQUIT');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (await answers(port)) return { stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
  await stop();
  throw new Error(`nginx did not listen on 127.0.0.1:${port}\n${log}`);
}

function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

export interface Reply {
  status: number;
  head: string;
  body: string;
}

/** One request with `target` sent exactly as given in the request line. */
export async function request(
  port: number,
  target: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const socket = connect(port, '127.0.0.1');
  const lines = [`GET ${target} HTTP/1.1`, 'Host: portal.intranet', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  // write, not end: nginx treats a half-closed client as gone (499) before proxying to the login check.
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  const head = split < 0 ? text : text.slice(0, split);
  const raw = text.slice(split + 4);
  const body = /^transfer-encoding: chunked$/im.test(head) ? unchunk(raw) : raw;
  return { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0), head, body };
}

/** The body of a chunked response (nginx chunks what it proxies from the fake upstreams). */
function unchunk(raw: string): string {
  let body = '';
  for (let at = 0; at < raw.length;) {
    const eol = raw.indexOf('\r\n', at);
    const size = parseInt(raw.slice(at, eol), 16);
    if (!(size > 0)) break;
    body += raw.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
  return body;
}
