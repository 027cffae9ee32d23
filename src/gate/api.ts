/**
 * The API of Decap's proxy backend (the one decap-server speaks), answered by the gate: the unmodified Decap
 * bundle talks to it as to decap-server, but every action is checked here against the path rules, the user's
 * rights and the build's content model before anything is read or written.
 *
 * Actions that the portal does not offer are refused in Chinese: publishing without review, uploads outside an
 * entry, deleting published records, notes. Images: media-api.ts.
 */
import type { Temporal } from 'temporal-polyfill';
import { formatter } from '../cms/files.ts';
import { SUBMISSIONS } from '../model/collections/index.ts';
import { CONTENT_FOLDER } from '../model/cms.ts';
import type { Field } from '../model/field.ts';
import type { Person, Region } from '../model/index.ts';
import { classify, pathOf, type Target } from './paths.ts';
import { monthTaken, ownerOf, parseFile, parseStored, prepareEntry, regionOf, type Roster } from './entry.ts';
import { draftMediaDiffs, mediaChanges, mediaHandlers, prepareUploads, renameUploads } from './media-api.ts';
import { GATE_POLICY, type Status } from './policy.ts';
import { Refusal } from './refusal.ts';
import { covers, RESTRICTED_READING, type User } from './rights.ts';
import type { Draft, Store } from './store.ts';

type Params = Record<string, unknown>;

export interface ApiContext {
  store: Store;
  user: User;
  now: Temporal.Instant;
  /** Told of every new published commit (the ledger, the rebuild). */
  onPublished?: (commit: string) => void | Promise<void>;
}

function str(params: Params, key: string): string {
  const value = params[key];
  if (typeof value !== 'string' || value === '') throw new Refusal(400, `请求缺少参数 ${key}`);
  return value;
}

const author = (user: User) => ({ name: user.name, email: `${user.id}@portal.invalid` });

let rosterCache: { commit: string; roster: Roster } | undefined;

/** The roster on the published commit `main` (kept while main stays there: every request needs it). */
export async function rosterAt(store: Store, main: string): Promise<Roster> {
  if (rosterCache?.commit === main) return rosterCache.roster;
  const roster = await readRoster(store, main);
  rosterCache = { commit: main, roster };
  return roster;
}

async function readRoster(store: Store, main: string): Promise<Roster> {
  const read = async <T>(name: 'people' | 'regions'): Promise<T[]> => {
    const file = await store.git.read(main, `${CONTENT_FOLDER}/org/${name}.yaml`);
    if (!file) return [];
    const target = classify(`${CONTENT_FOLDER}/org/${name}.yaml`);
    const list = parseFile(target, file.content.toString('utf8'))[name];
    return Array.isArray(list) ? (list as T[]) : [];
  };
  return { people: await read<Person>('people'), regions: await read<Region>('regions') };
}

/** Whether the user may see a published file: reports and work logs by their rights, the rest is staff reading. */
function mayRead(ctx: ApiContext, roster: Roster, target: Target, data: Params): boolean {
  if (target.kind !== 'submission' || !RESTRICTED_READING.has(target.collection.name)) return true;
  return covers(ctx.user.rights.readReports, ctx.user, ownerOf(target, data), regionOf(roster));
}

/** Whether the user may see and act on a draft: their own to write, or one they review. */
function mayHandleDraft(ctx: ApiContext, roster: Roster, target: Target, data: Params): boolean {
  const { rights } = ctx.user;
  if (target.kind === 'org') return rights.org;
  const owner = ownerOf(target, data);
  return (
    covers(rights.write, ctx.user, owner, regionOf(roster)) ||
    covers(rights.publish, ctx.user, owner, regionOf(roster))
  );
}

function mayPublish(ctx: ApiContext, roster: Roster, target: Target, data: Params): boolean {
  if (target.kind === 'org') return ctx.user.rights.org;
  return covers(ctx.user.rights.publish, ctx.user, ownerOf(target, data), regionOf(roster));
}

interface Loaded {
  path: string;
  target: Target;
  draft: Draft;
  data: Params;
  roster: Roster;
}

