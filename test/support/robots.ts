/**
 * Fake group robots of the three chat platforms on 127.0.0.1, each checking a request the way its platform
 * does (DingTalk: signature of the query's timestamp; Feishu: signature in the body; WeCom: the key in the
 * URL) and answering success, the platform's own error code, or nothing at all (a timeout).
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface FakeRobots {
  url: string;
  received: Received[];
  /** Robots that never answer: any request whose URL contains one of these. */
  silent: Set<string>;
  stop(): Promise<void>;
}

/** `secrets`: the secret each robot path checks (DingTalk, Feishu); `keys`: WeCom keys that exist. */
export async function fakeRobots(options: {
  secrets: Record<string, string>;
  keys: string[];
}): Promise<FakeRobots> {
  const received: Received[] = [];
  const silent = new Set<string>();
  const answer = (req: IncomingMessage, text: string) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = JSON.parse(text) as Record<string, unknown>;
    received.push({ path: url.pathname, query: url.searchParams, body });
    if (url.pathname.startsWith('/robot/send')) {
      const secret = options.secrets[url.searchParams.get('access_token') ?? ''];
      const timestamp = Number(url.searchParams.get('timestamp'));
      const sign = createHmac('sha256', secret ?? '')
        .update(`${timestamp}\n${secret}`)
        .digest('base64');
      const fresh = Math.abs(Date.now() - timestamp) < 3_600_000;
      const ok = secret !== undefined && url.searchParams.get('sign') === sign && fresh;
      return ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' };
    }
    if (url.pathname.startsWith('/open-apis/bot/v2/hook/')) {
      const secret = options.secrets[url.pathname.split('/').pop()!];
      const timestamp = String(body.timestamp);
      const sign = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
      return secret !== undefined && body.sign === sign
        ? { code: 0, msg: 'success', data: {} }
        : { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' };
    }
    if (url.pathname === '/cgi-bin/webhook/send')
      return options.keys.includes(url.searchParams.get('key') ?? '')
        ? { errcode: 0, errmsg: 'ok' }
        : { errcode: 93000, errmsg: 'invalid webhook url' };
    return { errcode: 404, errmsg: 'not found' };
  };
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString()));
    req.on('end', () => {
      if ([...silent].some((s) => (req.url ?? '').includes(s))) return; // Never answers: the sender must time out.
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer(req, text)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    silent,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
