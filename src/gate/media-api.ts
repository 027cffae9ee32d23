/**
 * The media side of Decap's proxy API, as the gate answers it. With the editorial workflow, Decap keeps an
 * image inserted into an entry in the browser and sends it with every save of that entry (`persistEntry`'s
 * `assets`): the gate checks it (media.ts), names it, stores it in the entry's draft, and publishes it with
 * the entry. Nothing reaches the site without review:
 *
 * - `persistMedia` (an upload from the 媒体 page, outside any entry) is refused with a sentence that says where
 *   to insert images instead;
 * - `deleteFiles` deletes a published image only for someone whose `deleteMedia` right covers its uploader,
 *   and only when no published record and no draft refers to it;
 * - `getMedia` lists the user's own published images (newest first, a few: Decap loads every listed file
 *   whole), `getMediaFile` and `unpublishedEntryMediaFile` read one.
 */
import { posix } from 'node:path';
import type { Temporal } from 'temporal-polyfill';
import { IMAGE_LIMITS, MEDIA_FOLDER, publicPathOf, storedPathOf } from '../model/media.ts';
import { inShanghai } from '../model/time.ts';
import type { Change } from './git.ts';
import {
  altFromName,
  checkImage,
  classifyMedia,
  imagesIn,
  matchesName,
  rewriteImages,
  storedName,
  uploadedName,
} from './media.ts';
import { Refusal } from './refusal.ts';
import { covers, type User } from './rights.ts';
import type { Draft, Store } from './store.ts';

type Params = Record<string, unknown>;

/** One image of a save, checked and named. */
export interface Upload {
  /** The public path the browser's Markdown uses for it. */
  from: string;
  /** Where it is stored. */
  path: string;
  content: Buffer;
  /** The author's own file name as alt text, if the admin page told it. */
  alt?: string;
}

/** A file as Decap's proxy backend reads it (`deserializeMediaFile`). */
function mediaFile(path: string, id: string, content: Buffer) {
  return { id, path, name: posix.basename(path), content: content.toString('base64'), encoding: 'base64' };
}

function decode(asset: unknown): { path: unknown; bytes: Buffer } {
  const a = (typeof asset === 'object' && asset !== null ? asset : {}) as Params;
  if (a.encoding !== 'base64' || typeof a.content !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(a.content))
    throw new Refusal(400, '图片数据格式有误');
  return { path: a.path, bytes: Buffer.from(a.content, 'base64') };
}

/**
 * The images sent with a save of the draft at `draft` (undefined: a new entry). An image already stored
 * with these exact bytes keeps its name; any other gets the name the gate makes for it, the same one again
 * if this draft already holds it (Decap sends every image of the entry with each save).
 */
export async function prepareUploads(
  store: Store,
  params: Params,
  user: User,
  now: Temporal.Instant,
  draft: string | undefined,
  main: string,
): Promise<Upload[]> {
  const assets = params.assets ?? [];
  if (!Array.isArray(assets)) throw new Refusal(400, '图片列表格式有误');
  if (assets.length > IMAGE_LIMITS.maxPerEntry)
    throw new Refusal(413, `每篇投稿最多 ${IMAGE_LIMITS.maxPerEntry} 张图片`);
  const names = (typeof params.assetNames === 'object' && params.assetNames) || {};
  const date = inShanghai(now).toPlainDate().toString();
  const uploads: Upload[] = [];
  for (const asset of assets as unknown[]) {
    const decoded = decode(asset);
    const { bytes } = decoded;
    // A draft's image comes back under its public path too (see draftMediaDiffs): the same file.
    const path =
      typeof decoded.path === 'string' ? (storedPathOf(decoded.path) ?? decoded.path) : decoded.path;
    const given = Object.hasOwn(names, String(path)) ? (names as Params)[String(path)] : undefined;
    const original = typeof given === 'string' ? given : undefined;
    const label = original ?? (typeof path === 'string' ? posix.basename(path) : '图片');
    const { type } = checkImage(bytes, label.slice(0, 80));
    let stored: string | undefined;
    try {
      const name = classifyMedia(path);
      const existing =
        (draft && (await store.git.read(draft, path as string))) ||
        (await store.git.read(main, path as string));
      if (existing?.content.equals(bytes) && matchesName(bytes, name, type)) stored = path as string;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      uploadedName(path);
    }
    stored ??= await sameImageInDraft(store, draft, storedName(bytes, type, user.id, date));
    const alt = original === undefined ? '' : altFromName(original);
    if (uploads.some((u) => u.path === stored && u.content.equals(bytes))) continue;
    uploads.push({
      from: publicPathOf(path as string)!,
      path: stored,
      content: bytes,
      ...(alt ? { alt } : {}),
    });
  }
  return uploads;
}