/** A draft the user may handle, with its data; refused as not found otherwise (its existence is not told). */
async function loadDraft(ctx: ApiContext, params: Params): Promise<Loaded> {
  const collection = str(params, 'collection');
  const slug = str(params, 'slug');
  const path = pathOf(collection, slug);
  const target = classify(path);
  const draft = await ctx.store.draft(collection, slug);
  const file = draft && (await ctx.store.git.read(draft.commit, path));
  const roster = await rosterAt(ctx.store, await ctx.store.main());
  const data = file ? parseFile(target, file.content.toString('utf8')) : undefined;
  if (!draft || !data || !mayHandleDraft(ctx, roster, target, data))
    throw new Refusal(404, '找不到这篇待审核的投稿');
  return { path, target, draft, data, roster };
}

/** One published file as Decap expects it, or null data where there is none or the user may not read it. */
async function publishedEntry(ctx: ApiContext, main: string, roster: Roster, path: string, label?: unknown) {
  const target = classify(path);
  const file = await ctx.store.git.read(main, path);
  const shown = { path, ...(typeof label === 'string' ? { label } : {}) };
  if (!file) return { data: null, file: { ...shown, id: null } };
  const text = file.content.toString('utf8');
  // A file the user may not read looks exactly like one that does not exist: its name tells nothing.
  if (!mayRead(ctx, roster, target, parseStored(target, text) ?? {}))
    return { data: null, file: { ...shown, id: null } };
  return { data: withoutPrivate(ctx, target, text), file: { ...shown, id: file.id } };
}

/** A reference file as a non-administrator may see it: private fields (phone numbers, chat ids) left out. */
function withoutPrivate(ctx: ApiContext, target: Target, text: string): string {
  const hidden = (target.collection.fields as readonly Field[]).filter((f) => f.private).map((f) => f.name);
  if (target.kind !== 'org' || ctx.user.rights.org || hidden.length === 0) return text;
  const strip = (item: unknown) =>
    typeof item === 'object' && item !== null
      ? Object.fromEntries(Object.entries(item).filter(([key]) => !hidden.includes(key)))
      : item;
  const data = parseStored(target, text) ?? {};
  const list = data[target.collection.name];
  const visible = Array.isArray(list)
    ? { [target.collection.name]: list.map(strip) }
    : (strip(data) as Params);
  return formatter(target.collection).toFile(visible);
}

async function mediaContext(ctx: ApiContext) {
  const roster = await rosterAt(ctx.store, await ctx.store.main());
  return { ...ctx, regionOf: regionOf(roster) };
}

/** Actions whose request may be larger than GATE_POLICY.maxRequestBytes: they carry images. */
export const MEDIA_ACTIONS: ReadonlySet<string> = new Set(['persistEntry']);

