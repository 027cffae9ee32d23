/**
 * A file's stamp: what identifies one version of a file without reading it, for the caches that skip reading
 * files unchanged since they last read them (the loader's resident cache, the search's page record).
 */
import type { Stats } from 'node:fs';

/**
 * How long after its last change a file's stamp is not trusted. Times are kept in clock ticks (a few
 * milliseconds on ext4 before Linux 6.13, two seconds on FAT): a write in the same tick as the read before it
 * leaves the stamp as it was. Like git's "racily clean" entries, a file changed this recently is read again
 * next time; a change time ahead of the clock (a clock set back) is not trusted either.
 */
export const SETTLE_MS = 2000;

/**
 * The stamp of `stat` (inode, size, modification and change times): any write, rename over it or chmod moves
 * the change time, which no program can set. Undefined for anything but a file, or a file changed within
 * SETTLE_MS of `now`: then it must be read, and its stamp is not kept.
 */
export function fileStamp(stat: Stats | undefined, now = Date.now()): string | undefined {
  if (!stat?.isFile()) return undefined;
  if (now - Math.max(stat.mtimeMs, stat.ctimeMs) < SETTLE_MS) return undefined;
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}
