/**
 * npm run ledger -- [--repo DIR] [--commit REV] [--now <datetime>] [--push REMOTE]
 *
 * Records in the first-sighting ledger (branch portal-ledger, docs/tamper-evidence.md) every submission
 * file of a main commit that the ledger has not seen yet. CI runs it on the protected main branch before
 * building, with `--push origin`: the ledger is then fetched from the remote first, so a runner's old copy
 * never wins, and pushed without force, so two pipelines cannot overwrite each other (the later one retries).
 * Exit status 0 on success, 2 for a bad argument, 1 when git fails.
 */
import { resolve } from 'node:path';
import { runGit } from '../src/git/run.ts';
import { LEDGER_BRANCH, LEDGER_REF, readLedger, updateLedger } from '../src/ledger/ledger.ts';
import { formatDateTime } from '../src/model/time.ts';
import { cliOptions, fail as failWith, nowOption } from './lib/args.ts';

const USAGE = `用法：npm run ledger -- [--repo .] [--commit main] [--now 2026-11-24T10:00:00+08:00] [--push origin]

  --repo    内容仓库（工作目录或裸仓库），默认当前目录
  --commit  要登记的主分支提交，默认本地的 main 分支，没有 main 时为 HEAD
  --now     视为“首次出现”的时间，须带时区；默认为当前时间（只在测试和补登时指定）
  --push    先从这个远程仓库取回台账分支，登记后再推送回去（CI 用，如 --push origin）`;

const PUSH_ATTEMPTS = 3;

function fail(message: string, status = 2): never {
  if (status === 2) failWith(message, USAGE);
  process.stderr.write(`错误：${message}\n`);
  process.exit(status);
}

const values = cliOptions(
  {
    repo: { type: 'string', default: '.' },
    commit: { type: 'string' },
    now: { type: 'string' },
    push: { type: 'string' },
  },
  USAGE,
);

const repo = resolve(values.repo as string);
if (runGit(repo, ['rev-parse', '--git-dir']).status !== 0) fail(`${repo} 不是 git 仓库`);
const now = nowOption(values.now as string | undefined, USAGE);
const remote = values.push as string | undefined;

const hasMain = runGit(repo, ['rev-parse', '--verify', '--quiet', 'refs/heads/main^{commit}']).status === 0;
const commit = (values.commit as string | undefined) ?? (hasMain ? 'refs/heads/main' : 'HEAD');
const resolved = runGit(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${commit}^{commit}`]);
if (resolved.status !== 0) fail(`找不到提交 “${commit}”`);
const short = resolved.stdout.trim().slice(0, 12);

/**
 * Makes the local ledger branch the remote's, which is the ledger of record: a runner that kept a clone from
 * an earlier pipeline must not build on its stale copy. Nothing to do when the remote has no ledger yet.
 */
function takeRemoteLedger(remote: string) {
  const tracking = `refs/remotes/${remote}/${LEDGER_BRANCH}`;
  const fetch = runGit(repo, ['fetch', '--quiet', '--no-tags', remote, `+${LEDGER_REF}:${tracking}`]);
  if (fetch.status !== 0) {
    if (/couldn't find remote ref/i.test(fetch.stderr)) return;
    fail(`无法从 ${remote} 取回台账分支：${fetch.stderr.trim()}`, 1);
  }
  const update = runGit(repo, ['update-ref', LEDGER_REF, tracking]);
  if (update.status !== 0) fail(`无法更新本地台账分支：${update.stderr.trim()}`, 1);
}

for (let attempt = 1; ; attempt++) {
  if (remote) takeRemoteLedger(remote);
  const started = readLedger(repo) !== undefined;
  let recorded: string[];
  try {
    ({ recorded } = updateLedger(repo, commit, now));
  } catch (error) {
    fail((error as Error).message, 1);
  }
  if (recorded.length === 0) {
    process.stdout.write(`台账已是最新：主分支 ${short} 中的投稿文件都已登记。\n`);
  } else if (!started) {
    process.stdout.write(
      `已建立首次出现台账（${LEDGER_BRANCH} 分支）：主分支 ${short} 中已有的 ${recorded.length} 个投稿文件记为基线，不判时间存疑。\n`,
    );
  } else {
    process.stdout.write(
      `台账登记了 ${recorded.length} 个首次出现的文件（${formatDateTime(now)}，主分支 ${short}）：\n` +
        recorded.map((path) => `  ${path}\n`).join(''),
    );
  }
  if (!remote) break;
  // No force: if another pipeline pushed the ledger meanwhile, this push is refused and the next round
  // starts again from what it wrote.
  const push = runGit(repo, ['push', '--quiet', remote, `${LEDGER_REF}:${LEDGER_REF}`]);
  if (push.status === 0) {
    process.stdout.write(`已推送到 ${remote} 的 ${LEDGER_BRANCH} 分支。\n`);
    break;
  }
  if (attempt === PUSH_ATTEMPTS)
    fail(`推送台账分支到 ${remote} 失败（已试 ${PUSH_ATTEMPTS} 次）：${push.stderr.trim()}`, 1);
  process.stdout.write(`推送被拒绝（多半是另一次构建刚推送过台账），重新取回后再试……\n`);
}
