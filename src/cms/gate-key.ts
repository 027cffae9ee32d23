/**
 * The admin page's side of the local login (src/gate/identity.ts): `npm start` prints /admin/#key=…; the key
 * is taken from the fragment (which no server ever receives), kept in this origin's sessionStorage, removed
 * from the address bar, and sent as the X-Portal-Key header with every request to the gate. Not a cookie:
 * browsers would send a cookie to every other port of 127.0.0.1 as well.
 */

export const KEY_HEADER = 'X-Portal-Key';
const STORED = 'portal-gate-key';
const API = '/api/v1';

/** The key of this run, from the link just opened or from earlier in this tab; undefined in production. */
export function rememberKey(
  location: Pick<Location, 'hash' | 'pathname'>,
  storage: Storage,
): string | undefined {
  const given = /^#key=([\w-]+)$/.exec(location.hash)?.[1];
  if (given) storage.setItem(STORED, given);
  return given ?? storage.getItem(STORED) ?? undefined;
}

/** `fetch` that adds the key to requests for the gate's API on this origin, and to nothing else. */
export function withKey(fetch: typeof window.fetch, key: string, origin: string): typeof window.fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), origin);
    if (url.origin !== origin || url.pathname !== API) return fetch(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set(KEY_HEADER, key);
    return fetch(input, { ...init, headers });
  };
}

/** Why the gate will not talk to this browser, in its own Chinese words; undefined when it will. */
export async function refusal(fetch: typeof window.fetch): Promise<string | undefined> {
  try {
    const response = await fetch(API, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    });
    if (response.ok) return undefined;
    const { error } = (await response.json()) as { error?: string };
    return error ?? `投稿网关拒绝了请求（HTTP ${response.status}）`;
  } catch {
    return '连不上投稿网关：请确认 npm start 仍在运行，或联系管理员。';
  }
}
