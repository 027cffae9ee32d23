/**
 * One new submission for `npm run bench`: a copy of the newest file of a collection under a new name, as a second
 * author files it. Shared by the bench and its fast-path step (fastpath-step.ts), which adds the article itself.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The title a bench article gets: a phrase no generated entry has, for finding it by search. */
export const BENCH_TITLE = '基准测试新增的一篇投稿';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Adds the submission to `content`; returns its id (the page's last path segment) and its file. */
export function addSubmission(
  content: string,
  collection: 'articles' | 'reports',
): { id: string; file: string } {
  const last = markdownFiles(join(content, collection)).at(-1)!;
  const id = `${basename(last, '.md')}-bench`;
  const text = readFileSync(last, 'utf8');
  const file = join(dirname(last), `${id}.md`);
  writeFileSync(
    file,
    collection === 'articles' ? text.replace(/^title: .*$/m, `title: ${BENCH_TITLE}`) : text,
  );
  return { id, file };
}
