/**
 * The gate's media actions on a real git repository (a bare one: no work tree to fast-forward), called as
 * the API calls them: what a save stores, renames and drops, and who may list, read and delete.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { beforeEach, describe, expect, it } from 'vitest';
import { png } from '../../test/support/images.ts';
import { draftMediaDiffs, mediaChanges, mediaHandlers, prepareUploads, renameUploads } from './media-api.ts';
import { Refusal } from './refusal.ts';
import { RIGHTS, type User } from './rights.ts';
import { Store } from './store.ts';

const NOW = Temporal.Instant.from('2026-11-30T09:00:00+08:00');
const rep: User = { id: 'xuning', name: '徐宁', region: 'east', rights: RIGHTS.rep };
const manager: User = { id: 'luoxinhua', name: '罗新华', region: 'east', rights: RIGHTS.manager };
const regionOf = (person: string) => ({ xuning: 'east', luoxinhua: 'east' })[person];
const committer = { name: '网关', email: 'gate@portal.invalid' };

let store: Store;

beforeEach(() => {
  const gitDir = join(mkdtempSync(join(tmpdir(), 'portal-media-')), 'repo.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', gitDir]);
  store = new Store({ gitDir, branch: 'main', committer });
});

/** Commits `files` on main (the first commit starts it). */
async function onMain(files: Record<string, Buffer | string | null>): Promise<string> {
  const parent = await store.git.resolve('refs/heads/main');
  const commit = await store.git.commit({
    parent,
    changes: Object.entries(files).map(([path, c]) => ({
      path,
      content: c === null ? null : Buffer.from(c),
    })),
    message: 'x',
    author: committer,
    committer,
  });
  await store.git.run(['update-ref', 'refs/heads/main', commit]);
  return commit;
}

const asset = (path: string, bytes: Buffer) => ({
  path,
  content: bytes.toString('base64'),
  encoding: 'base64',
});

describe('a save with images', () => {
  it('names a new upload, rewrites the text to it with the original name as alt, and stores it', async () => {
    const main = await onMain({ 'content/org/people.yaml': '[]\n' });
    const image = png(30, 20, 1);
    const uploads = await prepareUploads(
      store,
      {
        assets: [asset('content/media/img-0a1b2c3d.png', image)],
        assetNames: { 'content/media/img-0a1b2c3d.png': '现场.png' },
      },
      rep,
      NOW,
      undefined,
      main,
    );
    expect(uploads).toHaveLength(1);
    const [upload] = uploads;
    expect(upload!.path).toMatch(/^content\/media\/20261130-xuning-[0-9a-f]{8}\.png$/);
    const url = upload!.path.replace('content/media/', '/uploads/');
    const text = renameUploads(
      '---\ncover: /uploads/img-0a1b2c3d.png\n---\n![](/uploads/img-0a1b2c3d.png)\n',
      uploads,
    );
    expect(text).toBe(`---\ncover: ${url}\n---\n![现场](${url})\n`);
    expect(await mediaChanges(store, text, uploads, undefined, main)).toEqual([
      { path: upload!.path, content: image },
    ]);
  });

  it('refuses a text that shows an image existing nowhere', async () => {
    const main = await onMain({ 'content/org/people.yaml': '[]\n' });
    await expect(
      mediaChanges(store, '![](/uploads/20261130-xuning-0a1b2c3d.png)', [], undefined, main),
    ).rejects.toThrow(/不存在：请重新插入/);
  });

  it('keeps a published image sent again under its name, and reads it back', async () => {
    const image = png(8, 8, 2);
    const uploads0 = await prepareUploads(
      store,
      { assets: [asset('content/media/a.png', image)] },
      rep,
      NOW,
      undefined,
      await onMain({ 'x.md': 'x' }),
    );
    const stored = uploads0[0]!.path;
    const main = await onMain({ [stored]: image });
    const again = await prepareUploads(
      store,
      { assets: [asset(stored, image), asset(stored.replace('content/media/', '/uploads/'), image)] },
      manager,
      NOW,
      undefined,
      main,
    );
    expect(again).toEqual([
      { from: stored.replace('content/media/', '/uploads/'), path: stored, content: image },
    ]);
    const read = await mediaHandlers.getMediaFile({ store, user: rep, now: NOW, regionOf }, { path: stored });
    expect(Buffer.from(read.content, 'base64').equals(image)).toBe(true);
    expect(
      (await mediaHandlers.getMedia({ store, user: rep, now: NOW, regionOf })).map((f) => f.path),
    ).toEqual([stored]);
    expect(await mediaHandlers.getMedia({ store, user: manager, now: NOW, regionOf })).toEqual([]);
  });

  it('offers a draft’s image under its stored and its public path', () => {
    expect(draftMediaDiffs({ path: 'content/media/20261130-xuning-0a1b2c3d.png', id: 'x' })).toEqual([
      { path: 'content/media/20261130-xuning-0a1b2c3d.png', id: 'x' },
      { path: '/uploads/20261130-xuning-0a1b2c3d.png', id: 'x' },
    ]);
    expect(draftMediaDiffs({ path: 'content/articles/2026/a.md' })).toEqual([
      { path: 'content/articles/2026/a.md' },
    ]);
  });
});

describe('deleting a published image', () => {
  it('needs the right over its uploader and no reference left, then removes it from main', async () => {
    const image = png(4, 4, 3);
    const stored = 'content/media/20261130-xuning-0a1b2c3d.png';
    await onMain({
      [stored]: image,
      'content/articles/2026/a.md': `![](/uploads/20261130-xuning-0a1b2c3d.png)`,
    });
    const ctx = (user: User) => ({ store, user, now: NOW, regionOf });
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => e as Refusal,
      );
    expect(
      await refusal(mediaHandlers.deleteFiles(ctx({ ...rep, id: 'zhoubo' }), { paths: [stored] })),
    ).toMatchObject({ status: 403 });
    expect(await refusal(mediaHandlers.deleteFiles(ctx(rep), { paths: ['README.md'] }))).toMatchObject({
      status: 403,
    });
    expect(await refusal(mediaHandlers.deleteFiles(ctx(rep), { paths: [stored] }))).toMatchObject({
      status: 409,
    });
    await onMain({ 'content/articles/2026/a.md': 'no image' });
    expect(await mediaHandlers.deleteFiles(ctx(manager), { paths: [stored] })).toEqual({
      message: 'media deleted',
    });
    expect(await store.git.read(await store.main(), stored)).toBeUndefined();
    expect(await refusal(mediaHandlers.persistMedia())).toMatchObject({ status: 403 });
  });
});
