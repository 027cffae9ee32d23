/**
 * Drafts and publishing on top of the git plumbing (git.ts), as the editorial workflow needs them:
 *
 * - A draft is a branch `cms/<collection>/<slug>`, started from the published branch at its first save. Later
 *   saves add commits to it; it is never rebased, so it keeps its own content whatever is published meanwhile.
 * - Its workflow status travels in each of its commits (`Portal-Status: draft`): no state outside git.
 * - Publishing applies the files the draft changed since it forked (merge base, not today's main) on top of
 *   the published branch as one commit, so it brings only its own files.
 * - The published branch moves by compare-and-swap; where it is checked out (`npm start`'s own repository) by
 *   a fast-forward of that working tree; with a remote (production) by a push, which must succeed first.
 * - Every commit the gate writes is shown to the ledger (src/ledger/), so an entry's first sighting is the
 *   moment it was first saved: a reviewed entry is not suspect for the days its review took.
 */
import type { Temporal } from 'temporal-polyfill';
import { LEDGER_REF, updateLedger } from '../ledger/index.ts';
import { GitRepo, type Change, type Person } from './git.ts';
import { GATE_POLICY, type Status } from './policy.ts';
import { Refusal } from './refusal.ts';

export interface StoreOptions {
  /** Git directory: `.git` of a clone, or a bare repository. */
  gitDir: string;
  /** The published branch the site is built from. */
  branch: string;
  /** Where `branch` is checked out, if anywhere: publishing fast-forwards it. */
  workTree?: string;
  /** Production: the repository of record; `branch` is fetched from it and pushed to it. */
  remote?: string;
  /** Who commits (the gate's bot identity); authors are the people who saved. */
  committer: Person;
}

export interface Draft {
  commit: string;
  status: Status;
  /** The published commit it forked from (merge base). */
  base: string;
  /** Committer time of its last save. */
  updated: string;
}

const TRAILER = 'Portal-Status';
export const DRAFT_PREFIX = 'refs/heads/cms/';

function statusOf(message: string): Status {
  const found = new RegExp(`^${TRAILER}: (\\S+)$`, 'm').exec(message)?.[1];
  return (GATE_POLICY.statuses as readonly string[]).includes(found ?? '') ? (found as Status) : 'draft';
}

