/**
 * Zod schemas derived from the field tables. Messages are Chinese and say what is expected; the loader adds
 * the file, the English key and the field's label in front of them.
 */
import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';
import type { Collection, Field, ObjectListField, PeriodField } from './field.ts';
import type { RecordOf } from './types.ts';
import type { Holiday, Workday } from './index.ts';
import { calendar } from './collections/org.ts';
import { ID_PATTERN, labelOf } from './options.ts';
import { textKindOf, textProblem, type TextKind } from './text.ts';
import {
  DATETIME_SHAPE,
  PERIOD_FORMATS,
  TIME_ZONE,
  lacksOffset,
  parseDate,
  parseDateTime,
  periodSpan,
} from './time.ts';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '是/否',
  array: '列表',
  object: '键值对',
  null: '空值',
};

/** "应为文本，实际是数字" or "缺少必填字段". */
function typeError(expected: string) {
  return (issue: { input?: unknown }) => {
    if (issue.input === undefined) return '缺少必填字段';
    const actual = Array.isArray(issue.input) ? 'array' : issue.input === null ? 'null' : typeof issue.input;
    return `应为${expected}，实际是${TYPE_NAMES[actual] ?? actual}`;
  };
}

/** The one wording for keys the model does not have: they are usually typos of a real field. */
export function unknownFields(keys: readonly string[]): string {
  const shown = keys.length > 10 ? `${keys.slice(0, 10).join('、')} 等 ${keys.length} 个` : keys.join('、');
  return `未知字段：${shown}（是否拼错了字段名？）`;
}

function objectError(issue: { code?: string; input?: unknown; keys?: string[] }) {
  if (issue.code === 'unrecognized_keys') return unknownFields(issue.keys ?? []);
  return typeError('键值对')(issue);
}

/** A text of one kind: refused characters (controls, direction and invisible characters) are one problem. */
const text = (kind: Exclude<TextKind, 'body'> = 'line') =>
  z.string({ error: typeError('文本') }).check((ctx) => {
    const problem = textProblem(ctx.value, kind);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });

/** Why a datetime text is wrong, or undefined when it is right. */
export function dateTimeProblem(value: string): string | undefined {
  if (parseDateTime(value)) return undefined;
  if (lacksOffset(value))
    return `“${value}” 缺少时区，应写成 ${value.replace(' ', 'T')}+08:00 这样带时区的时间`;
  if (DATETIME_SHAPE.test(value)) return `“${value}” 不是存在的时间`;
  return `“${value}” 格式不对，应为 2026-10-12T09:30:00+08:00 这样带时区的时间`;
}

export function dateProblem(value: string): string | undefined {
  if (parseDate(value)) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `“${value}” 不是存在的日期`;
  return `“${value}” 格式不对，应为 2026-10-12 这样的日期`;
}

function periodProblem(
  field: PeriodField,
  record: Record<string, unknown>,
  value: string,
): string | undefined {
  const by = 'format' in field ? undefined : record[field.by];
  const format = 'format' in field ? field.format : typeof by === 'string' ? field.formats[by] : undefined;
  if (!format) return undefined; // The select field reports its own error.
  if (periodSpan(format, value)) return undefined;
  const { label, example } = PERIOD_FORMATS[format];
  const looksRight =
    periodSpan(format, example) && new RegExp(`^${example.replace(/\d/g, '\\d')}$`).test(value);
  return looksRight ? `${label} “${value}” 不存在` : `“${value}” 应为${label}，如 ${example}`;
}

