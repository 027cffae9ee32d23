/**
 * The first-sighting ledger: when each submission file was first seen on main, kept as `ledger.tsv` on the
 * branch `portal-ledger` of the content repository (docs/tamper-evidence.md). A time in the front matter is
 * what its author wrote; the ledger is what the portal saw, written only by the gate and by CI on the
 * protected branch, and it travels with every clone of the repository.
 *
 * Written with plumbing only (hash-object, mktree, commit-tree, update-ref with the old value), so it works
 * in a bare repository, never touches a work tree or index, and two writers cannot overwrite each other.
 */
import { Temporal } from 'temporal-polyfill';
import { refTip, writeBranchFile } from './branch-file.ts';
import { git, runGit } from '../git/run.ts';
import { formatLedger, parseLedger, representable, type Ledger, type LedgerEntry } from './tsv.ts';

export const LEDGER_BRANCH = 'portal-ledger';
export const LEDGER_REF = `refs/heads/${LEDGER_BRANCH}`;
/** A fresh clone has the ledger only as origin's branch until someone checks it out. */
export const REMOTE_LEDGER_REF = `refs/remotes/origin/${LEDGER_BRANCH}`;
export const LEDGER_FILE = 'ledger.tsv';

/** The submission folders whose files the ledger follows (content contract, "Layout"). */
const FOLLOWED = ['content/articles/', 'content/meetings/', 'content/reports/'];

/** Who writes ledger commits, unless the caller's environment names someone (the gate's bot account). */
const IDENTITY = { name: '销售部门户台账', email: 'ledger@localhost' };

/** How often a write is retried when another writer moved the branch between our read and our update. */
const ATTEMPTS = 3;

function ledgerAt(gitDir: string, commit: string): Ledger {
  return parseLedger(
    git(gitDir, ['cat-file', 'blob', `${commit}:${LEDGER_FILE}`]),
    `${LEDGER_BRANCH}:${LEDGER_FILE}`,
  );
}

/** Every submission file in a commit's tree, as paths from the repository root. */
function contentPaths(gitDir: string, commit: string): string[] {
  const listed = git(gitDir, ['ls-tree', '-r', '-z', '--name-only', commit, '--', ...FOLLOWED]);
  return listed.split('\0').filter((path) => path.toLowerCase().endsWith('.md') && representable(path));
}

export interface LedgerWrite {
  /** The ledger branch's commit this write builds on; undefined for the first write. */
  parent: string | undefined;
  /** What `refs/heads/portal-ledger` must still point at; undefined when it must not exist yet. */
  expected: string | undefined;
  message: string;
  now: Temporal.Instant;
}

/**
 * Commits `ledger` on the ledger branch if the branch is still where the caller read it (compare-and-swap).
 * Returns the new commit, or undefined when another writer moved the branch first (nothing is changed).
 */
export function writeLedger(gitDir: string, ledger: Ledger, write: LedgerWrite): string | undefined {
  return writeBranchFile(gitDir, {
    ...write,
    branch: LEDGER_BRANCH,
    file: LEDGER_FILE,
    content: formatLedger(ledger),
    identity: IDENTITY,
  });
}

function message(recorded: readonly string[], commit: string, baseline: boolean): string {
  const short = commit.slice(0, 12);
  return baseline
    ? `台账：建立基线，${recorded.length} 个文件（提交 ${short}）`
    : `台账：首次出现 ${recorded.length} 个文件（提交 ${short}）\n\n${recorded.join('\n')}\n`;
}

/**
 * Records every submission file in `commit`'s tree that the ledger lacks, as first seen at `now` in that
 * commit. Any commit will do: the gate passes each draft it saves as well as each main commit it publishes,
 * so that an entry is seen when it is first saved, not days later when review publishes it. The first run, with no ledger anywhere (neither the branch nor origin's), records every file as
 * baseline. Calling it again for the same commit records nothing. `gitDir` may be a bare repository or any
 * folder of a work tree; git options go by environment and arguments, never into the repository's config.
 */
export function updateLedger(gitDir: string, commit: string, now: Temporal.Instant): { recorded: string[] } {
  const target = git(gitDir, ['rev-parse', '--verify', '--end-of-options', `${commit}^{commit}`]);
  const present = contentPaths(gitDir, target);
  const firstSeen = now.round({ smallestUnit: 'second', roundingMode: 'trunc' });
  for (let attempt = 1; ; attempt++) {
    const local = refTip(gitDir, LEDGER_REF);
    // A clone that never checked the branch out still has the ledger: starting afresh would make a
    // backdated entry part of a new baseline.
    const parent = local ?? refTip(gitDir, REMOTE_LEDGER_REF);
    const known: Ledger = parent ? ledgerAt(gitDir, parent) : new Map();
    const recorded = present.filter((path) => !known.has(path));
    if (recorded.length === 0) return { recorded };
    const baseline = parent === undefined;
    const entry: LedgerEntry = { firstSeen, commit: target, baseline };
    const next = new Map([...known, ...recorded.map((path) => [path, entry] as const)]);
    const written = writeLedger(gitDir, next, {
      parent,
      expected: local,
      message: message(recorded, target, baseline),
      now: firstSeen,
    });
    if (written) return { recorded };
    if (attempt === ATTEMPTS)
      throw new Error(`台账分支 ${LEDGER_BRANCH} 一直在被同时改动，${ATTEMPTS} 次都没有写入成功，请稍后重试`);
  }
}

/**
 * The ledger of the git repository that holds `dir` (a content folder): the branch `portal-ledger`, else
 * origin's copy of it. Undefined when `dir` is not in a git repository or the repository has no ledger.
 */
export function readLedger(dir: string): Ledger | undefined {
  const probe = runGit(dir, ['rev-parse', '--git-dir']);
  if (probe.status !== 0) {
    // Not a repository (or no such folder): no ledger. Any other refusal (say, git's "dubious ownership")
    // would silently switch tamper evidence off, so it stops the caller instead.
    if (/not a git repository|cannot change to/i.test(probe.stderr)) return undefined;
    throw new Error(`无法读取 ${dir} 所在的 git 仓库：${probe.stderr.trim()}`);
  }
  const tip = refTip(dir, LEDGER_REF) ?? refTip(dir, REMOTE_LEDGER_REF);
  return tip === undefined ? undefined : ledgerAt(dir, tip);
}

/** `dir`'s path from the root of its work tree, `content/` for the usual content folder (`''` at the root). */
export function repoPrefix(dir: string): string {
  return git(dir, ['rev-parse', '--show-prefix']);
}
