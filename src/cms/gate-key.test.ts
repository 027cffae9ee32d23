import { describe, expect, it } from 'vitest';
import { KEY_HEADER, rememberKey, withKey } from './gate-key.ts';

/** sessionStorage's interface over a Map. */
function storage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('rememberKey', () => {
  it('takes the key from the printed link’s fragment and keeps it for the tab', () => {
    const kept = storage();
    expect(rememberKey({ hash: '#key=abc-DEF_123', pathname: '/admin/' }, kept)).toBe('abc-DEF_123');
    expect(rememberKey({ hash: '#/collections/articles', pathname: '/admin/' }, kept)).toBe('abc-DEF_123');
    expect(rememberKey({ hash: '', pathname: '/admin/' }, storage())).toBeUndefined();
    expect(rememberKey({ hash: '#key=a b', pathname: '/admin/' }, storage())).toBeUndefined();
  });
});

describe('withKey', () => {
  it('adds the key to the gate’s API on this origin only', async () => {
    const seen: { url: string; key: string | null }[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(input), key: new Headers(init?.headers).get(KEY_HEADER) });
      return new Response('{}');
    }) as typeof globalThis.fetch;
    const keyed = withKey(fetch, 'k1', 'http://127.0.0.1:4321');
    await keyed('/api/v1', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    await keyed('http://127.0.0.1:4321/api/v1');
    await keyed('http://127.0.0.1:9999/api/v1');
    await keyed('/admin/config.yml');
    expect(seen.map((s) => s.key)).toEqual(['k1', 'k1', null, null]);
  });
});
