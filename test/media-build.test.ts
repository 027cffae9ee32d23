/**
 * Submissions' images in a real build: copied from content/media to /uploads, shown in the article and on
 * the month's issue with their real width and height, lazily, with the author's alt text; a file in the media
 * folder that is not a gate-made image stops the build; the admin page alone may show blob: images.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { storedName } from '../src/gate/media.ts';
import { build, read, type Build } from './support/build.ts';
import { png } from './support/images.ts';
import { md, ORG, writeTree } from './support/tree.ts';

const BODY_IMAGE = png(64, 48, 5);
const COVER = png(120, 80, 6);
const bodyPath = storedName(BODY_IMAGE, 'png', 'wangfang', '2026-10-12');
const coverPath = storedName(COVER, 'png', 'wangfang', '2026-10-12');
const url = (stored: string) => stored.replace('content/media/', '/uploads/');
const inContent = (stored: string) => stored.replace('content/', '');

const ARTICLE = md(
  `
title: 带照片的科室会
region: east
author: wangfang
category: clinical
submitted: '2026-10-12T09:30:00+08:00'
cover: ${url(coverPath)}
`,
  `会议现场：\n\n![医院门口合影](${url(bodyPath)})\n\n会后合影。`,
);

let site: Build;

beforeAll(() => {
  const dir = writeTree({
    ...ORG,
    'articles/2026/2026-10-12-wangfang-093000.md': ARTICLE,
    [inContent(bodyPath)]: BODY_IMAGE,
    [inContent(coverPath)]: COVER,
  });
  site = build(dir, { PORTAL_CMS_BACKEND: 'gate', PORTAL_SITE: 'https://portal.intranet' });
});

/** Every <img> tag of a page. */
const images = (html: string) => html.match(/<img\b[^>]*>/g) ?? [];

describe('images of submissions on the site', () => {
  it('copies the images under their generated names', () => {
    expect(site.status, site.output).toBe(0);
    for (const [stored, bytes] of [
      [bodyPath, BODY_IMAGE],
      [coverPath, COVER],
    ] as const)
      expect(readFileSync(join(site.outDir, url(stored))).equals(bytes)).toBe(true);
  });

  it('stops on anything else in the media folder: another name, or bytes that are not the image named', () => {
    const bad = build(
      writeTree({
        ...ORG,
        'articles/2026/2026-10-12-wangfang-093000.md': ARTICLE,
        [inContent(bodyPath)]: BODY_IMAGE,
        [inContent(coverPath)]: COVER,
        'media/evil.html': '<script>alert(1)</script>',
        'media/20261012-wangfang-0a1b2c3d.jpg': '<svg onload="alert(1)"/>',
      }),
    );
    expect(bad.status).not.toBe(0);
    expect(bad.output).toMatch(/media\/evil\.html\s+media\/ 中只能有投稿网关存入的图片/);
    expect(bad.output).toMatch(/0a1b2c3d\.jpg\s+文件内容不是扩展名所说的 \.jpg 图片/);
    expect(existsSync(join(bad.outDir, 'uploads'))).toBe(false);
  });

  it('shows the body image and the cover on the article page with their real size', () => {
    const html = read(site.outDir, 'articles/2026-10-12-wangfang-093000/index.html');
    const tags = images(html);
    const body = tags.find((t) => t.includes(url(bodyPath)));
    expect(body).toMatch(/ alt="医院门口合影"/);
    expect(body).toMatch(/ width="64"/);
    expect(body).toMatch(/ height="48"/);
    expect(body).toMatch(/ loading="lazy"/);
    const cover = tags.find((t) => t.includes(url(coverPath)));
    expect(cover).toMatch(/ width="120"/);
    expect(cover).toMatch(/ height="80"/);
  });

  it('shows the cover on the month’s issue page too', () => {
    const html = read(site.outDir, 'issues/2026-10/index.html');
    const cover = images(html).find((t) => t.includes(url(coverPath)));
    expect(cover).toMatch(/ width="120" height="80"|height="80"[^>]*width="120"|width="120"[^>]*height="80"/);
    expect(cover).toMatch(/ loading="lazy"/);
  });

  it('lets only the admin page show blob: images (the picked photo before it is saved)', () => {
    const csp = (page: string) =>
      /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(read(site.outDir, page))?.[1] ??
      '';
    const imgSrc = (page: string) =>
      csp(page)
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('img-src'));
    expect(imgSrc('admin/index.html')).toBe("img-src 'self' blob:");
    expect(imgSrc('articles/2026-10-12-wangfang-093000/index.html')).toBe("img-src 'self'");
  });
});
