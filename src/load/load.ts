/**
 * Reads content/ into validated records. Every file is either content or a reported problem, and one run
 * reports every problem of every file: nothing is dropped silently.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import {
  COLLECTIONS,
  calendar,
  people,
  regions,
  type CollectionName,
  type SubmissionName,
} from '../model/collections/index.ts';
import type { Collection } from '../model/field.ts';
import type {
  Article,
  CalendarOverride,
  Holiday,
  Meeting,
  Person,
  Region,
  Report,
  Workday,
  Worklog,
} from '../model/index.ts';
import { SLUG_PATTERN } from '../model/options.ts';
import { collectionSchema, unknownFields } from '../model/schema.ts';
import { ORG_FILE_MAX_BYTES, SUBMISSION_FILE_MAX_BYTES, formatBytes } from '../model/limits.ts';
import { IMAGE_LIMITS, sniff, typeOfExt, type MediaName } from '../model/media.ts';
import { compareCodePoints } from '../rules/counting.ts';
import { bodyProblems } from './body.ts';
import { LoadCache, type CacheOptions, type EntryOutcome } from './cache.ts';
import { classify, readRegularFile, scanContent } from './files.ts';
import { labelForPath, type Problem } from './problems.ts';
import { calendarProblems } from './calendar.ts';
import { checkReferences, type RawRecord } from './references.ts';
import { parseYaml, splitFrontMatter, type ParsedYaml } from './yaml.ts';

/** One Markdown submission: its validated front matter and its raw Markdown body. */
export interface Entry<T> {
  /** The file name without `.md`: unique in its collection, used in URLs. */
  id: string;
  /** Path from the repository root. */
  file: string;
  data: T;
  body: string;
}

export interface Content {
  regions: Region[];
  people: Person[];
  /** Meeting-date overrides, holidays and 调休 workdays; none when calendar.yaml is absent, empty or lists none. */
  calendar: DepartmentCalendar;
  articles: Entry<Article>[];
  meetings: Entry<Meeting>[];
  reports: Entry<Report>[];
  worklogs: Entry<Worklog>[];
}

/** content/org/calendar.yaml as the rules read it: every list present, empty when the file lists none. */
export interface DepartmentCalendar {
  meetings: CalendarOverride[];
  holidays: Holiday[];
  workdays: Workday[];
}

const NO_CALENDAR: DepartmentCalendar = { meetings: [], holidays: [], workdays: [] };

export interface LoadOptions {
  /**
   * Keep what each submission's parse and validation gave, and reuse it while the file is unchanged
   * (src/load/cache.ts). Only for callers that load the same folder again and again: builds, npm start.
   */
  cache?: CacheOptions;
}

export interface LoadResult {
  content: Content;
  problems: Problem[];
}

const byName = Object.fromEntries(COLLECTIONS.map((c) => [c.name, c as Collection])) as Record<
  CollectionName,
  Collection
>;
const schemas = Object.fromEntries(COLLECTIONS.map((c) => [c.name, collectionSchema(c)])) as Record<
  CollectionName,
  z.ZodType
>;

/** Turns zod issues into problems that name the file, the line, the key and its Chinese label. */
function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  collection: Collection,
  file: string,
  yaml: ParsedYaml,
  prefix: (string | number)[] = [],
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        key: [...path, key].join('.'),
        line: yaml.lineOf([...path, key], true),
        message: unknownFields([key]),
      }));
    }
    return [
      {
        file,
        key: path.length > 0 ? path.join('.') : undefined,
        label: labelForPath(collection, path),
        line: yaml.lineOf(path),
        message: issue.message,
      },
    ];
  });
}

/**
 * The file's text, or the problem that stops it being read: not a regular file, too large (checked before
 * reading), empty (unless it may hold nothing: calendar.yaml, no overrides) or not UTF-8.
 */
function readText(
  root: string,
  path: string,
  file: string,
  org: boolean,
  mayBeEmpty: boolean,
): string | Problem {
  const max = org ? ORG_FILE_MAX_BYTES : SUBMISSION_FILE_MAX_BYTES;
  const read = readRegularFile(join(root, path), max);
  if ('refused' in read) return { file, message: read.refused };
  if ('tooLarge' in read)
    return {
      file,
      message: `文件太大（${formatBytes(read.tooLarge)}）：${org ? 'org/ 下的文件' : '投稿文件'}最大 ${formatBytes(max)}，未读取；正文请精简或分成几篇`,
    };
  const bytes = read.bytes;
  if (bytes.length === 0) return mayBeEmpty ? '' : { file, message: '文件是空的' };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { file, message: '文件不是 UTF-8 编码，请另存为 UTF-8' };
  }
}

/** What is wrong with an image file (its kind, its size), as the gate would have refused it; or nothing. */
function mediaProblem(full: string, name: MediaName): string | undefined {
  const read = readRegularFile(full, IMAGE_LIMITS.maxBytes);
  if ('refused' in read) return read.refused;
  if ('tooLarge' in read)
    return `图片太大（${formatBytes(read.tooLarge)}）：最大 ${formatBytes(IMAGE_LIMITS.maxBytes)}`;
  const type = sniff(read.bytes);
  if (!type || type !== typeOfExt(name.ext))
    return `文件内容不是扩展名所说的 .${name.ext} 图片：只接受 JPEG、PNG、WebP`;
  return undefined;
}