function fieldSchema(field: Field): z.ZodType {
  switch (field.type) {
    case 'text': {
      let s = text(textKindOf(field));
      if (field.min !== undefined) s = s.min(field.min, `至少 ${field.min} 个字`);
      if (field.max !== undefined) s = s.max(field.max, `不能超过 ${field.max} 个字`);
      if (field.pattern) s = s.regex(new RegExp(field.pattern.regex), field.pattern.message);
      return s;
    }
    case 'id':
      return text().regex(new RegExp(ID_PATTERN.regex), ID_PATTERN.message);
    case 'ref':
      return text().min(1, '不能为空');
    case 'select': {
      const values = field.options.map((o) => o.value);
      const choices = field.options.map((o) => `${o.value}（${o.label}）`).join('、');
      return z.enum(values as [string, ...string[]], {
        error: (i) =>
          i.input === undefined ? '缺少必填字段' : `“${String(i.input)}” 不是可选值，应为 ${choices} 之一`,
      });
    }
    case 'datetime':
      return text().check((ctx) => {
        const problem = dateTimeProblem(ctx.value);
        if (problem)
          ctx.issues.push({
            code: 'custom',
            message: problem,
            input: ctx.value,
          });
      });
    case 'date':
      return text().check((ctx) => {
        const problem = dateProblem(ctx.value);
        if (problem)
          ctx.issues.push({
            code: 'custom',
            message: problem,
            input: ctx.value,
          });
      });
    case 'period':
      // Checked against its select field by the record schema below.
      return text();
    case 'integer':
      // multipleOf, not zod's .int(): a failed .int() aborts the checks of the enclosing records (a work
      // log's duplicate days would go unreported until the fraction is fixed).
      return z
        .number({ error: typeError('整数') })
        .multipleOf(1, '应为整数')
        .min(field.min, `不能小于 ${field.min}`)
        .max(field.max, `不能大于 ${field.max}`);
    case 'list': {
      let s = z.array(text().min(1, '不能为空').max(field.itemMax, `每项不能超过 ${field.itemMax} 个字`), {
        error: typeError('列表'),
      });
      if (field.min !== undefined) s = s.min(field.min, `至少 ${field.min} 项`);
      if (field.max !== undefined) s = s.max(field.max, `最多 ${field.max} 项`);
      return s;
    }
    case 'figures': {
      const figure = z.strictObject(
        {
          target: z.number({ error: typeError('数字') }).min(0, '不能为负数'),
          actual: z.number({ error: typeError('数字') }).min(0, '不能为负数'),
        },
        { error: objectError },
      );
      const shape = Object.fromEntries(field.keys.map((k) => [k.value, figure.optional()]));
      return z.strictObject(shape, { error: objectError });
    }
    case 'objects':
      return z.array(recordSchema(field.fields), { error: typeError('列表') });
  }
}

/** Rows of a keyed list: each key once, and inside the parent's period when the list says so. */
function rowProblems(
  f: ObjectListField,
  siblings: readonly Field[],
  record: Record<string, unknown>,
  rows: readonly unknown[],
  issue: (path: (string | number)[], message: string) => void,
): void {
  const { key, keyWithin } = f;
  if (!key) return;
  const keyLabel = f.fields.find((x) => x.name === key)?.label ?? key;
  const within = keyWithin === undefined ? undefined : record[keyWithin];
  const periodField = siblings.find((x) => x.name === keyWithin);
  const format = periodField?.type === 'period' && 'format' in periodField ? periodField.format : undefined;
  const period = format && typeof within === 'string' ? periodSpan(format, within) : undefined;
  const first = new Map<string, number>();
  rows.forEach((row, i) => {
    const k = typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[key] : undefined;
    if (typeof k !== 'string') return;
    const earlier = first.get(k);
    if (earlier !== undefined)
      issue([f.name, i, key], `“${k}” 与第 ${earlier + 1} 行重复：每个${keyLabel}只能有一行`);
    else first.set(k, i);
    const date = parseDate(k);
    if (period && date) {
      const start = date.toZonedDateTime(TIME_ZONE);
      const inside =
        Temporal.ZonedDateTime.compare(start, period.start) >= 0 &&
        Temporal.ZonedDateTime.compare(start, period.end) < 0;
      if (!inside)
        issue([f.name, i, key], `${k} 不在${periodField?.label ?? keyWithin} ${within as string} 内`);
    }
  });
}

