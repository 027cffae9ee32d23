/**
 * Lists every file under content/ and says what each one is meant to be. Only regular files are content: a
 * symlink could publish a file from outside the repository (or a system file), and a named pipe would hang the
 * build, so both are refused, never followed or opened.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  type Dirent,
} from 'node:fs';
import { join, posix } from 'node:path';
import { COLLECTIONS, SUBMISSIONS, type SubmissionName } from '../model/collections/index.ts';
import { MEDIA_FOLDER, parseMediaName, type MediaName } from '../model/media.ts';

export type FileRole =
  | { kind: 'org'; collection: string }
  | { kind: 'entry'; collection: SubmissionName; id: string }
  /** An uploaded image (src/model/media.ts), by the name the gate gave it. */
  | { kind: 'media'; name: MediaName }
  | { kind: 'stray'; reason: string };

/** Files that tools leave behind and that hold no content. */
const IGNORED = new Set(['.gitkeep']);

/** The tail of every symlink refusal: what is wrong and what to do instead. */
const NOT_FOLLOWED = '已拒绝：内容目录只接受普通文件，不跟随链接；请把文件本身放进来';

/** An entry of content/ that is not a regular file or a directory, with why it is refused. */
export interface Refused {
  path: string;
  message: string;
}

export interface Scan {
  /** Regular files, as sorted POSIX paths relative to the root. */
  files: string[];
  /** Symlinks and special files, sorted by path: each is a problem of its own. */
  refused: Refused[];
}

/** Why a directory entry that is neither a regular file nor a directory is refused. */
function refusal(entry: Dirent, full: string): string {
  if (entry.isSymbolicLink()) {
    let target = '';
    try {
      target = `（指向 ${readlinkSync(full)}）`;
    } catch {
      // The link vanished meanwhile: it is refused all the same.
    }
    return `是符号链接${target}，${NOT_FOLLOWED}`;
  }
  const what = entry.isFIFO()
    ? '命名管道'
    : entry.isSocket()
      ? '套接字'
      : entry.isBlockDevice() || entry.isCharacterDevice()
        ? '设备文件'
        : '特殊文件';
  return `是${what}，已拒绝：内容目录只接受普通文件`;
}

/**
 * Walks `root` without following symlinks (Node's recursive readdir follows symlinked directories, and loops
 * on a link to a parent), iteratively so that a deep tree cannot overflow the stack.
 */
export function scanContent(root: string): Scan {
  const files: string[] = [];
  const refused: Refused[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) {
        if (!IGNORED.has(entry.name)) files.push(path);
      } else refused.push({ path, message: refusal(entry, join(root, path)) });
    }
  }
  files.sort();
  refused.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, refused };
}

/** Every regular file below `root`, as sorted POSIX paths relative to it, so that order never depends on the disk. */
export function listFiles(root: string): string[] {
  return scanContent(root).files;
}

/**
 * The bytes of a regular file of at most `maxBytes`, or why it cannot be read. The file is opened without
 * following a symlink and without blocking, and checked on the open descriptor, so a file swapped for a link
 * or a pipe after the scan is still refused; its size is checked before a byte is read.
 */
export function readRegularFile(
  path: string,
  maxBytes: number,
): { bytes: Uint8Array } | { refused: string } | { tooLarge: number } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink())
      return { refused: `是符号链接，${NOT_FOLLOWED}` };
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { refused: '不是普通文件，已拒绝：内容目录只接受普通文件' };
    if (stat.size > maxBytes) return { tooLarge: stat.size };
    const bytes = new Uint8Array(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read) };
  } finally {
    closeSync(fd);
  }
}

/** What a file at `path` (relative to content/) should hold. */
export function classify(path: string): FileRole {
  const org = COLLECTIONS.find((c) => c.storage.kind !== 'markdown' && c.storage.file === path);
  if (org) return { kind: 'org', collection: org.name };
  const [top] = path.split('/');
  const media = posix.basename(MEDIA_FOLDER);
  if (top === media) {
    const name = parseMediaName(path.slice(media.length + 1));
    return name
      ? { kind: 'media', name }
      : {
          kind: 'stray',
          reason: `${media}/ 中只能有投稿网关存入的图片（如 ${media}/20261012-zhangwei-0a1b2c3d.jpg）`,
        };
  }
  const submission = SUBMISSIONS.find((c) => c.storage.folder === top);
  if (!submission) {
    return top === 'org' || path.includes('/')
      ? {
          kind: 'stray',
          reason:
            '不认识的文件：content/ 下只能有 org/ 中的三个 YAML 文件，articles/、meetings/、reports/ 中的 .md 文件和 media/ 中的图片',
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
