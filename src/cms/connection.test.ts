import { describe, expect, it } from 'vitest';
import { explainFailures, GateUnreachable } from './connection.ts';

describe('explainFailures', () => {
  it('turns the browser’s network TypeError into a Chinese sentence that prints as itself', async () => {
    const offline = explainFailures(() => Promise.reject(new TypeError('Failed to fetch')));
    const error: unknown = await offline('/api/v1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateUnreachable);
    expect(String(error)).toBe('连不上投稿网关（网络可能已断开）');
  });

  it('passes answers and other errors through unchanged', async () => {
    const answer = new Response('{}');
    expect(await explainFailures(() => Promise.resolve(answer))('/api/v1')).toBe(answer);
    const aborted = new DOMException('aborted', 'AbortError');
    await expect(explainFailures(() => Promise.reject(aborted))('/api/v1')).rejects.toBe(aborted);
  });
});
