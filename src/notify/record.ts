/**
 * What `npm run remind` has sent: one JSON line per message that a robot accepted, kept as `sent.jsonl` on the
 * branch `portal-reminders` of the content repository (beside the ledger, written the same way). A repeated
 * run reads it and sends nothing twice; the build reads it for the 催交 history on the managers' pages.
 * Only accepted messages are recorded: a message a robot refused is tried again by the next run.
 */
import type { Temporal } from 'temporal-polyfill';
import { branchTip, refTip, writeBranchFile } from '../ledger/branch-file.ts';
import { git, runGit } from '../git/run.ts';
import { formatDateTime } from '../model/time.ts';
import type { Channel } from './robots.ts';

export const REMINDERS_BRANCH = 'portal-reminders';
export const REMINDERS_FILE = 'sent.jsonl';

export interface SentRecord {
  /** When the robot accepted it, Beijing time. */
  at: string;
  channel: Channel;
  region: string;
  /** The reminders it carried (Reminder.key). */
  keys: string[];
  /** The people it chased. */
  owners: string[];
  /** The message as sent, for the history. */
  text: string;
}

/** Every record, oldest first; empty when the repository has none (or `dir` is not in a repository). */
export function readSent(dir: string): SentRecord[] {
  if (runGit(dir, ['rev-parse', '--git-dir']).status !== 0) return [];
  const tip = branchTip(dir, REMINDERS_BRANCH);
  if (!tip) return [];
  return git(dir, ['cat-file', 'blob', `${tip}:${REMINDERS_FILE}`])
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SentRecord);
}

/** The keys already sent. */
export function sentKeys(records: readonly SentRecord[]): Set<string> {
  return new Set(records.flatMap((r) => r.keys));
}

/** Appends records (one commit), retrying if another run moved the branch meanwhile. */
export function appendSent(gitDir: string, records: readonly SentRecord[], now: Temporal.Instant): void {
  if (records.length === 0) return;
  for (let attempt = 0; attempt < 3; attempt++) {
    const local = refTip(gitDir, `refs/heads/${REMINDERS_BRANCH}`);
    const parent = branchTip(gitDir, REMINDERS_BRANCH);
    const before = parent ? git(gitDir, ['cat-file', 'blob', `${parent}:${REMINDERS_FILE}`]) : '';
    const lines = records.map((r) => JSON.stringify(r)).join('\n');
    const written = writeBranchFile(gitDir, {
      branch: REMINDERS_BRANCH,
      file: REMINDERS_FILE,
      content: `${before}${before ? '\n' : ''}${lines}\n`,
      parent,
      expected: local,
      message: `催交：${records.length} 条消息（${formatDateTime(now)}）`,
      now,
      identity: { name: '销售部门户催交', email: 'remind@portal.invalid' },
    });
    if (written) return;
  }
  throw new Error(`分支 ${REMINDERS_BRANCH} 一直在被同时改动，发送记录没有写入：下次运行可能重发`);
}
