import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from './require-node.mjs';

describe('the Node version guard of every npm script', () => {
  it.each(['20.20.2', '22.12.0', '22.18.9', '18.19.0'])('stops on Node %s with a Chinese message', (v) => {
    expect(nodeVersionProblem(v, '/usr/bin/node')).toMatch(
      /^错误：需要 Node\.js 22\.19 或更高版本，当前运行的是 v/,
    );
  });

  it.each(['22.19.0', '22.23.3', '24.1.0', '26.0.0'])('lets Node %s through', (v) => {
    expect(nodeVersionProblem(v, '/usr/bin/node')).toBeUndefined();
  });

  it('exits 0 under the Node that npm scripts use', () => {
    const result = spawnSync(process.execPath, ['scripts/require-node.mjs'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
