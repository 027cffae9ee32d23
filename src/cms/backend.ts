/**
 * Which git server the CMS at /admin/ commits to, chosen by environment variables when the site is built:
 *
 * - `PORTAL_CMS_BACKEND=local` — decap-server on this machine (`npm start`, `npm run dev`, tests). It has no
 *   login, so it may only ever be reached on the loopback interface.
 * - `PORTAL_CMS_BACKEND=gitlab` — self-hosted GitLab, OAuth with PKCE (no secret in the browser).
 * - `PORTAL_CMS_BACKEND=gitea` — Gitea, OAuth with PKCE. Decap's Gitea backend has no editorial workflow:
 *   every save is a commit to PORTAL_CMS_BRANCH, so that branch should be a review branch that a manager
 *   merges into the site's branch (README “部署”).
 * - `PORTAL_CMS_BACKEND=forgejo` — Forgejo, OAuth with PKCE, with the editorial workflow (pull requests).
 * - unset — no CMS: /admin/ says how to set one up. A production build never gets the local backend by
 *   accident.
 */

export const CMS_ENV = {
  backend: 'PORTAL_CMS_BACKEND',
  proxyUrl: 'PORTAL_CMS_PROXY_URL',
  repo: 'PORTAL_CMS_REPO',
  branch: 'PORTAL_CMS_BRANCH',
  baseUrl: 'PORTAL_CMS_BASE_URL',
  apiRoot: 'PORTAL_CMS_API_ROOT',
  appId: 'PORTAL_CMS_APP_ID',
} as const;

/** Where decap-server listens unless told otherwise (its own default port, on loopback). */
export const DEFAULT_PROXY_URL = 'http://127.0.0.1:8081/api/v1';

export type CmsBackend =
  | { name: 'proxy'; proxy_url: string; branch: string }
  | {
      name: 'gitlab';
      repo: string;
      branch: string;
      auth_type: 'pkce';
      app_id: string;
      base_url: string;
      api_root: string;
      auth_endpoint: 'oauth/authorize';
    }
  | {
      name: 'gitea' | 'forgejo';
      repo: string;
      branch: string;
      app_id: string;
      base_url: string;
      api_root: string;
    };

type Env = Readonly<Record<string, string | undefined>>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A problem with the variables, in Chinese, naming the variable. */
export class CmsConfigError extends Error {
  override name = 'CmsConfigError';
}

function read(env: Env, key: keyof typeof CMS_ENV): string | undefined {
  const value = env[CMS_ENV[key]]?.trim();
  return value === '' ? undefined : value;
}

function url(env: Env, key: keyof typeof CMS_ENV, fallback?: string): string {
  const raw = read(env, key) ?? fallback;
  if (raw === undefined) throw new CmsConfigError(`缺少环境变量 ${CMS_ENV[key]}`);
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new CmsConfigError(`${CMS_ENV[key]}=“${raw}” 不是网址`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new CmsConfigError(`${CMS_ENV[key]}=“${raw}” 应为 http(s) 网址`);
  return raw.replace(/\/+$/, '');
}

function required(env: Env, key: keyof typeof CMS_ENV): string {
  const value = read(env, key);
  if (value === undefined) throw new CmsConfigError(`缺少环境变量 ${CMS_ENV[key]}`);
  return value;
}

/** The backend for this build, or undefined when the CMS is off; throws CmsConfigError on bad variables. */
export function cmsBackend(env: Env): CmsBackend | undefined {
  const kind = read(env, 'backend');
  const branch = read(env, 'branch') ?? 'main';
  switch (kind) {
    case undefined:
      return undefined;
    case 'local': {
      const proxy = url(env, 'proxyUrl', DEFAULT_PROXY_URL);
      if (!LOOPBACK.has(new URL(proxy).hostname))
        throw new CmsConfigError(
          `${CMS_ENV.proxyUrl}=“${proxy}”：decap-server 没有登录验证，只能在本机（127.0.0.1）访问`,
        );
      return { name: 'proxy', proxy_url: proxy, branch };
    }
    case 'gitlab':
    case 'gitea':
    case 'forgejo': {
      const base = url(env, 'baseUrl');
      const common = {
        repo: required(env, 'repo'),
        branch,
        app_id: required(env, 'appId'),
        base_url: base,
        api_root: url(env, 'apiRoot', `${base}/api/${kind === 'gitlab' ? 'v4' : 'v1'}`),
      };
      return kind === 'gitlab'
        ? { name: 'gitlab', ...common, auth_type: 'pkce', auth_endpoint: 'oauth/authorize' }
        : { name: kind, ...common };
    }
    default:
      throw new CmsConfigError(
        `${CMS_ENV.backend}=“${kind}” 应为 local、gitlab、gitea 或 forgejo（或不设置，表示不启用投稿）`,
      );
  }
}

/** Whether drafts can wait for review in the CMS: Decap's Gitea backend saves straight to the branch. */
export function editorialWorkflow(backend: CmsBackend): boolean {
  return backend.name !== 'gitea';
}

/** Origins the admin page talks to: the backend's API and, for OAuth, the server that issues tokens. */
export function backendOrigins(backend: CmsBackend): string[] {
  const urls = backend.name === 'proxy' ? [backend.proxy_url] : [backend.api_root, backend.base_url];
  return [...new Set(urls.map((u) => new URL(u).origin))];
}
