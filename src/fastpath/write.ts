/**
 * Writing into the site that is being served. A reader (or a SIGKILL) must never meet half a page: each file
 * is written to a temporary name in its own folder (same file system) and renamed over the old one, which
 * POSIX makes atomic. No fsync: the threat is a killed process, not a power cut, and the full build that
 * follows writes the site again anyway.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** The temporary name beside `file`: a dot name, unique to this process and write. */
export function temporaryBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.fastpath-${process.pid}-${++counter}`);
}

/** Replaces `file` with `body` atomically; creates its folder when the page is new. */
export async function writeAtomically(file: string, body: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = temporaryBeside(file);
  try {
    await writeFile(temporary, body);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
