/**
 * Which files a request may name. Everything the CMS writes has a path the portal generates itself, so the
 * gate accepts exactly those shapes and nothing else: no `..`, no absolute or encoded paths, no other case,
 * nothing under `.git/`, `src/`, `public/` or the repository root.
 *
 * - A submission: `content/<articles|meetings|reports>/YYYY/<slug>.md`, the slug in lower-case ASCII. A new one
 *   must have the generated name `YYYY-MM-DD-<person>-HHMMSS[-N]` under the year of that date (src/cms/save.ts
 *   makes these names); older files, named by hand or by the sample generator, may still be edited.
 * - A work log: `content/worklogs/YYYY/YYYY-MM-<person>.md`, one file a person a month, under the year of its
 *   month (the department's 《日工作计划与日志YYMM-姓名》 in ASCII); a new one may have no other name.
 * - Reference data: exactly `content/org/regions.yaml`, `people.yaml` or `calendar.yaml`.
 */
import { MONTHLY_NAMES } from '../cms/save.ts';
import { CONTENT_FOLDER } from '../model/cms.ts';
import { COLLECTIONS, SUBMISSIONS } from '../model/collections/index.ts';
import type { Collection } from '../model/field.ts';
import { Refusal } from './refusal.ts';

export type Target =
  | {
      kind: 'submission';
      collection: (typeof SUBMISSIONS)[number];
      /** Decap's slug: the path below the collection folder without `.md` (`2026/2026-10-12-…`). */
      slug: string;
      /** What a generated name says: the Beijing date (`2026-10-12`) and the person; absent for other names. */
      generated?: { date: string; person: string };
      /** What a work log's name says: its month (`2026-11`) and person; absent for other names. */
      monthly?: { month: string; person: string };
    }
  | { kind: 'org'; collection: Collection; slug: string };

const SUBMISSION = /^(\d{4})\/([a-z0-9][a-z0-9-]{0,99})$/;
const GENERATED = /^((\d{4})-\d{2}-\d{2})-([a-z][a-z0-9]*)-\d{6}(?:-[1-9]\d?)?$/;
const MONTHLY = /^((\d{4})-(?:0[1-9]|1[0-2]))-([a-z][a-z0-9]*)$/;

/** Why the CMS may not touch `path`: the same for a read and a write. */
const outside = (path: string) =>
  new Refusal(403, `不允许读写 “${path}”：投稿只能保存在 content/ 下由系统生成的文件名中`);

/** What `path` is, or a Refusal saying why the CMS may not touch it. */
export function classify(path: unknown): Target {
  if (typeof path !== 'string' || path.length === 0 || path.length > 200)
    throw new Refusal(400, '文件路径缺失或过长');
  // Only the characters generated names use: this rules out `..` segments' friends, `%2e`, `\`, NUL, spaces,
  // full-width look-alikes and upper case in one check.
  if (!/^[a-z0-9/._-]+$/.test(path) || path.split('/').some((s) => s === '' || s.startsWith('.')))
    throw outside(path);
  for (const c of COLLECTIONS) {
    if (c.storage.kind === 'markdown') continue;
    if (path === `${CONTENT_FOLDER}/${c.storage.file}`) return { kind: 'org', collection: c, slug: c.name };
  }
  for (const c of SUBMISSIONS) {
    const prefix = `${CONTENT_FOLDER}/${c.storage.folder}/`;
    if (!path.startsWith(prefix) || !path.endsWith('.md')) continue;
    const slug = path.slice(prefix.length, -'.md'.length);
    const match = SUBMISSION.exec(slug);
    if (!match) break;
    if (c.name in MONTHLY_NAMES) {
      const named = MONTHLY.exec(match[2]!);
      const monthly = named && named[2] === match[1] ? { month: named[1]!, person: named[3]! } : undefined;
      return { kind: 'submission', collection: c, slug, ...(monthly ? { monthly } : {}) };
    }
    const named = GENERATED.exec(match[2]!);
    const generated = named && named[2] === match[1] ? { date: named[1]!, person: named[3]! } : undefined;
    return { kind: 'submission', collection: c, slug, ...(generated ? { generated } : {}) };
  }
  throw outside(path);
}

/** The one file of collection `collection` with Decap slug `slug`: where its draft and published copy live. */
export function pathOf(collection: string, slug: string): string {
  const c = COLLECTIONS.find((x) => x.name === collection);
  if (!c) throw new Refusal(400, `未知的栏目 “${collection}”`);
  const path =
    c.storage.kind === 'markdown'
      ? `${CONTENT_FOLDER}/${c.storage.folder}/${slug}.md`
      : `${CONTENT_FOLDER}/${c.storage.file}`;
  const target = classify(path);
  if (target.collection.name !== c.name || target.slug !== slug)
    throw new Refusal(400, `条目 “${slug}” 不存在`);
  return path;
}