/** A strict object for a list of fields, with the rules that span several fields. */
function recordSchema(fields: readonly Field[]): z.ZodType {
  const shape = Object.fromEntries(
    fields.map((f) => [f.name, f.optional ? fieldSchema(f).optional() : fieldSchema(f)]),
  );
  const object = z.strictObject(shape, { error: objectError });
  // Runs even when single fields failed, so that one pass reports every problem of a record.
  return object.superRefine(
    (value, ctx) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
      const record = value as Record<string, unknown>;
      /** "汇报类型为季度销售达成表" for the select field a rule depends on. */
      const because = (name: string) => {
        const select = fields.find((f) => f.name === name);
        const raw = String(record[name]);
        return `${select?.label ?? name}为${select?.type === 'select' ? labelOf(select.options, raw) : raw}`;
      };
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({
          code: 'custom',
          message,
          path,
          input: record[path[0] as string],
        });
      for (const f of fields) {
        const value = record[f.name];
        if (
          f.requiredWhen &&
          value === undefined &&
          f.requiredWhen.values.includes(String(record[f.requiredWhen.field]))
        ) {
          issue([f.name], `${because(f.requiredWhen.field)}时必填`);
        }
        if (f.type === 'period' && typeof value === 'string') {
          const problem = periodProblem(f, record, value);
          if (problem) issue([f.name], problem);
        }
        if (f.type === 'date' && f.notBefore && typeof value === 'string') {
          const other = record[f.notBefore];
          const a = parseDate(value);
          const b = typeof other === 'string' ? parseDate(other) : undefined;
          if (a && b && a.until(b).days > 0)
            issue(
              [f.name],
              `不能早于${fields.find((x) => x.name === f.notBefore)?.label ?? f.notBefore}（${other as string}）`,
            );
        }
        if (f.type === 'objects' && Array.isArray(value)) rowProblems(f, fields, record, value, issue);
        if (f.type === 'integer' && f.countOf) {
          const list = fields.find((x) => x.name === f.countOf);
          const listed = record[f.countOf];
          const n = Array.isArray(listed) ? listed.length : 0;
          // A count that is itself wrong (negative, a fraction) has its own problem already.
          const valid = typeof value === 'number' && Number.isInteger(value) && value >= 0;
          if ((valid && value !== n) || (value === undefined && n > 0))
            issue(
              [f.name],
              `${value === undefined ? '未填' : `为 ${String(value)}`}，但${list?.label ?? f.countOf}列了 ${n} 条：两者应一致`,
            );
        }
        if (f.type === 'datetime' && f.notBeforeDay && typeof value === 'string') {
          const at = parseDateTime(value);
          const day = record[f.notBeforeDay];
          const date = typeof day === 'string' ? parseDate(day) : undefined;
          if (at && date && Temporal.Instant.compare(at, date.toZonedDateTime(TIME_ZONE).toInstant()) < 0)
            issue([f.name], `${value} 早于这一行的日期 ${day as string}：不能提前填写`);
        }
        if (f.type === 'figures' && f.requiredWhen.values.includes(String(record[f.requiredWhen.field]))) {
          const figures = (value ?? {}) as Record<string, unknown>;
          // A missing map is one problem, reported above; a partial one names each missing key.
          if (value !== undefined)
            for (const key of f.requiredWhen.keys) {
              if (figures[key] === undefined) issue([f.name, key], `${because(f.requiredWhen.field)}时必填`);
            }
        }
      }
    },
    { when: () => true },
  );
}

/** The zod schema of one record (one list item or one entry's front matter) of a collection. */
export function collectionSchema<C extends Collection>(collection: C): z.ZodType<RecordOf<C['fields']>> {
  return recordSchema(collection.fields) as z.ZodType<RecordOf<C['fields']>>;
}

/** The zod schema of one calendar override: the nested record of `calendar.meetings`. */
export function calendarOverrideSchema(): z.ZodType<RecordOf<(typeof calendar)['fields'][0]['fields']>> {
  return recordSchema(calendar.fields[0].fields) as z.ZodType<
    RecordOf<(typeof calendar)['fields'][0]['fields']>
  >;
}

/** The zod schema of one holiday in calendar.yaml: Astro keeps each as an entry. */
export function holidaySchema(): z.ZodType<Holiday> {
  return recordSchema(calendar.fields[1].fields) as z.ZodType<Holiday>;
}

/** The zod schema of one 调休 workday in calendar.yaml. */
export function workdaySchema(): z.ZodType<Workday> {
  return recordSchema(calendar.fields[2].fields) as z.ZodType<Workday>;
}