/**
 * Loads the content folder at `root`. Records with problems are left out of `content` and listed in
 * `problems`, whose paths start with the folder as seen from the working directory (`content/…`).
 */
export function loadContent(root: string, options: LoadOptions = {}): LoadResult {
  const shown = relative(process.cwd(), root).split('\\').join('/') || '.';
  const problems: Problem[] = [];
  const content: Content = {
    regions: [],
    people: [],
    calendar: { ...NO_CALENDAR },
    articles: [],
    meetings: [],
    reports: [],
    worklogs: [],
  };
  const seen = new Map<string, string>();
  const orgSeen = new Set<string>();
  const raw: RawRecord[] = [];
  if (!existsSync(root)) return { content, problems: [{ file: root, message: '找不到内容目录' }] };
  const cache = options.cache && LoadCache.open(options.cache, root);

  const scan = scanContent(root);
  for (const { path, message } of scan.refused) problems.push({ file: `${shown}/${path}`, message });
  for (const path of scan.files) {
    const file = `${shown}/${path}`;
    const role = classify(path);
    if (role.kind === 'stray') {
      problems.push({ file, message: role.reason });
      continue;
    }
    if (role.kind === 'media') {
      const problem = mediaProblem(join(root, path), role.name);
      if (problem) problems.push({ file, message: problem });
      continue;
    }
    const org = role.kind === 'org';
    // A resident cache (the fast path) vouches for a submission unchanged since its last load: not read again.
    const reused = org ? undefined : cache?.reuse(file, join(root, path));
    const read = () => readText(root, path, file, org, org && role.collection === calendar.name);
    const text = reused ? undefined : read();
    if (typeof text === 'object') {
      problems.push(text);
      continue;
    }
    if (role.kind === 'org') {
      orgSeen.add(role.collection);
      const org = loadOrgFile(role.collection as CollectionName, file, text!);
      problems.push(...org.problems);
      raw.push(...org.raw);
      if (org.calendar) content.calendar = org.calendar;
      if (org.records) (content[role.collection as 'regions' | 'people'] as unknown[]).push(...org.records);
      continue;
    }
    const collection = byName[role.collection];
    const key = `${role.collection}/${role.id}`;
    const other = seen.get(key);
    if (other) {
      problems.push({ file, message: `文件名 “${role.id}” 与 ${other} 重复：同一类投稿的文件名不能相同` });
      continue;
    }
    seen.set(key, file);
    if (!SLUG_PATTERN.test(role.id)) {
      problems.push({
        file,
        message: '文件名只能用小写英文字母、数字和连字符（如 2026-10-12-zhangwei-0930.md）',
      });
      continue;
    }
    let yaml: ParsedYaml | undefined;
    const fresh = () => {
      const outcome = readEntry(collection, file, text!);
      yaml = outcome.yaml;
      return outcome.outcome;
    };
    const {
      problems: own,
      front,
      entry,
    } = reused ?? (cache && text !== undefined ? cache.outcome(file, text, fresh) : fresh());
    problems.push(...own);
    // A stored outcome keeps no parse tree: the YAML is parsed again only if a cross-file check needs a line.
    const textNow = () => {
      const now = text ?? read();
      return typeof now === 'string' ? now : '';
    };
    if (front) raw.push({ collection, file, path: [], value: front.value, yaml: yaml ?? reparsed(textNow) });
    if (entry) (content[role.collection] as Entry<unknown>[]).push({ id: role.id, file, ...entry });
  }

  for (const c of [regions, people]) {
    if (!orgSeen.has(c.name))
      problems.push({ file: `${shown}/${c.storage.file}`, message: `缺少${c.label}文件` });
  }
  problems.push(...checkReferences(raw));
  problems.push(...duplicateEntries(content));
  cache?.save();
  return { content, problems };
}

/**
 * The per-file step of a submission: its body checked, its front matter parsed and validated. What it returns
 * depends only on the file's path and text (and the code), which is what lets src/load/cache.ts keep it.
 */
function readEntry(
  collection: Collection,
  file: string,
  text: string,
): { outcome: EntryOutcome; yaml?: ParsedYaml } {
  const fm = splitFrontMatter(text);
  if (!fm) {
    const message = '缺少开头的 front matter（以 --- 开始、以 --- 结束的 YAML 字段区）';
    return { outcome: { problems: [{ file, line: 1, message }] } };
  }
  // Checked before the front matter, and reported with it: one run lists every problem of the file.
  const inBody = bodyProblems(collection, file, fm.body, fm.bodyLine);
  const yaml = parseYaml(fm.yaml, fm.firstLine);
  if (yaml.errors.length > 0) {
    const problems = [...inBody, ...yaml.errors.map((e) => ({ file, line: e.line, message: e.message }))];
    return { outcome: { problems } };
  }
  const front = { value: yaml.value ?? {} };
  const result = schemas[collection.name as CollectionName].safeParse(front.value);
  if (!result.success) {
    const problems = [...inBody, ...issuesToProblems(result.error.issues, collection, file, yaml)];
    return { outcome: { problems, front }, yaml };
  }
  if (inBody.length > 0) return { outcome: { problems: inBody, front }, yaml };
  return { outcome: { problems: [], front, entry: { data: result.data, body: fm.body } }, yaml };
}

