/**
 * Whether the CMS at /admin/ is on, chosen by environment variables when the site is built:
 *
 * - `PORTAL_CMS_BACKEND=gate` — the portal's own submission gate (src/gate/) answers the CMS at /api/v1 on the
 *   site's own origin: `npm start` serves both, production puts both behind the department's login proxy.
 *   (`local`, the name of earlier versions, means the same.)
 * - unset — no CMS: /admin/ says how to set one up.
 *
 * The direct GitLab, Gitea and Forgejo backends are retired: with them each rep's browser writes to the
 * repository with the rep's own token, so nothing on a server could check a submission, set its time or keep
 * a rep from reading every report in the repository (see docs/security.md).
 */

export const CMS_ENV = {
  backend: 'PORTAL_CMS_BACKEND',
  branch: 'PORTAL_CMS_BRANCH',
} as const;

/** Where the admin page finds the gate: the same origin as the page, so no other origin is ever allowed. */
export const GATE_API_URL = '/api/v1';

export interface CmsBackend {
  name: 'proxy';
  proxy_url: string;
  branch: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** A problem with the variables, in Chinese, naming the variable. */
export class CmsConfigError extends Error {
  override name = 'CmsConfigError';
}

const RETIRED = new Set(['gitlab', 'gitea', 'forgejo']);

/** The backend for this build, or undefined when the CMS is off; throws CmsConfigError on bad variables. */
export function cmsBackend(env: Env): CmsBackend | undefined {
  const kind = env[CMS_ENV.backend]?.trim() || undefined;
  const branch = env[CMS_ENV.branch]?.trim() || 'main';
  if (kind === undefined) return undefined;
  if (kind === 'gate' || kind === 'local') return { name: 'proxy', proxy_url: GATE_API_URL, branch };
  if (RETIRED.has(kind))
    throw new CmsConfigError(
      `${CMS_ENV.backend}=“${kind}” 已停用：浏览器直连 ${kind} 时服务器无法检查投稿，请改用投稿网关（gate，见 docs/deployment.md）`,
    );
  throw new CmsConfigError(`${CMS_ENV.backend}=“${kind}” 应为 gate（或不设置，表示不启用投稿）`);
}