export class Store {
  readonly git: GitRepo;
  readonly options: StoreOptions;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: StoreOptions) {
    this.options = options;
    this.git = new GitRepo(options.gitDir);
  }

  /** Runs `work` after every write before it: one writer at a time. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  draftRef(collection: string, slug: string): string {
    return `${DRAFT_PREFIX}${collection}/${slug}`;
  }

  /**
   * Where the published branch is known: the branch itself, or (production) a tracking ref of the remote's,
   * which only fetches and the gate's own successful pushes move.
   */
  private get mainRef(): string {
    const { branch, remote } = this.options;
    return remote ? `refs/remotes/portal/${branch}` : `refs/heads/${branch}`;
  }

  /** The fetch in flight, which concurrent requests share rather than racing for the same ref's lock. */
  private fetching: Promise<unknown> | undefined;

  /** The published branch's commit, fetched first from the remote when there is one. */
  async main(): Promise<string> {
    const { branch, remote } = this.options;
    if (remote) {
      this.fetching ??= this.git
        .run(['fetch', '--quiet', remote, `+refs/heads/${branch}:${this.mainRef}`])
        // A fetch that lost the ref's lock to our own push leaves a ref that is as new: reads use it, and a
        // publish is protected by the push itself, which the remote refuses unless it fast-forwards.
        .catch(() => undefined)
        .finally(() => (this.fetching = undefined));
      await this.fetching;
    }
    const commit = await this.git.resolve(this.mainRef);
    if (!commit) throw new Error(`分支 ${branch} 不存在`);
    return commit;
  }

  async draft(collection: string, slug: string): Promise<Draft | undefined> {
    const commit = await this.git.resolve(this.draftRef(collection, slug));
    if (!commit) return undefined;
    const { message, date } = await this.git.commitInfo(commit);
    const base = await this.git.mergeBase(await this.main(), commit);
    return { commit, status: statusOf(message), base, updated: date };
  }

  /** Every draft's collection and slug. */
  async drafts(): Promise<{ collection: string; slug: string; commit: string }[]> {
    return (await this.git.refs(DRAFT_PREFIX)).map(({ ref, commit }) => {
      const key = ref.slice(DRAFT_PREFIX.length);
      const cut = key.indexOf('/');
      return { collection: key.slice(0, cut), slug: key.slice(cut + 1), commit };
    });
  }

  /** Paths the draft changed since it forked, with git's status letter. */
  async draftChanges(draft: Draft): Promise<{ status: string; path: string }[]> {
    return this.git.diff(draft.base, draft.commit);
  }

  /** Saves `changes` on the draft of `collection`/`slug`, starting it from the published branch if new. */
  async save(options: {
    collection: string;
    slug: string;
    changes: readonly Change[];
    message: string;
    author: Person;
    now: Temporal.Instant;
    status?: Status;
  }): Promise<void> {
    const ref = this.draftRef(options.collection, options.slug);
    const current = await this.draft(options.collection, options.slug);
    const parent = current?.commit ?? (await this.main());
    const status = options.status ?? current?.status ?? 'draft';
    const commit = await this.git.commit({
      parent,
      changes: options.changes,
      message: `${options.message}\n\n${TRAILER}: ${status}\n`,
      author: options.author,
      committer: this.options.committer,
    });
    if (!(await this.git.swap(ref, commit, current?.commit)))
      throw new Refusal(409, '这篇投稿刚被别人修改过，请刷新后再保存');
    await this.sight(commit, options.now);
  }

  /** Records the files of `commit` in the ledger (and, in production, pushes the ledger). */
  private async sight(commit: string, now: Temporal.Instant): Promise<void> {
    const { remote, gitDir } = this.options;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (remote)
        await this.git
          .run(['fetch', '--quiet', remote, `+${LEDGER_REF}:${LEDGER_REF}`])
          .catch(() => undefined); // No ledger there yet: this write starts it.
      if (updateLedger(gitDir, commit, now).recorded.length === 0 || !remote) return;
      try {
        await this.git.run(['push', '--quiet', remote, `${LEDGER_REF}:${LEDGER_REF}`]);
        return;
      } catch {
        // CI recorded a hand commit meanwhile: fetch its ledger and record again on top of it.
      }
    }
    throw new Error('台账推送失败');
  }

  /** Publishes the draft: its own files onto the published branch as one commit. Returns that commit. */
  async publish(
    collection: string,
    slug: string,
    message: string,
    author: Person,
    now: Temporal.Instant,
  ): Promise<string> {
    const draft = await this.draft(collection, slug);
    if (!draft) throw new Refusal(404, '找不到这篇待审核的投稿');
    const changes: Change[] = [];
    for (const { status, path } of await this.draftChanges(draft)) {
      const file = status === 'D' ? undefined : await this.git.read(draft.commit, path);
      changes.push({ path, content: file?.content ?? null });
    }
    const published = await this.commitPublished(changes, message, author, now);
    await this.git.remove(this.draftRef(collection, slug), draft.commit);
    return published;
  }

  /**
   * Applies `changes` on top of the published branch as one commit (a draft's files, or the deletion of an
   * image nothing refers to). Returns that commit.
   */
  async commitPublished(
    changes: readonly Change[],
    message: string,
    author: Person,
    now: Temporal.Instant,
  ): Promise<string> {
    let published: string | undefined;
    for (let attempt = 0; attempt < 3 && !published; attempt++) {
      const main = await this.main();
      const commit = await this.git.commit({
        parent: main,
        changes,
        message,
        author,
        committer: this.options.committer,
      });
      if (await this.advance(main, commit)) published = commit;
    }
    if (!published) throw new Refusal(409, '发布时已发布分支一直在变化，请稍后再试');
    await this.sight(published, now);
    return published;
  }

  /** Withdraws a draft. */
  async drop(collection: string, slug: string): Promise<void> {
    const draft = await this.draft(collection, slug);
    if (draft) await this.git.remove(this.draftRef(collection, slug), draft.commit);
  }

  /** Moves the published branch from `from` to `to`; false when something else moved it first. */
  private async advance(from: string, to: string): Promise<boolean> {
    const { branch, workTree, remote } = this.options;
    const ref = `refs/heads/${branch}`;
    if (remote) {
      // The push is the publication: once the remote took it, it is done, whatever a concurrent read fetched.
      try {
        await this.git.run(['push', '--quiet', remote, `${to}:${ref}`]);
      } catch {
        return false;
      }
      await this.git.run(['update-ref', this.mainRef, to]);
      return true;
    }
    if (workTree && (await this.checkedOut(ref))) {
      if ((await this.git.resolve(ref)) !== from) return false;
      try {
        await this.git.run(['--work-tree', workTree, 'merge', '--ff-only', '--quiet', to], { cwd: workTree });
        return true;
      } catch (error) {
        throw new Refusal(
          409,
          `发布失败：本机工作区有未提交的修改与这篇投稿冲突（${(error as Error).message.split('\n')[0]}）`,
        );
      }
    }
    return this.git.swap(ref, to, from);
  }

  private async checkedOut(ref: string): Promise<boolean> {
    try {
      return (await this.git.run(['symbolic-ref', 'HEAD'])).toString().trim() === ref;
    } catch {
      return false;
    }
  }
}
