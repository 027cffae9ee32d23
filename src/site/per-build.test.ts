import { describe, expect, it } from 'vitest';
import { nextBuild, perBuild } from './per-build.ts';

describe('perBuild', () => {
  it('computes once per build generation', () => {
    let calls = 0;
    const value = perBuild(() => ++calls);
    expect([value(), value()]).toEqual([1, 1]);
    nextBuild();
    expect([value(), value()]).toEqual([2, 2]);
    expect(calls).toBe(2);
  });
});