/** The draft's own copy of an image (same uploader and hash, saved on another day), or `path` itself. */
async function sameImageInDraft(store: Store, draft: string | undefined, path: string): Promise<string> {
  if (!draft) return path;
  const wanted = classifyMedia(path);
  const found = (await store.git.list(draft, MEDIA_FOLDER)).find((f) => {
    const name = tryClassify(f.path);
    return name && name.person === wanted.person && name.hash === wanted.hash && name.ext === wanted.ext;
  });
  return found?.path ?? path;
}

function tryClassify(path: string) {
  try {
    return classifyMedia(path);
  } catch {
    return undefined;
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The entry's text with every upload's browser path replaced by its stored one, empty alt texts filled. */
export function renameUploads(raw: string, uploads: readonly Upload[]): string {
  const renames = new Map<string, string>();
  const alts = new Map<string, string>();
  for (const u of uploads) {
    const to = publicPathOf(u.path)!;
    if (u.from !== to) renames.set(u.from, to);
    if (u.alt) alts.set(to, u.alt);
  }
  let text = rewriteImages(raw, renames, alts);
  // Elsewhere (the cover field's value) the path stands alone.
  for (const [from, to] of renames) text = text.replace(new RegExp(`${escape(from)}(?![\\w./-])`, 'g'), to);
  return text;
}

/**
 * The image files a save writes: the uploads its text refers to, and the removal of images this draft
 * added that it no longer refers to. Refused when the text refers to an image that exists nowhere.
 */
export async function mediaChanges(
  store: Store,
  text: string,
  uploads: readonly Upload[],
  draft: Draft | undefined,
  main: string,
): Promise<Change[]> {
  const used = new Set([...imagesIn(text)].map((p) => storedPathOf(p)!));
  const changes: Change[] = [];
  for (const path of used) {
    const upload = uploads.find((u) => u.path === path);
    const inDraft = draft && (await store.git.read(draft.commit, path));
    if (upload && !inDraft?.content.equals(upload.content)) changes.push({ path, content: upload.content });
    else if (!upload && !inDraft && !(await store.git.read(main, path)))
      throw new Refusal(422, `图片 ${publicPathOf(path)} 不存在：请重新插入这张图片`);
  }
  if (draft)
    for (const { status, path } of await store.draftChanges(draft))
      if (status === 'A' && path.startsWith(`${MEDIA_FOLDER}/`) && !used.has(path))
        changes.push({ path, content: null });
  return changes;
}

/**
 * A draft's image as Decap should load it: under its stored path, where the media library lists it, and
 * once more under its public path (`/uploads/…`). Decap takes a path starting with `/` for a published URL
 * and shows an image field or the body's image from the asset of exactly that path, or else from the site,
 * where a draft's image is not yet: with the second copy the editor shows the draft's image itself.
 */
export function draftMediaDiffs<T extends { path: string }>(diff: T): T[] {
  const url = diff.path.startsWith(`${MEDIA_FOLDER}/`) ? publicPathOf(diff.path) : undefined;
  return url ? [diff, { ...diff, path: url }] : [diff];
}

/** Published records and drafts that refer to the image at public path `url`. */
async function referrers(store: Store, main: string, url: string): Promise<string[]> {
  const drafts = (await store.drafts()).map((d) => d.commit);
  try {
    const out = await store.git.run(['grep', '-F', '-l', '-e', url, main, ...drafts, '--', 'content']);
    return out.toString('utf8').split('\n').filter(Boolean);
  } catch {
    return []; // git grep exits 1 when nothing matches.
  }
}

export interface MediaContext {
  store: Store;
  user: User;
  now: Temporal.Instant;
  regionOf: (person: string) => string | undefined;
  onPublished?: (commit: string) => void | Promise<void>;
}

const author = (user: User) => ({ name: user.name, email: `${user.id}@portal.invalid` });

export const mediaHandlers = {
  async getMedia(ctx: MediaContext) {
    const main = await ctx.store.main();
    const own = (await ctx.store.git.list(main, MEDIA_FOLDER))
      .map((f) => ({ ...f, name: tryClassify(f.path) }))
      .filter((f) => f.name && covers('own', ctx.user, { person: f.name.person }, ctx.regionOf))
      .sort((a, b) => b.path.localeCompare(a.path))
      .slice(0, IMAGE_LIMITS.listMax);
    const blobs = await ctx.store.git.blobs(own.map((f) => f.id));
    return own.map((f) => mediaFile(f.path, f.id, blobs.get(f.id)!));
  },

  async getMediaFile(ctx: MediaContext, params: Params) {
    classifyMedia(params.path);
    const file = await ctx.store.git.read(await ctx.store.main(), params.path as string);
    if (!file) throw new Refusal(404, '找不到这张图片');
    return mediaFile(params.path as string, file.id, file.content);
  },

  async persistMedia() {
    throw new Refusal(
      403,
      '图片须在编辑投稿时插入（正文工具栏的“图片”或封面图片）：它随投稿一起保存为草稿，经审核后发布',
    );
  },

  async deleteFiles(ctx: MediaContext, params: Params) {
    const paths = Array.isArray(params.paths) ? params.paths : [params.path];
    if (paths.length !== 1) throw new Refusal(400, '每次只能删除一张图片');
    const path = paths[0];
    let name;
    try {
      name = classifyMedia(path);
    } catch {
      throw new Refusal(403, '已发布的记录不能在投稿页删除，请联系管理员');
    }
    if (!covers(ctx.user.rights.deleteMedia, ctx.user, { person: name.person }, ctx.regionOf))
      throw new Refusal(403, `你（${ctx.user.name}）只能删除本人上传的图片`);
    const commit = await ctx.store.exclusive(async () => {
      const main = await ctx.store.main();
      if (!(await ctx.store.git.read(main, path as string))) throw new Refusal(404, '找不到这张图片');
      const users = await referrers(ctx.store, main, publicPathOf(path as string)!);
      if (users.length > 0) throw new Refusal(409, `这张图片仍在 ${users.length} 处投稿中使用，不能删除`);
      return ctx.store.commitPublished(
        [{ path: path as string, content: null }],
        `删除图片：${name.relative}（${ctx.user.name}）`,
        author(ctx.user),
        ctx.now,
      );
    });
    await ctx.onPublished?.(commit);
    return { message: 'media deleted' };
  },

  /** One image of a draft, under the path Decap asked for (stored or public, see draftMediaDiffs). */
  async unpublishedEntryMediaFile(store: Store, draft: Draft, path: unknown) {
    const stored = typeof path === 'string' ? (storedPathOf(path) ?? path) : path;
    classifyMedia(stored);
    const own = (await store.draftChanges(draft)).some((c) => c.path === stored && c.status !== 'D');
    const file = own && (await store.git.read(draft.commit, stored as string));
    if (!file) throw new Refusal(404, '找不到这张图片');
    return mediaFile(path as string, file.id, file.content);
  },
};