const handlers: Record<string, (ctx: ApiContext, params: Params) => Promise<unknown>> = {
  info: async () => ({ repo: 'portal', publish_modes: ['editorial_workflow'], type: 'local_git' }),

  async entriesByFolder(ctx, params) {
    const folder = str(params, 'folder').replace(/\/+$/, '');
    const collection = SUBMISSIONS.find((c) => `${CONTENT_FOLDER}/${c.storage.folder}` === folder);
    if (!collection) throw new Refusal(403, `不能列出 “${folder}”`);
    const main = await ctx.store.main();
    const roster = await rosterAt(ctx.store, main);
    // Files with other names are the build's to report; the CMS leaves them alone.
    const files = (await ctx.store.git.list(main, folder)).flatMap((file) => {
      try {
        const target = classify(file.path);
        return target.collection === collection ? [{ ...file, target }] : [];
      } catch {
        return [];
      }
    });
    const blobs = await ctx.store.git.blobs(files.map((f) => f.id));
    return files.flatMap(({ path, id, target }) => {
      const text = blobs.get(id)!.toString('utf8');
      return mayRead(ctx, roster, target, parseStored(target, text) ?? {})
        ? [{ data: text, file: { path, id } }]
        : [];
    });
  },

  async entriesByFiles(ctx, params) {
    const files = params.files;
    if (!Array.isArray(files) || files.length > 10) throw new Refusal(400, '请求的文件列表有误');
    const main = await ctx.store.main();
    const roster = await rosterAt(ctx.store, main);
    const out = [];
    for (const f of files as unknown[]) {
      if (typeof f !== 'object' || f === null) throw new Refusal(400, '请求的文件列表有误');
      out.push(await publishedEntry(ctx, main, roster, str(f as Params, 'path'), (f as Params).label));
    }
    return out;
  },

  async getEntry(ctx, params) {
    const main = await ctx.store.main();
    return publishedEntry(ctx, main, await rosterAt(ctx.store, main), str(params, 'path'));
  },

  async unpublishedEntries(ctx) {
    const roster = await rosterAt(ctx.store, await ctx.store.main());
    const keys = [];
    for (const d of await ctx.store.drafts()) {
      let path: string;
      try {
        path = pathOf(d.collection, d.slug);
      } catch {
        continue;
      }
      const target = classify(path);
      const file = await ctx.store.git.read(d.commit, path);
      if (
        file &&
        mayHandleDraft(ctx, roster, target, parseStored(target, file.content.toString('utf8')) ?? {})
      )
        keys.push(`${d.collection}/${d.slug}`);
    }
    return keys;
  },

  async unpublishedEntry(ctx, params) {
    const id = params.id;
    const key =
      typeof id === 'string' && id.includes('/')
        ? { collection: id.slice(0, id.indexOf('/')), slug: id.slice(id.indexOf('/') + 1) }
        : params;
    const { draft } = await loadDraft(ctx, key);
    const diffs = (await ctx.store.draftChanges(draft)).flatMap(({ status, path }) =>
      draftMediaDiffs({
        oldPath: path,
        newPath: path,
        status: status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified',
        newFile: status === 'A',
        path,
        id: path,
        binary: !path.endsWith('.md'),
      }),
    );
    return {
      collection: key.collection,
      slug: key.slug,
      status: draft.status,
      diffs,
      updatedAt: draft.updated,
    };
  },

  async unpublishedEntryDataFile(ctx, params) {
    const { path, draft } = await loadDraft(ctx, params);
    if (params.path !== path) throw new Refusal(403, '只能读取这篇投稿自己的文件');
    const file = await ctx.store.git.read(draft.commit, path);
    return { data: file ? file.content.toString('utf8') : null };
  },

  async persistEntry(ctx, params) {
    const options = (params.options ?? {}) as Params;
    if (options.useWorkflow !== true)
      throw new Refusal(403, '投稿须先保存为草稿，经审核后发布，不能直接发布');
    const files = params.dataFiles ?? (params.entry ? [params.entry] : []);
    if (!Array.isArray(files) || files.length !== 1) throw new Refusal(400, '每次只能保存一篇投稿');
    const file = files[0] as Params;
    if (typeof file !== 'object' || file === null) throw new Refusal(400, '请求格式有误');
    if (file.newPath !== undefined && file.newPath !== file.path)
      throw new Refusal(403, '不能移动或重命名投稿文件');
    const path = str(file, 'path');
    const sent = str(file, 'raw');
    const target = classify(path);
    if (options.collectionName !== target.collection.name || file.slug !== target.slug)
      throw new Refusal(400, '栏目或文件名与路径不一致');

    return ctx.store.exclusive(async () => {
      const main = await ctx.store.main();
      const roster = await rosterAt(ctx.store, main);
      const draft = await ctx.store.draft(target.collection.name, target.slug);
      const uploads = await prepareUploads(ctx.store, params, ctx.user, ctx.now, draft?.commit, main);
      const raw = renameUploads(sent, uploads);
      const previous = draft
        ? await ctx.store.git.read(draft.commit, path)
        : await ctx.store.git.read(main, path);
      const check = (before: typeof previous) =>
        prepareEntry({
          target,
          raw,
          previous: before?.content.toString('utf8'),
          user: ctx.user,
          now: ctx.now,
          roster,
        });
      if (options.newEntry === true && previous) {
        // Checked as the new entry it claims to be first: a name that is not the user's to take is refused
        // for that, so a refusal never tells whether someone else's entry exists.
        check(undefined);
        if (target.kind === 'submission' && target.monthly)
          throw monthTaken(target, target.monthly.person, target.monthly.month, roster);
        throw new Refusal(409, '同名投稿已存在（同一秒内保存了两次？）：请再点一次保存');
      }
      const { content, data } = check(previous);
      // A change by someone who may not publish it sends an approved draft back for review: what is
      // published is always what a reviewer last saw.
      const backToReview = draft?.status === 'pending_publish' && !mayPublish(ctx, roster, target, data);
      const images = await mediaChanges(ctx.store, content.toString('utf8'), uploads, draft, main);

      await ctx.store.save({
        collection: target.collection.name,
        slug: target.slug,
        changes: [{ path, content }, ...images],
        message: `${previous ? '修改' : '新建'}${target.collection.label}：${target.slug}（${ctx.user.name}）`,
        author: author(ctx.user),
        now: ctx.now,
        ...(backToReview ? { status: 'pending_review' as const } : {}),
      });
      return { message: 'entry persisted' };
    });
  },

  async updateUnpublishedEntryStatus(ctx, params) {
    const status = params.newStatus as Status;
    if (!GATE_POLICY.statuses.includes(status)) throw new Refusal(400, '未知的审核状态');
    return ctx.store.exclusive(async () => {
      const { target, data, roster, path, draft } = await loadDraft(ctx, params);
      if (status === 'pending_publish' && !mayPublish(ctx, roster, target, data))
        throw new Refusal(403, '只有本区域的销售经理或部长可以把投稿设为“待发布”');
      const file = await ctx.store.git.read(draft.commit, path);
      await ctx.store.save({
        collection: target.collection.name,
        slug: target.slug,
        changes: file ? [{ path, content: file.content }] : [],
        message: `审核状态：${status}（${ctx.user.name}）`,
        author: author(ctx.user),
        now: ctx.now,
        status,
      });
      return { message: 'status updated' };
    });
  },

  async publishUnpublishedEntry(ctx, params) {
    const commit = await ctx.store.exclusive(async () => {
      const { target, data, roster, draft } = await loadDraft(ctx, params);
      if (!mayPublish(ctx, roster, target, data))
        throw new Refusal(403, '只有本区域的销售经理或部长可以发布');
      if (draft.status !== 'pending_publish') throw new Refusal(409, '请先把状态设为“待发布”再发布');
      return ctx.store.publish(
        target.collection.name,
        target.slug,
        `发布${target.collection.label}：${target.slug}（${ctx.user.name}）`,
        author(ctx.user),
        ctx.now,
      );
    });
    await ctx.onPublished?.(commit);
    return { message: 'entry published' };
  },

  async deleteUnpublishedEntry(ctx, params) {
    return ctx.store.exclusive(async () => {
      const { target } = await loadDraft(ctx, params);
      await ctx.store.drop(target.collection.name, target.slug);
      return { message: 'draft deleted' };
    });
  },

  async unpublishedEntryMediaFile(ctx, params) {
    const { draft } = await loadDraft(ctx, params);
    return mediaHandlers.unpublishedEntryMediaFile(ctx.store, draft, params.path);
  },

  getDeployPreview: async () => null,
  getNotes: async () => ({ notes: [] }),
  getPRMetadata: async () => ({ metadata: null }),
  getMedia: async (ctx) => mediaHandlers.getMedia(await mediaContext(ctx)),
  getMediaFile: async (ctx, params) => mediaHandlers.getMediaFile(await mediaContext(ctx), params),
  persistMedia: async () => mediaHandlers.persistMedia(),
  deleteFile: async (ctx, params) => mediaHandlers.deleteFiles(await mediaContext(ctx), params),
  deleteFiles: async (ctx, params) => mediaHandlers.deleteFiles(await mediaContext(ctx), params),
};

/** Answers one API request; throws a Refusal for anything refused. */
export async function handle(ctx: ApiContext, body: unknown): Promise<unknown> {
  if (typeof body !== 'object' || body === null) throw new Refusal(400, '请求格式有误');
  const { action, params } = body as Params;
  const handler =
    typeof action === 'string' && Object.hasOwn(handlers, action) ? handlers[action] : undefined;
  if (!handler)
    throw new Refusal(
      422,
      `投稿网关不支持操作 “${typeof action === 'string' ? action.slice(0, 40) : '（无）'}”`,
    );
  return handler(ctx, (typeof params === 'object' && params !== null ? params : {}) as Params);
}
