import { describe, expect, it } from 'vitest';
import { png } from '../../test/support/images.ts';
import { refusalOf } from '../../test/support/refusal.ts';
import { CONTENT_FOLDER } from '../model/cms.ts';
import { IMAGE_LIMITS, MEDIA_FOLDER, sniff } from '../model/media.ts';
import {
  altFromName,
  checkImage,
  classifyMedia,
  imagesIn,
  rewriteImages,
  storedName,
  uploadedName,
} from './media.ts';

const refusal = refusalOf;

describe('checkImage', () => {
  it('takes a PNG by its bytes and reads its size', () => {
    expect(checkImage(png(40, 30), '现场.png')).toEqual({ type: 'png', width: 40, height: 30 });
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniff(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('webp');
  });

  it('refuses what is not an image, whatever it is called', () => {
    const html = Buffer.from('<script>alert(1)</script>');
    expect(refusal(() => checkImage(html, '照片.jpg'))).toMatchObject({ status: 415 });
    expect(refusal(() => checkImage(html, '照片.jpg')).message).toMatch(/不是 JPEG、PNG 或 WebP/);
    // An SVG or GIF is not taken either: SVG can carry script, and neither is what a phone camera makes.
    expect(
      refusal(() => checkImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.png')).status,
    ).toBe(415);
    expect(refusal(() => checkImage(Buffer.from('GIF89a\x01\0\x01\0', 'latin1'), 'a.gif')).status).toBe(415);
  });

  it('refuses a PNG signature in front of something else', () => {
    const fake = Buffer.concat([png(1, 1).subarray(0, 8), Buffer.from('not a header at all')]);
    expect(refusal(() => checkImage(fake, '假图.png')).message).toMatch(/损坏/);
  });

  it('refuses images too large in bytes or in pixels', () => {
    const big = Buffer.concat([png(10, 10), Buffer.alloc(IMAGE_LIMITS.maxBytes)]);
    expect(refusal(() => checkImage(big, '大图.png'))).toMatchObject({ status: 413 });
    expect(refusal(() => checkImage(big, '大图.png')).message).toMatch(/不能超过 3 MB/);
    const wide = png(IMAGE_LIMITS.maxSide + 1, 1);
    expect(refusal(() => checkImage(wide, '长图.png')).message).toMatch(/长边不能超过 2400 像素/);
  });
});

describe('names and paths', () => {
  it('makes the stored name from the date, the person and the hash', () => {
    const name = storedName(png(2, 2), 'png', 'xuning', '2026-11-30');
    expect(name).toMatch(/^content\/media\/20261130-xuning-[0-9a-f]{8}\.png$/);
    expect(classifyMedia(name)).toMatchObject({ date: '2026-11-30', person: 'xuning' });
    expect(MEDIA_FOLDER.startsWith(`${CONTENT_FOLDER}/`)).toBe(true);
  });

  it('refuses any other stored path: traversal, other folders, other names', () => {
    for (const path of [
      'content/media/../../src/pages/x.png',
      'content/media/20261130-xuning-0a1b2c3d.html',
      'content/media/2026/20261130-xuning-0a1b2c3d.png',
      'content/media/20261130-XUNING-0a1b2c3d.png',
      'public/uploads/20261130-xuning-0a1b2c3d.png',
      'content/articles/20261130-xuning-0a1b2c3d.png',
      '/etc/passwd',
    ])
      expect(refusal(() => classifyMedia(path)).status, path).toBe(403);
  });

  it('takes only a plain file name directly in the media folder as an upload’s browser path', () => {
    expect(uploadedName('content/media/img-0a1b2c3d.jpg')).toBe('img-0a1b2c3d.jpg');
    for (const path of [
      'content/media/../x.jpg',
      'content/media/a/b.jpg',
      'content/media/.x.jpg',
      'src/x.jpg',
    ])
      expect(refusal(() => uploadedName(path)).status, path).toBe(403);
  });
});

describe('rewriteImages', () => {
  it('points images at their stored names and fills empty alt texts from the author’s file name', () => {
    const md =
      '前言\n\n![](/uploads/img-1.jpg)\n\n![自己写的](/uploads/img-2.jpg "题")\n\n![](/uploads/old.png)';
    const renames = new Map([
      ['/uploads/img-1.jpg', '/uploads/20261130-xuning-0a1b2c3d.jpg'],
      ['/uploads/img-2.jpg', '/uploads/20261130-xuning-1a1b2c3d.jpg'],
    ]);
    const alts = new Map([
      ['/uploads/20261130-xuning-0a1b2c3d.jpg', altFromName('医院门口合影.JPG')],
      ['/uploads/20261130-xuning-1a1b2c3d.jpg', '不该用上'],
    ]);
    expect(rewriteImages(md, renames, alts)).toBe(
      '前言\n\n![医院门口合影](/uploads/20261130-xuning-0a1b2c3d.jpg)\n\n' +
        '![自己写的](/uploads/20261130-xuning-1a1b2c3d.jpg "题")\n\n![](/uploads/old.png)',
    );
    expect([...imagesIn('cover: /uploads/2026/a.png\n![x](/uploads/b.jpg)')]).toEqual([
      '/uploads/2026/a.png',
      '/uploads/b.jpg',
    ]);
  });

  it('keeps Markdown out of an alt text made from a file name', () => {
    expect(altFromName('a]b[c\\d.png')).toBe('a b c d');
  });
});

describe('the build’s check of the media folder', () => {
  it('takes gate-made names only, and an image whose bytes match its extension', async () => {
    const { classify } = await import('../load/files.ts');
    expect(classify('media/20261130-xuning-0a1b2c3d.jpg')).toMatchObject({ kind: 'media' });
    expect(classify('media/2026/evil.html')).toMatchObject({ kind: 'stray' });
    expect(classify('media/2026/20261130-xuning-0a1b2c3d.jpg')).toMatchObject({ kind: 'stray' });
  });
});