/** The parse of a front matter, made only when asked for a line: a stored outcome has kept none. */
function reparsed(text: () => string): ParsedYaml {
  let parsed: ParsedYaml | undefined;
  const parse = () => {
    if (parsed) return parsed;
    // A reused file that changed or went since its stat (src/load/cache.ts reuse) has no lines to give.
    const fm = splitFrontMatter(text());
    return (parsed = fm ? parseYaml(fm.yaml, fm.firstLine) : parseYaml(''));
  };
  return {
    get value() {
      return parse().value;
    },
    get errors() {
      return parse().errors;
    },
    lineOf: (path, keyOnly) => parse().lineOf(path, keyOnly),
  };
}

/** Entries that share what their collection allows one entry only (two logs of one person for one month). */
function duplicateEntries(content: Content): Problem[] {
  const problems: Problem[] = [];
  for (const c of COLLECTIONS) {
    if (c.storage.kind !== 'markdown' || !('uniqueBy' in c)) continue;
    const keys = c.uniqueBy as readonly string[];
    const labels = keys.map(
      (k) => (c.fields as readonly { name: string; label: string }[]).find((f) => f.name === k)?.label ?? k,
    );
    const first = new Map<string, string>();
    // By id, so that the one a person would call the first (2026-10-wangfang) keeps its place.
    const entries = [...(content[c.name as SubmissionName] as Entry<Record<string, unknown>>[])].sort(
      (a, b) => compareCodePoints(a.id, b.id),
    );
    for (const entry of entries) {
      const key = JSON.stringify(keys.map((k) => entry.data[k]));
      const other = first.get(key);
      if (other === undefined) first.set(key, entry.file);
      else
        problems.push({
          file: entry.file,
          message: `与 ${other} 的${labels.join('、')}相同：同一${labels.join('、')}只能有一个${c.label}文件，请把内容合并到一个文件中`,
        });
    }
  }
  return problems;
}

/** What one reference file holds: its valid records (or calendar), its raw records and its problems. */
interface OrgFile {
  problems: Problem[];
  /** Every record as written, for the reference checks across files. */
  raw: RawRecord[];
  /** regions.yaml, people.yaml: the valid records. */
  records?: unknown[];
  /** calendar.yaml, when every override is valid. */
  calendar?: DepartmentCalendar;
}

function loadOrgFile(name: CollectionName, file: string, text: string): OrgFile {
  const collection = byName[name];
  const yaml = parseYaml(text);
  if (yaml.errors.length > 0)
    return { problems: yaml.errors.map((e) => ({ file, line: e.line, message: e.message })), raw: [] };
  const schema = schemas[name];
  if (name === calendar.name) {
    const result = schema.safeParse(yaml.value ?? {});
    if (!result.success)
      return { problems: issuesToProblems(result.error.issues, collection, file, yaml), raw: [] };
    const data = result.data as Partial<DepartmentCalendar>;
    const meetings = data.meetings ?? [];
    const problems = calendarProblems(meetings).map(({ index, key, message }) => ({
      file,
      key: `meetings.${index}.${key}`,
      label: labelForPath(collection, ['meetings', index, key]),
      line: yaml.lineOf(['meetings', index, key]),
      message,
    }));
    const whole = { meetings, holidays: data.holidays ?? [], workdays: data.workdays ?? [] };
    return { problems, raw: [], ...(problems.length === 0 ? { calendar: whole } : {}) };
  }
  if (!Array.isArray(yaml.value))
    return { problems: [{ file, line: 1, message: `应为列表（每项以 “- id:” 开始），实际不是` }], raw: [] };
  const out: Required<Omit<OrgFile, 'calendar'>> = { problems: [], raw: [], records: [] };
  const ids = new Map<string, number>();
  yaml.value.forEach((item: unknown, index) => {
    out.raw.push({ collection, file, path: [index], value: item, yaml });
    const result = schema.safeParse(item);
    if (!result.success) {
      out.problems.push(...issuesToProblems(result.error.issues, collection, file, yaml, [index]));
      return;
    }
    const record = result.data as { id: string };
    const first = ids.get(record.id);
    if (first !== undefined) {
      out.problems.push({
        file,
        key: `${index}.id`,
        label: labelForPath(collection, [index, 'id']),
        line: yaml.lineOf([index, 'id']),
        message: `编号 “${record.id}” 与第 ${first + 1} 项重复`,
      });
      return;
    }
    ids.set(record.id, index);
    out.records.push(record);
  });
  return out;
}
