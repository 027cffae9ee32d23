/** Lists every file under content/ and says what each one is meant to be. */
import { readdirSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { COLLECTIONS, SUBMISSIONS, type SubmissionName } from '../model/collections/index.ts';

export type FileRole =
  | { kind: 'org'; collection: string }
  | { kind: 'entry'; collection: SubmissionName; id: string }
  | { kind: 'stray'; reason: string };

/** Files that tools leave behind and that hold no content. */
const IGNORED = new Set(['.gitkeep']);

/** Every regular file below `root`, as sorted POSIX paths relative to it, so that order never depends on the disk. */
export function listFiles(root: string): string[] {
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join(posix.sep))
    .filter((path) => !IGNORED.has(posix.basename(path)))
    .sort();
}

/** What a file at `path` (relative to content/) should hold. */
export function classify(path: string): FileRole {
  const org = COLLECTIONS.find((c) => c.storage.kind !== 'markdown' && c.storage.file === path);
  if (org) return { kind: 'org', collection: org.name };
  const [top] = path.split('/');
  const submission = SUBMISSIONS.find((c) => c.storage.folder === top);
  if (!submission) {
    return top === 'org' || path.includes('/')
      ? {
          kind: 'stray',
          reason:
            '不认识的文件：content/ 下只能有 org/ 中的三个 YAML 文件和 articles/、meetings/、reports/ 中的 .md 文件',
        }
      : { kind: 'stray', reason: '不认识的文件：content/ 根目录下不应有文件' };
  }
  const ext = posix.extname(path).toLowerCase();
  if (ext === '.mdx')
    return {
      kind: 'stray',
      reason: '投稿只能是 .md 文件：.mdx 可以运行代码，只用于维护者在 src/ 中编写的页面',
    };
  if (ext !== '.md') return { kind: 'stray', reason: `投稿只能是 .md 文件，不能是 “${ext || '无扩展名'}”` };
  return { kind: 'entry', collection: submission.name, id: posix.basename(path, posix.extname(path)) };
}
