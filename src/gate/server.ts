/**
 * The gate's HTTP server: the CMS API at /api/v1 and, for `npm start`, the built site itself, so that the
 * admin page and its API share one origin (no CORS: no other origin may call the API at all).
 *
 * Before any API work: the Host must be the portal's own (no DNS rebinding), the Origin must be the portal's
 * own (no other web page, not even another port of localhost), the body must be JSON and not too large, and
 * the caller must be identified (identity.ts). No request, however malformed, can stop the process. Every refusal is answered `{ "error": "<中文>" }` — Decap shows
 * it in the form — and logged.
 */
import { createReadStream } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative, sep } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { handle, MEDIA_ACTIONS } from './api.ts';
import { IMAGE_LIMITS } from '../model/media.ts';
import { whoIs, type Identity } from './identity.ts';
import { GATE_POLICY } from './policy.ts';
import { Refusal } from './refusal.ts';
import { rosterAt } from './api.ts';
import type { Store } from './store.ts';

export const API_PATH = '/api/v1';

export interface GateOptions {
  store: Store;
  identity: Identity;
  /** The portal's own origins as browsers see them, e.g. `http://127.0.0.1:4321` (read on each request). */
  origins: readonly string[];
  /** The built site to serve, if this server serves it (npm start); read anew on each request. */
  siteDir?: () => string | undefined;
  /** Told of every new published commit. */
  onPublished?: (commit: string) => void | Promise<void>;
  /** Where refusals and failures are logged. */
  log?: (line: string) => void;
  /** The clock (tests move it). */
  now?: () => Temporal.Instant;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.xsl': 'text/xsl; charset=utf-8',
};

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

const tooLarge = (limit: number) => new Refusal(413, `请求过大：不能超过 ${limit / 1024 / 1024} MB`);

/**
 * The request body, refused once it passes the limit (without reading the rest). The limit is the one for
 * requests carrying images; any other action is held to GATE_POLICY.maxRequestBytes once it is parsed.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const limit = IMAGE_LIMITS.maxRequestBytes;
    if (declared > limit) return reject(tooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(tooLarge(limit));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

/** The checks every API request passes before anything else. */
function checkRequest(req: IncomingMessage, origins: readonly string[]): void {
  const origin = req.headers.origin;
  if (!origin || !origins.includes(origin)) throw new Refusal(403, '请求来源不是本门户，已拒绝');
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new Refusal(415, '请求格式应为 JSON');
}

/** A file of the built site for a URL path, or undefined: never outside the site, never through a link. */
async function siteFile(root: string, pathname: string): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  if (path.endsWith('/')) path += 'index.html';
  const file = join(root, normalize(path));
  if (!file.startsWith(root + sep)) return undefined;
  try {
    // The real path, links resolved at every level, must still lie inside the real site folder.
    const [real, realRoot] = await Promise.all([realpath(file), realpath(root)]);
    if (!real.startsWith(realRoot + sep) || real !== join(realRoot, relative(root, file))) return undefined;
    const stat = await lstat(real);
    return stat.isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

async function serveSite(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://x');
  let file = await siteFile(root, pathname);
  let status = 200;
  if (!file && !pathname.endsWith('/') && !extname(pathname) && (await siteFile(root, `${pathname}/`))) {
    res.writeHead(301, { Location: `${pathname}/` }).end();
    return;
  }
  if (!file) {
    file = await siteFile(root, '/404.html');
    status = 404;
  }
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404');
    return;
  }
  res.writeHead(status, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/** The gate as a node:http server; call `listen` on it. */
export function createGate(options: GateOptions): Server {
  const { store, identity, origins } = options;
  const log = options.log ?? ((line: string) => console.warn(line));
  const now = options.now ?? (() => Temporal.Now.instant());
  // Read on each request: a server started on port 0 learns its origins once it listens.
  const ownHost = (host: string | undefined) => origins.some((o) => new URL(o).host === host);

  return createServer((req, res) => {
    let pathname = '';
    let action = '';
    const refuse = (error: unknown) => {
      // Decap asks for a draft to learn whether an entry has one: "none" is an answer, not a refusal.
      const question = error instanceof Refusal && error.status === 404 && action === 'unpublishedEntry';
      if (error instanceof Refusal) {
        if (!question) log(`[投稿网关] 拒绝 ${req.method} ${pathname} ${action}：${error.message}`);
        send(res, error.status, { error: error.message });
      } else {
        log(
          `[投稿网关] 出错 ${req.method} ${pathname} ${action}：${(error as Error).stack ?? String(error)}`,
        );
        if (!res.headersSent) send(res, 500, { error: '投稿网关内部错误，请稍后重试或联系管理员' });
        else res.end();
      }
    };
    (async () => {
      // Parsed inside the guard: a request line such as `//[` must be a refusal, never a crash.
      try {
        pathname = new URL(req.url ?? '/', 'http://x').pathname;
      } catch {
        throw new Refusal(400, '请求地址无效');
      }
      if (!ownHost(req.headers.host)) throw new Refusal(403, '主机名不是本门户，已拒绝');
      if (pathname === API_PATH) {
        if (req.method !== 'POST') throw new Refusal(400, '投稿接口只接受 POST 请求');
        checkRequest(req, origins);
        const text = await readBody(req);
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new Refusal(400, '请求不是有效的 JSON');
        }
        const named = (body as { action?: unknown } | null)?.action;
        action = typeof named === 'string' ? named.slice(0, 40) : '';
        if (Buffer.byteLength(text) > GATE_POLICY.maxRequestBytes && !MEDIA_ACTIONS.has(action))
          throw tooLarge(GATE_POLICY.maxRequestBytes);
        const at = now();
        const roster = await rosterAt(store, await store.main());
        const user = whoIs(identity, req.headers, roster, at);
        const result = await handle({ store, user, now: at, onPublished: options.onPublished }, body);
        send(res, 200, result ?? null);
        return;
      }
      const root = options.siteDir?.();
      if (root && (req.method === 'GET' || req.method === 'HEAD')) return await serveSite(root, req, res);
      throw new Refusal(404, '找不到该地址');
    })().catch(refuse);
  });
}
