/**
 * The CMS form and the build's zod schemas must accept the same entries. Both are derived from the field
 * tables, so this test compares what they actually do: the zod schema (as JSON Schema, and by parsing) against
 * the Decap fields (their widgets, required flags, ranges and patterns, run as Decap runs them). Editing
 * schema.ts or cms.ts alone makes it fail.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DATE_FORMAT,
  DATETIME_FORMAT,
  FILE_KEYS,
  PERIOD_REGEX,
  cmsCollections,
  cmsConfig,
  type CmsField as DecapField,
  type CmsFolderCollection,
} from './cms.ts';
import { COLLECTIONS, reports } from './collections/index.ts';
import type { Collection, Field } from './field.ts';
import { collectionSchema } from './schema.ts';
import { PERIOD_FORMATS, isoWeeksInYear, periodSpan, type PeriodFormat } from './time.ts';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
}

const jsonSchema = (c: Collection) =>
  z.toJSONSchema(collectionSchema(c), { unrepresentable: 'any', io: 'input' }) as JsonSchema;

/** The zod schema of one field, taken from the derived record schema. */
const zodField = (c: Collection, name: string) =>
  (collectionSchema(c) as unknown as z.ZodObject).shape[name] as z.ZodType;

/** A Decap field as these tests read it: any widget's options, all optional (Decap's union narrows by widget). */
type CmsField = DecapField & {
  fields?: CmsField[];
  field?: CmsField;
  options?: { label: string; value: string }[];
  collection?: string;
  file?: string;
  value_field?: string;
  value_type?: string;
  min?: number;
  max?: number;
  format?: string;
  pattern?: [string, string];
};
const loose = (fields: readonly DecapField[] | undefined) => (fields ?? []) as CmsField[];

/** The form fields of a collection's records (without the Markdown body). */
function formFields(c: Collection): CmsField[] {
  const cms = cmsCollections().find((x) => x.name === c.name)!;
  if ('folder' in cms) return loose(cms.fields).filter((f) => f.name !== 'body');
  const fields = loose(cms.files[0]!.fields);
  return c.storage.kind === 'yaml-list' ? fields[0]!.fields! : fields;
}

/** Decap's own pattern check: empty values are left to the required check. */
const decapAccepts = (field: CmsField, value: string) =>
  value === '' || !field.pattern || new RegExp(field.pattern[0]).test(value);

/** Texts around the length limits, built from values that do and do not fit typical patterns. */
function probes(min = 0, max = 300): string[] {
  const seeds = ['a', '张', '/a', 'https://a', 'zhangwei', 'Zhang', '1ab', 'a b', 'a-1', '/ b'];
  const lengths = [min - 1, min, min + 1, max - 1, max, max + 1].filter((n) => n > 0);
  return seeds.flatMap((s) => lengths.map((n) => (s.length >= n ? s.slice(0, n) : s.padEnd(n, 'x'))));
}

const PERIOD_FIELDS: { c: Collection; field: Extract<Field, { type: 'period' }> }[] = [];
for (const c of COLLECTIONS)
  for (const f of c.fields as readonly Field[]) {
    if (f.type === 'period') PERIOD_FIELDS.push({ c, field: f });
    if (f.type === 'objects')
      for (const g of f.fields) if (g.type === 'period') PERIOD_FIELDS.push({ c, field: g });
  }

