import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryBeside, writeAtomically } from './write.ts';

describe('writeAtomically', () => {
  it('writes a new file in a new folder and replaces an old one, leaving no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-write-'));
    const file = join(dir, 'a', 'index.html');
    await writeAtomically(file, Buffer.from('old'));
    await writeAtomically(file, Buffer.from('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'a'))).toEqual(['index.html']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes beside the file, under a dot name', () => {
    expect(temporaryBeside('/site/a/index.html')).toMatch(/^\/site\/a\/\.index\.html\.fastpath-\d+-\d+$/);
  });
});
