/**
 * Images through the gate, as Decap's editorial workflow sends them (persistEntry `assets`): checked by their
 * bytes, named by the server, saved in the entry's draft with the Markdown pointing at them, and published
 * with the entry; deleting a published image needs the right and no remaining reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleText, newArticlePath, persist, testGate, type TestGate } from './support/gate.ts';
import { git } from './support/cms.ts';
import { png } from './support/images.ts';

const REP = 'xuning'; // 徐宁, rep, 华东区
const OTHER_REP = 'liuliang'; // 华东区 rep
const MANAGER = 'luoxinhua'; // 罗新华, manager of 华东区

let gate: TestGate;

beforeAll(async () => {
  gate = await testGate({ admins: [] });
});

afterAll(async () => {
  await gate?.remove();
});

/** The images a draft adds to what is published. */
const draftImages = (slug: string) =>
  git(gate.repo, 'diff', '--name-only', `HEAD...refs/heads/cms/articles/${slug}`, '--', 'content/media');

const key = (slug: string) => ({ collection: 'articles', slug, branch: 'main' });

/** A persistEntry with one image inserted as the admin page sends it: Decap's path, our name map. */
function withImage(person: string, title: string, image: Buffer, body = '![](/uploads/img-0a1b2c3d.png)') {
  const { slug, path } = newArticlePath(person);
  const raw = `${articleText({ title, region: 'east', author: person })}\n${body}\n`;
  const request = persist('articles', slug, path, raw);
  const assetPath = 'content/media/img-0a1b2c3d.png';
  Object.assign(request.params, {
    assets: [{ path: assetPath, content: image.toString('base64'), encoding: 'base64' }],
    assetNames: { [assetPath]: '医院门口合影.png' },
  });
  return { request, slug, path };
}

/** Marks the draft ready and publishes it, as `as`. */
async function publish(slug: string, as: string): Promise<void> {
  for (const [action, extra] of [
    ['updateUnpublishedEntryStatus', { newStatus: 'pending_publish' }],
    ['publishUnpublishedEntry', {}],
  ] as const)
    expect((await gate.api({ action, params: { ...key(slug), ...extra } }, { as })).status).toBe(200);
}

async function refused(body: unknown, as: string, status: number, message: RegExp): Promise<void> {
  const before = gate.state();
  const { status: got, json } = await gate.api(body, { as });
  expect(json.error, JSON.stringify(json)).toMatch(message);
  expect(got).toBe(status);
  expect(gate.state()).toBe(before);
}

