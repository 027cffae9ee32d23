import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileStamp, SETTLE_MS } from './file-stamp.ts';

describe('fileStamp', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-stamp-'));
  const file = join(dir, 'a.md');
  writeFileSync(file, 'text');
  const stat = statSync(file);
  const changed = Math.max(stat.mtimeMs, stat.ctimeMs);

  it('names the inode, size and both times of a settled file', () => {
    expect(fileStamp(stat, changed + SETTLE_MS)).toBe(`${stat.ino}:4:${stat.mtimeMs}:${stat.ctimeMs}`);
  });

  it('gives none for a file changed moments ago, or after the clock (set back since)', () => {
    expect(fileStamp(stat, changed + SETTLE_MS - 1)).toBeUndefined();
    expect(fileStamp(stat, changed - 60_000)).toBeUndefined();
  });

  it('gives none for what is not a file', () => {
    expect(fileStamp(statSync(dir), changed + SETTLE_MS)).toBeUndefined();
    expect(fileStamp(undefined)).toBeUndefined();
  });
});
