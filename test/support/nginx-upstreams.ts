/**
 * Stand-ins for what nginx talks to in production: oauth2-proxy (staff instance and managers-only instance)
 * and the submission gate. Who is signed in is a test cookie, so a test picks the person by one header.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Upstreams } from './nginx.ts';

export const STAFF = 'zhangwei';
export const MANAGER = 'hejianguo';
const ROLES: Record<string, 'staff' | 'manager'> = { [STAFF]: 'staff', [MANAGER]: 'manager' };

export const SIGN_IN = 'SIGN-IN-PAGE';

/** The Cookie header that signs `user` in with the fake login proxy. */
export const signedIn = (user: string) => ({ Cookie: `portal_test_user=${user}` });

function userOf(req: IncomingMessage): string | undefined {
  return /(?:^|;\s*)portal_test_user=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
}

/** oauth2-proxy's answers: 202 plus X-Auth-Request-User when allowed, 401 otherwise; sign_in is a page. */
function loginProxy(allowed: (role: string | undefined) => boolean) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const user = userOf(req);
    if (req.url?.startsWith('/oauth2/auth')) {
      if (user && allowed(ROLES[user])) res.writeHead(202, { 'X-Auth-Request-User': user }).end();
      else res.writeHead(401).end();
    } else if (req.url?.startsWith('/oauth2/sign_in')) {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(SIGN_IN);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`oauth2-proxy ${req.url}`);
    }
  };
}

export interface GateCall {
  url: string;
  remoteUser: string | undefined;
  host: string | undefined;
}

export interface FakeUpstreams {
  ports: Upstreams;
  /** Every request the fake gate received. */
  gateCalls: GateCall[];
  close(): Promise<void>;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

export async function startUpstreams(): Promise<FakeUpstreams> {
  const gateCalls: GateCall[] = [];
  const servers = [
    await listen(loginProxy((role) => role !== undefined)),
    await listen(loginProxy((role) => role === 'manager')),
    await listen((req, res) => {
      const call = {
        url: req.url!,
        remoteUser: req.headers['remote-user'] as string,
        host: req.headers.host,
      };
      gateCalls.push(call);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(call));
    }),
  ];
  const [auth, managers, gate] = servers.map((s) => (s.address() as { port: number }).port) as [
    number,
    number,
    number,
  ];
  return {
    ports: { auth, managers, gate },
    gateCalls,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
    },
  };
}