describe.each(COLLECTIONS.map((c) => [c.name, c] as const))('the form of %s and its zod schema', (_, c) => {
  const schema = jsonSchema(c);
  const fields = formFields(c);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const model = new Map((c.fields as readonly Field[]).map((f) => [f.name, f]));

  it('have the same fields, in the same order', () => {
    expect(fields.map((f) => f.name)).toEqual(Object.keys(schema.properties!));
  });

  it('agree on what is required (system fields are hidden: the server sets them)', () => {
    for (const [name, prop] of Object.entries(schema.properties!)) {
      const field = byName.get(name)!;
      const zodRequired = schema.required?.includes(name) ?? false;
      const m = model.get(name)!;
      if (m.system) {
        // 投稿时间 is required of every file; 会前申请 and 备忘备案 only once they happened.
        expect(zodRequired, name).toBe(m.system === 'created' && !m.optional);
        expect(field.widget, name).toBe('hidden');
        continue;
      }
      expect(field.required, name).toBe(zodRequired);
      expect(prop, name).toBeDefined();
    }
  });

  it('offer exactly the values the schema allows, with Chinese labels', () => {
    for (const [name, prop] of Object.entries(schema.properties!)) {
      const field = byName.get(name)!;
      if (!prop.enum) {
        expect(field.widget, name).not.toBe('select');
        continue;
      }
      expect(field.widget, name).toBe('select');
      expect(
        field.options!.map((o) => o.value),
        name,
      ).toEqual(prop.enum);
      for (const o of field.options!) expect(o.label, name).toMatch(/\p{Script=Han}/u);
    }
  });

  it('accept the same texts', () => {
    for (const [name, prop] of Object.entries(schema.properties!)) {
      const field = byName.get(name)!;
      if (prop.type !== 'string' || prop.enum || field.widget === 'relation' || field.widget === 'hidden')
        continue;
      if (model.get(name)!.type === 'period' || field.widget === 'datetime') continue;
      // A picked image is never typed: its path is checked by the gate and the build only.
      if (field.widget === 'image') continue;
      const zod = zodField(c, name);
      for (const value of probes(prop.minLength, prop.maxLength))
        expect(decapAccepts(field, value), `${name}: “${value}”`).toBe(zod.safeParse(value).success);
      if (field.pattern) expect(field.pattern[1], name).toMatch(/^[应至不]/);
    }
  });

  it('pick roster ids from the roster, as the schema expects ids', () => {
    for (const field of fields.filter((f) => f.widget === 'relation')) {
      const target = field.collection!;
      expect(COLLECTIONS.some((x) => x.name === target && x.storage.kind === 'yaml-list')).toBe(true);
      expect(field.file).toBe(target);
      expect(field.value_field).toBe(`${target}.*.id`);
      expect(schema.properties![field.name]!.minLength, field.name).toBe(1);
    }
  });

  it('bound numbers and lists the same way', () => {
    for (const [name, prop] of Object.entries(schema.properties!)) {
      const field = byName.get(name)!;
      if (prop.type === 'number' || prop.type === 'integer') {
        expect(field.widget, name).toBe('number');
        const integer = prop.type === 'integer' || prop.multipleOf === 1;
        expect(field.value_type, name).toBe(integer ? 'int' : 'float');
        expect([field.min, field.max], name).toEqual([prop.minimum, prop.maximum]);
      }
      if (prop.type === 'array' && prop.items?.type === 'string') {
        expect(field.widget, name).toBe('list');
        expect([field.min, field.max], name).toEqual([prop.minItems, prop.maxItems]);
        const item = field.field!;
        const zodItem = zodField(c, name);
        for (const value of probes(prop.items.minLength, prop.items.maxLength))
          expect(decapAccepts(item, value), `${name}[]: “${value}”`).toBe(zodItem.safeParse([value]).success);
      }
    }
  });

  it('store datetimes and dates in a form the schema accepts', () => {
    for (const field of fields.filter((f) => f.widget === 'datetime')) {
      const zod = zodField(c, field.name);
      // What Decap writes for 2026-10-12 09:30 typed in the form: the format with its literal offset.
      const written =
        field.format === DATETIME_FORMAT
          ? '2026-10-12T09:30:00+08:00'
          : field.format === DATE_FORMAT
            ? '2026-10-12'
            : 'unknown format';
      expect(zod.safeParse(written).success, field.name).toBe(true);
    }
  });
});

describe('sales figures', () => {
  const figures = jsonSchema(reports).properties!.figures!;
  const field = formFields(reports).find((f) => f.name === 'figures')!;

  it('have the same keys, each a target and an actual of at least 0', () => {
    expect(field.fields!.map((f) => f.name)).toEqual(Object.keys(figures.properties!));
    for (const key of field.fields!) {
      const pair = figures.properties![key.name]!;
      expect(key.fields!.map((f) => f.name)).toEqual(Object.keys(pair.properties!));
      for (const part of key.fields!) expect(part.min).toBe(pair.properties![part.name]!.minimum);
      // Decap would demand both numbers of every empty optional figure; the pair rule is checked on save.
      expect(pair.required).toEqual(['target', 'actual']);
      expect(key.fields!.every((f) => f.required === false)).toBe(true);
    }
  });
});

