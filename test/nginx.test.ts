/**
 * The deployment docs' nginx example, run by Debian's nginx: /manage/ stays closed to everyone but managers
 * however the path is spelled, even after a site adds the usual caching block for js/json/csv; /api/ gets
 * the user name from the login proxy only. The same checks against the example without `^~` must find a
 * leak, so this file would notice that regression.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE,
  freePort,
  request,
  siteConfig,
  startNginx,
  type Nginx,
  type Reply,
} from './support/nginx.ts';
import {
  MANAGER,
  SIGN_IN,
  STAFF,
  signedIn,
  startUpstreams,
  type FakeUpstreams,
} from './support/nginx-upstreams.ts';

/** The block issue 15 found to expose /manage/ when `location /manage/` lacked `^~`. */
const CACHING = 'location ~* \\.(js|json|csv)$ { expires 1h; }';
const SECRET = 'MANAGERS-ONLY';

const FILES: Record<string, string> = {
  'index.html': '<h1>PUBLIC-HOME</h1>',
  '404.html': 'NOT-FOUND-PAGE',
  '_astro/app.js': 'PUBLIC-JS',
  'pagefind/pagefind-entry.json': '{"public":true}',
  'manage/index.html': `${SECRET} index`,
  'manage/reports/index.html': `${SECRET} reports`,
  'manage/pagefind/pagefind.js': `${SECRET} js`,
  'manage/pagefind/pagefind-entry.json': `{"${SECRET}":1}`,
  'manage/compliance/2026-10.json': `{"${SECRET}":2}`,
  'manage/compliance/2026-10.csv': `${SECRET},3`,
};

/** What managers get, spelled plainly. */
const MANAGER_PATHS = [
  '/manage/',
  '/manage/index.html',
  '/manage/reports/',
  '/manage/pagefind/pagefind.js',
  '/manage/pagefind/pagefind-entry.json',
  '/manage/compliance/2026-10.json',
  '/manage/compliance/2026-10.csv',
];

/** The same content spelled the ways an attacker would try; none may reach anyone but a manager. */
const TRICKS = [
  ...MANAGER_PATHS,
  '/manage',
  '//manage/',
  '///manage/compliance/2026-10.json',
  '/./manage/',
  '/x/../manage/',
  '/_astro/../manage/pagefind/pagefind.js',
  '/api/../manage/compliance/2026-10.csv',
  '/oauth2/../manage/compliance/2026-10.json',
  '/manage/./compliance/2026-10.json',
  '/manage//compliance/2026-10.csv',
  '/manage/x/../pagefind/pagefind-entry.json',
  '/%6danage/',
  '/%6Danage/compliance/2026-10.json',
  '/%2Fmanage/',
  '/%2fmanage/compliance/2026-10.csv',
  '/manage%2Fcompliance%2F2026-10.json',
  '/MANAGE/',
  '/Manage/compliance/2026-10.json',
  '/MANAGE/pagefind/pagefind.js',
  '/%2e/manage/',
  '/x/%2e%2e/manage/compliance/2026-10.json',
  '/x/%2E%2E/manage/pagefind/pagefind.js',
  '/manage/compliance/2026-10%2ejson',
  '/manage/compliance/2026-10%2Ecsv',
  '/manage./',
  '/manage/compliance/2026-10.json.',
  '/manage/compliance/2026-10.csv/',
  '/manage/compliance/2026-10.json;.js',
  '/manage/compliance/2026-10.json%00.js',
  '/manage/compliance/2026-10.json?x=.js',
  '/manage/pagefind/pagefind.js#.css',
  '/manage\\compliance\\2026-10.json',
  'http://portal.intranet/manage/compliance/2026-10.json',
];

function writeSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'portal-nginx-site-'));
  chmodSync(root, 0o755); // nginx's workers run as nobody when the tests run as root
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Refused: no managers' content, and an error, a redirect or the login page instead of a page. */
function expectRefused(reply: Reply, target: string) {
  expect(reply.body, target).not.toContain(SECRET);
  expect(reply.status !== 200 || reply.body === SIGN_IN, `${target} → ${reply.status}`).toBe(true);
}

