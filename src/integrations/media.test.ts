import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { png } from '../../test/support/images.ts';
import { writeTree } from '../../test/support/tree.ts';
import { imageSizes, mediaFiles } from './media.ts';

describe('the build’s images', () => {
  it('lists gate-made names only, and measures them once each', () => {
    const content = writeTree({
      'media/20261012-wangfang-0a1b2c3d.png': png(64, 48),
      'media/evil.html': '<script></script>',
    });
    mkdirSync(`${content}/media/2026`);
    writeFileSync(`${content}/media/2026/20261012-wangfang-1a1b2c3d.png`, png(2, 2));
    expect(mediaFiles(`${content}/media`)).toEqual(['20261012-wangfang-0a1b2c3d.png']);
    const sizes = imageSizes(content);
    expect(sizes('/uploads/20261012-wangfang-0a1b2c3d.png')).toEqual({ width: 64, height: 48 });
    expect(sizes('/uploads/20261012-wangfang-ffffffff.png')).toBeUndefined();
    expect(sizes('/other/20261012-wangfang-0a1b2c3d.png')).toBeUndefined();
    expect(imageSizes(content)).toBe(sizes);
  });
});
