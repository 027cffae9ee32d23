/**
 * A branch that holds one file and only ever grows by commits of the portal's own (the ledger, the reminder
 * record): read from the branch or, in a fresh clone, from origin's copy; written with plumbing only
 * (hash-object, mktree, commit-tree, update-ref with the old value), so it works in a bare repository, never
 * touches a work tree or index, and two writers cannot overwrite each other.
 */
import type { Temporal } from 'temporal-polyfill';
import { git, runGit } from '../git/run.ts';

/** The commit a ref points at, or undefined when there is no such ref. */
export function refTip(gitDir: string, ref: string): string | undefined {
  const run = runGit(gitDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** The branch's tip, else origin's copy of it (a fresh clone has only that). */
export function branchTip(gitDir: string, branch: string): string | undefined {
  return refTip(gitDir, `refs/heads/${branch}`) ?? refTip(gitDir, `refs/remotes/origin/${branch}`);
}

/** The object id that update-ref reads as "the ref must not exist yet" (40 or 64 zeros). */
function absent(gitDir: string): string {
  const format = runGit(gitDir, ['rev-parse', '--show-object-format']);
  return '0'.repeat(format.status === 0 && format.stdout.trim() === 'sha256' ? 64 : 40);
}

/** Git wants `<seconds> <offset>`; Beijing has no daylight saving. */
const gitDate = (instant: Temporal.Instant) => `${instant.epochMilliseconds / 1000} +0800`;

export interface BranchFileWrite {
  branch: string;
  file: string;
  content: string;
  /** The branch's commit this write builds on; undefined for the first write. */
  parent: string | undefined;
  /** What the branch must still point at; undefined when it must not exist yet. */
  expected: string | undefined;
  message: string;
  /** The commit's date: the moment the portal saw or did what it records. */
  now: Temporal.Instant;
  /** Who commits, unless the environment names someone (the gate's bot account). */
  identity: { name: string; email: string };
}

/**
 * Commits the file on the branch if the branch is still where the caller read it (compare-and-swap). Returns
 * the new commit, or undefined when another writer moved the branch first (nothing is changed).
 */
export function writeBranchFile(gitDir: string, write: BranchFileWrite): string | undefined {
  const ref = `refs/heads/${write.branch}`;
  const blob = git(gitDir, ['hash-object', '-w', '--stdin'], { input: write.content });
  const tree = git(gitDir, ['mktree'], { input: `100644 blob ${blob}\t${write.file}\n` });
  const at = gitDate(write.now.round({ smallestUnit: 'second', roundingMode: 'trunc' }));
  const env = {
    GIT_AUTHOR_NAME: process.env.GIT_AUTHOR_NAME ?? write.identity.name,
    GIT_AUTHOR_EMAIL: process.env.GIT_AUTHOR_EMAIL ?? write.identity.email,
    GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? write.identity.name,
    GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? write.identity.email,
    // Dated by what it records, not by whatever date the environment forges.
    GIT_AUTHOR_DATE: at,
    GIT_COMMITTER_DATE: at,
  };
  const parents = write.parent ? ['-p', write.parent] : [];
  const commit = git(gitDir, ['commit-tree', '--no-gpg-sign', tree, ...parents, '-m', write.message], {
    env,
  });
  const update = runGit(gitDir, [
    'update-ref',
    '-m',
    `portal ${write.branch}`,
    ref,
    commit,
    write.expected ?? absent(gitDir),
  ]);
  if (update.status === 0) return commit;
  // Only a moved branch is a lost race; anything else (a locked or unwritable repository) is an error.
  if (refTip(gitDir, ref) !== write.expected) return undefined;
  throw new Error(`无法更新分支 ${write.branch}：${update.stderr.trim()}`);
}
