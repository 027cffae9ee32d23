/** Runs git in a named repository, never in whatever repository the environment points at (a hook's GIT_DIR). */
import { spawnSync } from 'node:child_process';

/**
 * Variables that would send git to another repository, work tree or index than the folder named: set when
 * the caller itself runs inside a git hook, for one. Callers name their repository explicitly.
 */
const REDIRECTS = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
];

export interface GitRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `git -C dir …`; `env` is added to the (cleaned) environment. Never throws for git's exit status. */
export function runGit(
  dir: string,
  args: readonly string[],
  options: { input?: string; env?: Readonly<Record<string, string>> } = {},
): GitRun {
  const env = Object.fromEntries(
    Object.entries({ ...process.env, ...options.env }).filter(([name]) => !REDIRECTS.includes(name)),
  );
  const result = spawnSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    input: options.input,
    env,
    // A content tree of 50,000 entries lists several MiB of paths; the default 1 MiB would cut it.
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like runGit, but returns stdout without its final newline and throws with git's message on failure. */
export function git(
  dir: string,
  args: readonly string[],
  options: Parameters<typeof runGit>[2] = {},
): string {
  const run = runGit(dir, args, options);
  if (run.status !== 0) throw new Error(`git ${args[0]} 失败（${dir}）：${run.stderr.trim()}`);
  return run.stdout.replace(/\n$/, '');
}
