/**
 * How the CMS reads and writes content files: one custom Decap format per collection, which parses YAML
 * exactly as the build does (src/load/yaml.ts) and writes it as the sample generator does (dates quoted,
 * src/load/yaml-write.ts), with keys in the order of the field tables.
 *
 * - Empty optional fields are left out instead of being written as `''` or `[]`, which the build rejects.
 * - Rows of a list of one row a day (a work log's days) are written latest first; other lists keep their order.
 * - The keys that only the admin page uses (the file name before a save, names for the lists) never reach
 *   the file.
 * - regions.yaml and people.yaml are lists at the top level, which Decap cannot edit: the CMS sees each as
 *   one list field named after the collection (`{ people: [...] }`) and writes the bare list back.
 */
import { dayKey, formatName, isHelperKey } from '../model/cms.ts';
import { COLLECTIONS } from '../model/collections/index.ts';
import type { Collection, Field, ObjectListField } from '../model/field.ts';
import { FIGURE_PARTS } from '../model/options.ts';
import { parseYaml, splitFrontMatter } from '../load/yaml.ts';
import { toYaml } from '../load/yaml-write.ts';

type Data = Record<string, unknown>;

/** A Decap format: the text of a file to entry data, and back. */
export interface Formatter {
  fromFile(text: string): Data;
  toFile(data: Data): string;
}

const isRecord = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

/** The value without empty strings, lists and maps (and so without empty optional fields), recursively. */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune).filter((v) => !isEmpty(v));
  if (isRecord(value)) {
    const out: Data = {};
    for (const [key, v] of Object.entries(value)) {
      const kept = prune(v);
      if (!isEmpty(kept)) out[key] = kept;
    }
    return out;
  }
  return value;
}

/** Keys in this order, any others (hand edits, for the build to report) after them as they were. */
function inOrder(data: Data, keys: readonly string[], nested: (key: string, v: unknown) => unknown): Data {
  const out: Data = {};
  for (const key of keys) if (key in data) out[key] = nested(key, data[key]);
  for (const [key, value] of Object.entries(data)) if (!(key in out)) out[key] = value;
  return out;
}

const FIGURE_PART_ORDER = FIGURE_PARTS.map((p) => p.value);

/**
 * The rows of a list of one row a day (a work log's days) by day, latest first: the form opens on today's row at the top
 * and a month's file reads from today back. Rows without a key keep their place after the others.
 */
function newestFirst(field: ObjectListField, rows: readonly unknown[]): unknown[] {
  const key = dayKey(field);
  if (!key) return [...rows];
  const keyOf = (row: unknown) => (isRecord(row) && typeof row[key] === 'string' ? row[key] : undefined);
  const keyed = rows.filter((r) => keyOf(r) !== undefined);
  const rest = rows.filter((r) => keyOf(r) === undefined);
  return [...keyed.sort((a, b) => (keyOf(b)! < keyOf(a)! ? -1 : keyOf(b)! > keyOf(a)! ? 1 : 0)), ...rest];
}

/** A record with its keys in the order of its field table, nested records and figures too. */
export function arrange(value: unknown, fields: readonly Field[]): unknown {
  if (!isRecord(value)) return value;
  return inOrder(
    value,
    fields.map((f) => f.name),
    (key, v) => {
      const field = fields.find((f) => f.name === key)!;
      if (field.type === 'objects' && Array.isArray(v))
        return newestFirst(field, v).map((item) => arrange(item, field.fields));
      if (field.type === 'figures' && isRecord(v))
        return inOrder(
          v,
          field.keys.map((k) => k.value),
          (_, pair) => (isRecord(pair) ? inOrder(pair, FIGURE_PART_ORDER, (__, n) => n) : pair),
        );
      return v;
    },
  );
}

function parsed(text: string, firstLine?: number): unknown {
  const yaml = parseYaml(text, firstLine);
  if (yaml.errors.length > 0)
    throw new Error(yaml.errors.map((e) => `第 ${e.line ?? '?'} 行 ${e.message}`).join('\n'));
  return yaml.value;
}

function asRecord(value: unknown): Data {
  if (value === null || value === undefined) return {};
  if (!isRecord(value)) throw new Error('文件内容应为键值对');
  return value;
}

/** Front matter and a Markdown body, as content/articles, meetings and reports hold them. */
function markdownFormat(c: Collection): Formatter {
  return {
    fromFile(text) {
      const fm = splitFrontMatter(text);
      if (!fm) return { body: text };
      const front = asRecord(parsed(fm.yaml, fm.firstLine));
      return fm.body === '' ? front : { ...front, body: fm.body };
    },
    toFile(data) {
      const { body, ...rest } = data;
      const front = Object.fromEntries(Object.entries(rest).filter(([key]) => !isHelperKey(key)));
      const text = typeof body === 'string' ? body.trim() : '';
      return `---\n${toYaml(arrange(prune(front), c.fields))}---\n${text === '' ? '' : `\n${text}\n`}`;
    },
  };
}

/** A YAML file holding one object (calendar.yaml, which may be empty). */
function objectFormat(c: Collection): Formatter {
  return {
    fromFile: (text) => asRecord(parsed(text)),
    toFile: (data) => toYaml(arrange(prune(data), c.fields)),
  };
}

/** A YAML file whose top level is a list, seen by the CMS as the list field named after the collection. */
function listFormat(c: Collection): Formatter {
  return {
    fromFile(text) {
      const value = parsed(text) ?? [];
      if (!Array.isArray(value)) throw new Error('文件内容应为列表（每项以 “- id:” 开始）');
      return { [c.name]: value };
    },
    toFile(data) {
      const items = prune(data[c.name] ?? []) as unknown[];
      return toYaml(items.map((item) => arrange(item, c.fields)));
    },
  };
}

/** The format of a collection, by its kind of storage. */
export function formatter(c: Collection): Formatter {
  switch (c.storage.kind) {
    case 'markdown':
      return markdownFormat(c);
    case 'yaml-object':
      return objectFormat(c);
    case 'yaml-list':
      return listFormat(c);
  }
}

/** Every custom format of the config: its name there, the extension of its files and the formatter. */
export function formats(): { name: string; extension: string; formatter: Formatter }[] {
  return COLLECTIONS.map((c) => ({
    name: formatName(c),
    extension: c.storage.kind === 'markdown' ? 'md' : 'yaml',
    formatter: formatter(c),
  }));
}