describe('images saved with an entry', () => {
  it('stores the image in the draft under a generated ASCII name, the Chinese name as alt, then publishes it', async () => {
    const image = png(64, 48, 1);
    const { request, slug, path } = withImage(REP, '带图片的文章', image);
    const saved = await gate.api(request, { as: REP });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);

    const draft = `refs/heads/cms/articles/${slug}`;
    const files = draftImages(slug).split('\n');
    const stored = files.find((f) => /^content\/media\/\d{8}-xuning-[0-9a-f]{8}\.png$/.test(f));
    expect(stored, files.join('\n')).toBeDefined();
    const url = stored!.replace('content/media/', '/uploads/');
    expect(git(gate.repo, 'show', `${draft}:${path}`)).toContain(`![医院门口合影](${url})`);
    // Nothing on the published branch yet.
    expect(git(gate.repo, 'ls-tree', '-r', '--name-only', 'HEAD', stored!)).toBe('');

    // Decap opens the draft again: the image is one of its files and reads back byte for byte.
    const entry = await gate.api({ action: 'unpublishedEntry', params: key(slug) }, { as: REP });
    expect(entry.json.diffs).toContainEqual(expect.objectContaining({ path: stored, binary: true }));
    const file = await gate.api(
      { action: 'unpublishedEntryMediaFile', params: { ...key(slug), path: stored, id: stored } },
      { as: REP },
    );
    expect(Buffer.from(String(file.json.content), 'base64').equals(image)).toBe(true);

    // Saved again as Decap does (the same image sent again, now under its stored name): one file, unchanged.
    const again = persist('articles', slug, path, git(gate.repo, 'show', `${draft}:${path}`), false);
    Object.assign(again.params, {
      assets: [{ path: stored, content: image.toString('base64'), encoding: 'base64' }],
    });
    expect((await gate.api(again, { as: REP })).status).toBe(200);
    expect(draftImages(slug)).toBe(stored);

    for (const [as, action, extra] of [
      [REP, 'updateUnpublishedEntryStatus', { newStatus: 'pending_review' }],
      [MANAGER, 'updateUnpublishedEntryStatus', { newStatus: 'pending_publish' }],
      [MANAGER, 'publishUnpublishedEntry', {}],
    ] as const)
      expect((await gate.api({ action, params: { ...key(slug), ...extra } }, { as })).status).toBe(200);
    expect(git(gate.repo, 'ls-tree', '-r', '--name-only', 'HEAD', stored!)).toBe(stored);
    expect(git(gate.repo, 'show', `HEAD:${path}`)).toContain(`![医院门口合影](${url})`);

    // Published: the rep sees it in the media library; it cannot be deleted while the article shows it.
    const media = await gate.api({ action: 'getMedia', params: {} }, { as: REP });
    expect(media.json).toEqual([expect.objectContaining({ path: stored })]);
    await refused({ action: 'deleteFiles', params: { paths: [stored] } }, REP, 409, /仍在 1 处投稿中使用/);
  });

  it('drops an uploaded image from the draft when the entry no longer shows it', async () => {
    const { request, slug, path } = withImage(REP, '删掉图片的文章', png(20, 20, 2));
    expect((await gate.api(request, { as: REP })).status).toBe(200);
    const draft = `refs/heads/cms/articles/${slug}`;
    const text = git(gate.repo, 'show', `${draft}:${path}`).replace(/!\[[^\]]*\]\([^)]*\)/, '');
    expect((await gate.api(persist('articles', slug, path, text, false), { as: REP })).status).toBe(200);
    expect(draftImages(slug)).toBe('');
  });

  it('refuses what is not an image, too large an image, a path outside the folder and a missing image', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    await refused(withImage(REP, '伪装的图片', html).request, REP, 415, /不是 JPEG、PNG 或 WebP/);
    await refused(withImage(REP, '太大的图片', png(3000, 10)).request, REP, 413, /长边不能超过/);
    const outside = withImage(REP, '路径穿越', png(8, 8));
    (outside.request.params.assets as { path: string }[])[0]!.path = 'content/media/../../src/x.png';
    await refused(outside.request, REP, 403, /不允许的图片文件名/);
    const { slug, path } = newArticlePath(REP);
    const missing = `${articleText({ title: '引用不存在的图片', region: 'east', author: REP })}\n![](/uploads/20261130-xuning-00000000.png)\n`;
    await refused(persist('articles', slug, path, missing), REP, 422, /不存在：请重新插入/);
    await refused(
      {
        action: 'persistMedia',
        params: { asset: { path: 'content/media/a.png', content: '', encoding: 'base64' } },
      },
      REP,
      403,
      /编辑投稿时插入/,
    );
  });

  it('lets a rep delete only their own unused published image; a manager their region’s', async () => {
    // A published image nothing refers to any more (its article was changed by hand).
    const { request, slug, path } = withImage(OTHER_REP, '图片稍后不用了', png(16, 16, 3));
    expect((await gate.api(request, { as: MANAGER })).status).toBe(200);
    const stored = draftImages(slug);
    expect(stored).toMatch(/-luoxinhua-/);
    await publish(slug, MANAGER);
    const text = git(gate.repo, 'show', `HEAD:${path}`).replace(/!\[[^\]]*\]\([^)]*\)/, '');
    const edit = persist('articles', slug, path, text, false);
    expect((await gate.api(edit, { as: MANAGER })).status).toBe(200);
    await publish(slug, MANAGER);

    await refused({ action: 'deleteFiles', params: { paths: [stored] } }, REP, 403, /只能删除本人上传的图片/);
    await refused(
      { action: 'deleteFiles', params: { paths: ['content/articles/2026/x.md'] } },
      REP,
      403,
      /删除/,
    );
    expect(
      (await gate.api({ action: 'deleteFiles', params: { paths: [stored] } }, { as: MANAGER })).status,
    ).toBe(200);
    expect(git(gate.repo, 'ls-tree', '-r', '--name-only', 'HEAD', stored)).toBe('');
  });
});