const example = readFileSync(EXAMPLE, 'utf8');
let upstreams: FakeUpstreams;
let root: string;
beforeAll(async () => {
  upstreams = await startUpstreams();
  root = writeSite();
});
afterAll(async () => {
  await upstreams?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Runs nginx on the example for the tests inside, returning its port. */
function withNginx(options: { withoutPrefixPriority?: boolean }): () => number {
  let port = 0;
  let nginx: Nginx | undefined;
  beforeAll(async () => {
    port = await freePort();
    const site = siteConfig(example, { port, root, upstreams: upstreams.ports, extra: CACHING, ...options });
    nginx = await startNginx(site, port);
  });
  afterAll(async () => nginx?.stop());
  return () => port;
}

describe('the nginx example', () => {
  it('is shown in docs/deployment.md exactly as deploy/nginx/sales-portal.conf', () => {
    const doc = readFileSync('docs/deployment.md', 'utf8');
    expect(/```nginx\n([\s\S]*?)```/.exec(doc)?.[1]).toBe(example);
  });

  describe('with a caching block for js, json and csv added', () => {
    const port = withNginx({});

    it.each(TRICKS)('refuses %s to strangers and staff', async (target) => {
      expectRefused(await request(port(), target), target);
      expectRefused(await request(port(), target, signedIn(STAFF)), target);
    });

    it.each(MANAGER_PATHS)('serves %s to managers', async (target) => {
      const reply = await request(port(), target, signedIn(MANAGER));
      expect(reply.status).toBe(200);
      expect(reply.body).toContain(SECRET);
    });

    it('serves the public pages to staff, and the login page to strangers', async () => {
      for (const target of ['/', '/index.html', '/_astro/app.js', '/pagefind/pagefind-entry.json']) {
        const staff = await request(port(), target, signedIn(STAFF));
        expect(staff.status, target).toBe(200);
        expect(staff.body, target).toMatch(/PUBLIC|public/);
        const stranger = await request(port(), target);
        expect(stranger.body, target).toBe(SIGN_IN);
      }
      expect((await request(port(), '/nowhere/', signedIn(STAFF))).body).toBe('NOT-FOUND-PAGE');
    });

    it('lets strangers reach the login proxy itself, or no one could sign in', async () => {
      const reply = await request(port(), '/oauth2/start?rd=/');
      expect(reply.status).toBe(200);
      expect(reply.body).toBe('oauth2-proxy /oauth2/start?rd=/');
    });

    it('passes /api/ to the gate only after login, with the user name nginx got from the login proxy', async () => {
      const before = upstreams.gateCalls.length;
      const stranger = await request(port(), '/api/v1/entries', { 'Remote-User': MANAGER });
      expect(stranger.body).toBe(SIGN_IN);
      expect(upstreams.gateCalls.length).toBe(before);

      const staff = await request(port(), '/api/v1/entries', { ...signedIn(STAFF), 'Remote-User': MANAGER });
      expect(staff.status).toBe(200);
      expect(JSON.parse(staff.body)).toEqual({
        url: '/api/v1/entries',
        remoteUser: STAFF,
        host: 'portal.intranet',
      });
    });
  });

  describe('without ^~ on /manage/ (the regression)', () => {
    const port = withNginx({ withoutPrefixPriority: true });

    it('leaks the managers’ json, csv and search index to staff, which the checks above would catch', async () => {
      for (const target of ['/manage/compliance/2026-10.json', '/manage/compliance/2026-10.csv']) {
        const reply = await request(port(), target, signedIn(STAFF));
        expect(reply.body, target).toContain(SECRET);
        expect(() => expectRefused(reply, target)).toThrow();
      }
      expect((await request(port(), '/manage/pagefind/pagefind.js', signedIn(STAFF))).body).toContain(SECRET);
    });
  });
});
