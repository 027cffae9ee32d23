/**
 * The gate's view of a git repository, through plumbing only: files are read from commits and written as new
 * commits with a private index, and refs move by compare-and-swap. No branch is ever checked out, so a draft
 * never appears in a working tree that the site is built from, and two writers can never half-apply a save.
 *
 * Every command gets `core.quotepath=false` (paths come back as UTF-8, not quoted) and an empty hooks path
 * (nothing in the repository runs as the gate's user) on its command line: nothing is written to the
 * repository's config.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A git command that failed, with what git said. */
export class GitError extends Error {
  override name = 'GitError';
}

export interface TreeEntry {
  mode: string;
  /** Blob id. */
  id: string;
  /** Path from the repository root. */
  path: string;
}

export interface Person {
  name: string;
  email: string;
}

/** One file of a commit being written: its new bytes, or null to remove it. */
export type Change = { path: string; content: Buffer | null };

const ZERO = '0000000000000000000000000000000000000000';
/** Regular files only: a symlink (120000) or submodule in the tree is never read as content. */
const REGULAR = new Set(['100644', '100755']);

export class GitRepo {
  /** The repository's git directory (`.git` of a clone, or a bare repository). */
  readonly gitDir: string;

  constructor(gitDir: string) {
    this.gitDir = gitDir;
  }

  /** Runs git and returns its standard output; throws GitError when it exits non-zero. */
  run(
    args: string[],
    options: { input?: Buffer | string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
  ): Promise<Buffer> {
    const full = ['--git-dir', this.gitDir, '-c', 'core.quotepath=false', '-c', 'core.hooksPath=/dev/null'];
    return new Promise((resolve, reject) => {
      const child = spawn('git', [...full, ...args], {
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
        ...(options.cwd ? { cwd: options.cwd } : {}),
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.once('error', reject);
      child.once('close', (code) => {
        if (code === 0) resolve(Buffer.concat(out));
        else reject(new GitError(`git ${args[0]}: ${Buffer.concat(err).toString().trim()}`));
      });
      // A command that does not read its input may exit before taking it: that is not an error.
      child.stdin.once('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  }

  private async text(args: string[]): Promise<string> {
    return (await this.run(args)).toString('utf8').trim();
  }

  /** The commit a ref or revision names, or undefined when there is none. */
  async resolve(rev: string): Promise<string | undefined> {
    try {
      return await this.text(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    } catch {
      return undefined;
    }
  }

  /** Regular files under `folder` (or the whole tree) in `commit`, recursively. */
  async list(commit: string, folder?: string): Promise<TreeEntry[]> {
    const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
    if (folder) args.push('--', folder);
    const out = (await this.run(args)).toString('utf8');
    return out
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split('\t') as [string, string];
        const [mode, , id] = meta.split(' ') as [string, string, string];
        return { mode, id, path };
      })
      .filter((e) => REGULAR.has(e.mode));
  }

  /** The bytes of the regular file at `path` in `commit`, or undefined when there is none. */
  async read(commit: string, path: string): Promise<{ id: string; content: Buffer } | undefined> {
    const [entry] = (await this.list(commit, path)).filter((e) => e.path === path);
    if (!entry) return undefined;
    return { id: entry.id, content: await this.run(['cat-file', 'blob', entry.id]) };
  }

  /** The bytes of many blobs at once (one git process, not one per file: a folder has thousands). */
  async blobs(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    if (ids.length === 0) return out;
    const data = await this.run(['cat-file', '--batch'], { input: `${ids.join('\n')}\n` });
    let at = 0;
    while (at < data.length) {
      const eol = data.indexOf(10, at);
      const [id, type, size] = data.subarray(at, eol).toString().split(' ');
      if (type !== 'blob') throw new GitError(`git cat-file: ${id} 不是文件`);
      const start = eol + 1;
      out.set(id!, data.subarray(start, start + Number(size)));
      at = start + Number(size) + 1;
    }
    return out;
  }

  /** The newest common ancestor of two commits. */
  mergeBase(a: string, b: string): Promise<string> {
    return this.text(['merge-base', a, b]);
  }

  /** Paths that differ between two commits, with git's status letter (A, M, D). */
  async diff(from: string, to: string): Promise<{ status: string; path: string }[]> {
    const out = (
      await this.run(['diff-tree', '-r', '-z', '--no-renames', '--name-status', from, to])
    ).toString('utf8');
    const parts = out.split('\0').filter(Boolean);
    const changes: { status: string; path: string }[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) changes.push({ status: parts[i]!, path: parts[i + 1]! });
    return changes;
  }

  /** Refs under `prefix` (`refs/heads/cms/`), with the commit each points to. */
  async refs(prefix: string): Promise<{ ref: string; commit: string }[]> {
    const out = await this.text(['for-each-ref', '--format=%(refname) %(objectname)', prefix]);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [ref, commit] = line.split(' ') as [string, string];
        return { ref, commit };
      });
  }

  /** A commit's full message and its committer time. */
  async commitInfo(commit: string): Promise<{ message: string; date: string }> {
    const out = await this.text(['show', '-s', '--format=%cI%n%B', commit]);
    const [date, ...message] = out.split('\n');
    return { date: date!, message: message.join('\n') };
  }

  /**
   * Writes a commit whose tree is `parent`'s with `changes` applied, through an index of its own (the
   * repository's index, if any, is not touched), and returns its id. `parent` undefined: a root commit.
   */
  async commit(options: {
    parent: string | undefined;
    changes: readonly Change[];
    message: string;
    author: Person;
    committer: Person;
  }): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'portal-gate-index-'));
    const env = { GIT_INDEX_FILE: join(dir, 'index') };
    try {
      await this.run(options.parent ? ['read-tree', options.parent] : ['read-tree', '--empty'], { env });
      for (const change of options.changes) {
        if (change.content === null) {
          // --index-info with mode 0 removes the entry; --force-remove would need a work tree (a bare
          // repository in production has none).
          await this.run(['update-index', '--index-info'], { env, input: `0 ${ZERO}\t${change.path}\n` });
          continue;
        }
        const blob = (await this.run(['hash-object', '-w', '--stdin'], { input: change.content }))
          .toString()
          .trim();
        await this.run(['update-index', '--add', '--cacheinfo', `100644,${blob},${change.path}`], { env });
      }
      const tree = (await this.run(['write-tree'], { env })).toString().trim();
      const parents = options.parent ? ['-p', options.parent] : [];
      const commit = await this.run(['commit-tree', tree, ...parents, '-F', '-'], {
        input: options.message,
        env: {
          GIT_AUTHOR_NAME: options.author.name,
          GIT_AUTHOR_EMAIL: options.author.email,
          GIT_COMMITTER_NAME: options.committer.name,
          GIT_COMMITTER_EMAIL: options.committer.email,
        },
      });
      return commit.toString().trim();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Moves `ref` to `to` only if it still points to `from` (undefined: only if it does not exist yet), so that
   * of two concurrent writers one fails instead of one being lost. Returns whether it moved.
   */
  async swap(ref: string, to: string, from: string | undefined): Promise<boolean> {
    try {
      await this.run(['update-ref', ref, to, from ?? ZERO]);
      return true;
    } catch {
      return false;
    }
  }

  /** Deletes `ref` if it still points to `from`. */
  async remove(ref: string, from: string): Promise<boolean> {
    try {
      await this.run(['update-ref', '-d', ref, from]);
      return true;
    } catch {
      return false;
    }
  }
}
