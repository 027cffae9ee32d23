import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree } from '../../test/support/tree.ts';
import { digestFiles, digestOf, filesIn, verify } from './digests.ts';

const FILES = { 'pagefind-entry.json': '{}', 'fragment/x.pf_fragment': 'x' };

describe('verifying a cached folder', () => {
  it('finds nothing wrong with the files as recorded', async () => {
    const dir = writeTree(FILES);
    const digests = await digestFiles(dir, await filesIn(dir));
    expect(digests['fragment/x.pf_fragment']).toBe(digestOf('x'));
    expect(await verify(dir, digests)).toEqual([]);
  });

  it('reports a changed, a missing and an unrecorded file', async () => {
    const dir = writeTree(FILES);
    const digests = await digestFiles(dir, await filesIn(dir));
    writeFileSync(join(dir, 'fragment/x.pf_fragment'), 'y');
    rmSync(join(dir, 'pagefind-entry.json'));
    writeFileSync(join(dir, 'extra'), 'z');
    expect(await verify(dir, digests)).toEqual([
      { file: 'extra', expected: undefined, actual: digestOf('z') },
      { file: 'fragment/x.pf_fragment', expected: digestOf('x'), actual: digestOf('y') },
      { file: 'pagefind-entry.json', expected: digestOf('{}'), actual: undefined },
    ]);
  });

  it('treats a missing folder as empty', async () => {
    expect(await filesIn('/nonexistent/portal')).toEqual([]);
  });
});