describe('periods', () => {
  /** Every syntactically plausible text of a format, some of which name no real period. */
  function candidates(format: PeriodFormat): string[] {
    const years = [2020, 2024, 2025, 2026, 2027];
    const two = (n: number) => String(n).padStart(2, '0');
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    switch (format) {
      case 'date':
        return years.flatMap((y) =>
          range(0, 13).flatMap((m) => range(0, 32).map((d) => `${y}-${two(m)}-${two(d)}`)),
        );
      case 'week':
        return years.flatMap((y) => range(0, 54).map((w) => `${y}-W${two(w)}`));
      case 'month':
        return years.flatMap((y) => range(0, 13).map((m) => `${y}-${two(m)}`));
      case 'quarter':
        return years.flatMap((y) => range(0, 5).map((q) => `${y}-Q${q}`));
    }
  }

  it.each(PERIOD_FIELDS.map(({ c, field }) => [`${c.name}.${field.name}`, field] as const))(
    '%s: the form takes every real period and refuses all else but a few calendar gaps',
    (_, field) => {
      const cms = (function find(fs: CmsField[]): CmsField | undefined {
        for (const f of fs) {
          if (f.name === field.name && f.pattern) return f;
          const inner = f.fields && find(f.fields);
          if (inner) return inner;
        }
        return undefined;
      })(
        loose(
          cmsCollections().flatMap((c) => ('folder' in c ? (c.fields ?? []) : (c.files?.[0]?.fields ?? []))),
        ),
      )!;
      const regex = new RegExp(cms.pattern![0]);
      const formats = [...new Set('format' in field ? [field.format] : Object.values(field.formats))];
      for (const format of formats) {
        const { example } = PERIOD_FORMATS[format];
        expect(regex.test(example)).toBe(true);
        for (const text of candidates(format)) {
          const real = periodSpan(format, text) !== undefined;
          if (real) expect(regex.test(text), text).toBe(true);
          if (!real && regex.test(text)) {
            // The only texts a regex cannot refuse: day 29–31 of short months, week 53 of 52-week years.
            const [y, m, d] = text.split('-').map((s) => Number(s.replace('W', '')));
            if (format === 'date') expect(d, text).toBeGreaterThanOrEqual(29);
            else {
              expect(format, text).toBe('week');
              expect(m === 53 && isoWeeksInYear(y!) === 52, text).toBe(true);
            }
          }
        }
      }
      expect(cms.pattern![1]).toContain(PERIOD_FORMATS[formats[0]!].example);
    },
  );

  it('refuses week 54 in the form', () => {
    expect(new RegExp(`^${PERIOD_REGEX.week}$`).test('2026-W54')).toBe(false);
  });
});

describe('the configuration', () => {
  const config = cmsConfig({
    backend: { name: 'proxy' },
    siteUrl: 'http://127.0.0.1:4321',
  });

  it('is in Chinese, with the editorial workflow', () => {
    expect(config.locale).toBe('zh_Hans');
    expect(config.publish_mode).toBe('editorial_workflow');
    for (const c of config.collections) expect(c.label).toMatch(/\p{Script=Han}/u);
  });

  it('has every collection of the model, the submissions first, each field labelled in Chinese', () => {
    expect(config.collections.map((c) => c.name)).toEqual([
      'articles',
      'meetings',
      'reports',
      'worklogs',
      'regions',
      'people',
      'calendar',
    ]);
    const all = (fs: CmsField[]): CmsField[] => fs.flatMap((f) => [f, ...all(f.fields ?? [])]);
    for (const c of config.collections)
      for (const f of all(loose('folder' in c ? c.fields : c.files.flatMap((x) => x.fields))))
        expect(f.label, `${c.name}.${f.name}`).toMatch(/\p{Script=Han}/u);
  });

  it('files submissions by year under ASCII names set before saving', () => {
    const folders = config.collections.filter((c): c is CmsFolderCollection => 'folder' in c);
    expect(folders.map((c) => c.folder)).toEqual([
      'content/articles',
      'content/meetings',
      'content/reports',
      'content/worklogs',
    ]);
    for (const c of folders) {
      expect(c.slug).toBe(`{{${FILE_KEYS.slug}}}`);
      expect(c.path).toBe(`{{${FILE_KEYS.year}}}/{{slug}}`);
    }
  });
});
