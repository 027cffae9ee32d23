/**
 * The Decap CMS configuration, derived from the field tables like the zod schemas (schema.ts) and the docs
 * (docs.ts): no field, label, hint, option or limit is written here a second time.
 *
 * What Decap can check per field (required, patterns, number ranges, list sizes, choices, references through
 * relation widgets) it checks in the form. What it cannot express — rules across fields (a period must match
 * the report's kind, a region is required for a 销售沟通会, figures come in target/actual pairs, 离职日期 not
 * before 入职日期) and exact calendars (2026-02-30, week 53 of a 52-week year) — the admin page checks on
 * save with the very zod schema the build uses (src/cms/save.ts); hand edits are caught by `npm run build`.
 */
import type {
  CmsCollection as DecapCollection,
  CmsConfig as DecapConfig,
  CmsField as DecapField,
} from 'decap-cms-core';
import { COLLECTIONS, SUBMISSIONS } from './collections/index.ts';
import type { Collection, Field, FiguresField, ObjectListField, PeriodField, TextField } from './field.ts';
import { MEDIA_FOLDER, PUBLIC_FOLDER } from './media.ts';
import { FIGURE_PARTS, ID_PATTERN, labelOf } from './options.ts';
import { charsPattern, textKindOf } from './text.ts';
import { PERIOD_FORMATS, type PeriodFormat } from './time.ts';

/** A field of the Decap config, as decap-cms-core types it (each widget with its own options). */
export type CmsField = DecapField;

/** A folder collection: one Markdown file per entry (articles, minutes, reports). */
export type CmsFolderCollection = DecapCollection & Required<Pick<DecapCollection, 'folder' | 'fields'>>;

/** A files collection: one fixed file (the roster, the regions, the calendar). */
export type CmsFilesCollection = DecapCollection & Required<Pick<DecapCollection, 'files'>>;

export type CmsCollection = CmsFolderCollection | CmsFilesCollection;

/** Where every path of the config starts: the content folder of the repository. */
export const CONTENT_FOLDER = 'content';

/**
 * The custom format of a collection, registered by the admin page (src/cms/files.ts): Decap's own YAML cannot
 * edit a file whose top level is a list (regions.yaml, people.yaml), and its front matter would write empty
 * optional fields that the build rejects.
 */
export function formatName(collection: Collection): string {
  return `portal-${collection.name}`;
}

/**
 * Keys the admin page sets on a new entry just before it is saved and that never reach the file: the
 * entry's file name and year, in Beijing time (Decap's own `{{year}}`… are UTC and have no seconds).
 */
export const FILE_KEYS = { slug: '_file_slug', year: '_file_year' } as const;

/**
 * The key under which the admin page puts what a person reads for a field whose value is an id — a roster
 * reference (徐宁（华东区）, 华东区) or a choice (学术活动) — so that the lists' summary templates, which can
 * only read the entry's own data, show names (src/cms/names.ts). Derived in the browser, never written.
 */
export function shownKey(field: string): string {
  return `_shown_${field}`;
}

/** Keys of entry data that only the admin page uses and that never reach a file. */
export function isHelperKey(key: string): boolean {
  return (Object.values(FILE_KEYS) as string[]).includes(key) || key.startsWith(shownKey(''));
}

/** Datetimes are typed as Beijing wall-clock time and stored with +08:00, whatever the browser's zone. */
export const DATETIME_FORMAT = 'YYYY-MM-DDTHH:mm:ss[+08:00]';
export const DATE_FORMAT = 'YYYY-MM-DD';

/**
 * Syntax of each period format, as tight as a regex can be: day 31 of every month and week 53 of every year
 * pass, the exact calendar is checked on save and by the build.
 */
export const PERIOD_REGEX: Record<PeriodFormat, string> = {
  date: '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])',
  week: '\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])',
  month: '\\d{4}-(0[1-9]|1[0-2])',
  quarter: '\\d{4}-Q[1-4]',
};

/** "、" between all but the last, "或" before it. */
function orList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')} 或${items.at(-1)!}`;
}

/** The length bound of a text as a lookahead and one sentence, or undefined when it has none. */
function lengthRule(min: number | undefined, max: number | undefined): [string, string] | undefined {
  if (min === undefined && max === undefined) return undefined;
  const message =
    min !== undefined && max !== undefined
      ? `应为 ${min}–${max} 个字`
      : min !== undefined
        ? `至少 ${min} 个字`
        : `不能超过 ${max!} 个字`;
  return [`(?=[\\s\\S]{${min ?? 0},${max ?? ''}}$)`, message];
}

/**
 * Every rule of a text in one regex (Decap takes one pattern a field), each a lookahead from the start, and
 * their sentences joined: its own pattern, its length, and the characters it may not hold (src/model/text.ts).
 */
function combinedPattern(
  kind: 'line' | 'multiline',
  rules: ([string, string] | undefined)[],
): [string, string] {
  const chars = charsPattern(kind);
  const all = [...rules.filter((r) => r !== undefined), [chars.lookahead, chars.message] as [string, string]];
  return [`^${all.map((r) => r[0]).join('')}`, all.map((r) => r[1]).join('，')];
}

/** A text field's pattern: its own, its length and its characters in one regex. */
export function textPattern(field: TextField): [string, string] {
  const own: [string, string] | undefined = field.pattern
    ? [`(?=${field.pattern.regex.replace(/^\^/, '')})`, field.pattern.message]
    : undefined;
  return combinedPattern(textKindOf(field) ?? 'line', [own, lengthRule(field.min, field.max)]);
}

/** The syntax of every format a period field accepts, and a sentence naming them with examples. */
export function periodPattern(field: PeriodField): [string, string] {
  const formats = 'format' in field ? [field.format] : [...new Set(Object.values(field.formats))];
  const regex = `^(${formats.map((f) => PERIOD_REGEX[f]).join('|')})$`;
  const named = formats.map((f) => `${PERIOD_FORMATS[f].label} ${PERIOD_FORMATS[f].example}`);
  if ('format' in field) return [regex, `应为${orList(named)}`];
  const by = field.by === 'kind' ? '所选类型' : field.by;
  return [regex, `应为${orList(named)}，并与${by}一致`];
}

/** A relation widget over a roster file: people pick a name, the file stores the id. */
function relation(collection: 'regions' | 'people') {
  const item = (key: string) => `${collection}.*.${key}`;
  return {
    widget: 'relation' as const,
    collection,
    file: collection,
    value_field: item('id'),
    // The admin page labels and searches the options itself (src/cms/names-admin.ts): 徐宁（华东区）, found
    // by 徐宁, xuning or xn; these are what Decap falls back to.
    search_fields: [item('name'), item('id')],
    display_fields: [item('name')],
    // The whole roster, not Decap's default of 20 matches.
    options_length: 1000,
  };
}

/** The rule Decap cannot enforce, said in the hint: "汇报类型为季度销售达成表时须填回款、布点、开发、纯销…" */
function figuresRule(field: FiguresField, siblings: readonly Field[]): string {
  const select = siblings.find((f) => f.name === field.requiredWhen.field);
  const options = select?.type === 'select' ? select.options : [];
  const values = field.requiredWhen.values.map((v) => labelOf(options, v)).join('、');
  const keys = field.requiredWhen.keys.map((k) => labelOf(field.keys, k)).join('、');
  return `${select?.label ?? field.requiredWhen.field}为${values}时须填${keys}，每项的${FIGURE_PARTS.map((p) => p.label).join('与')}都要填。`;
}

/** The Decap field for one field of the model; `siblings` are the other fields of its record. */
export function cmsField(field: Field, siblings: readonly Field[] = []): CmsField {
  // What every field has; each case adds its widget and that widget's own options.
  const base = {
    name: field.name,
    label: field.label,
    ...(field.hint ? { hint: field.hint } : {}),
    required: !field.optional,
  };
  // Nobody types what the server sets (R16): the gate fills it in on save (src/cms/system-fields.ts).
  if (field.system) return { ...base, widget: 'hidden', required: false };
  switch (field.type) {
    case 'text': {
      // An image is picked or uploaded, never typed: the gate names and checks the file and the path against
      // the model (src/gate/media.ts). No pattern here: Decap checks it against the image being inserted.
      if (field.image) return { ...base, widget: 'image', choose_url: false };
      return { ...base, widget: field.multiline ? 'text' : 'string', pattern: textPattern(field) };
    }
    case 'id':
      return { ...base, widget: 'string', pattern: [ID_PATTERN.regex, ID_PATTERN.message] };
    case 'select':
      return { ...base, widget: 'select', options: field.options.map((o) => ({ ...o })) };
    case 'ref':
      return { ...base, ...relation(field.collection) };
    case 'datetime':
      return {
        ...base,
        widget: 'datetime',
        format: DATETIME_FORMAT,
        hint: [field.hint, '按北京时间填写。'].filter(Boolean).join(''),
      };
    case 'date':
      return {
        ...base,
        widget: 'datetime',
        format: DATE_FORMAT,
        date_format: DATE_FORMAT,
        time_format: false,
      };
    case 'period':
      return { ...base, widget: 'string', pattern: periodPattern(field) };
    case 'integer':
      return { ...base, widget: 'number', value_type: 'int', min: field.min, max: field.max, step: 1 };
    case 'list': {
      const item = combinedPattern('line', [lengthRule(1, field.itemMax)]);
      return {
        ...base,
        widget: 'list',
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
        field: {
          name: 'item',
          label: field.label,
          widget: field.itemMax > 80 ? 'text' : 'string',
          pattern: item,
        },
      };
    }
    case 'figures':
      // Decap validates every child of an object, even an empty optional one, so target and actual are
      // optional here; "both or neither" and the keys an achievement report needs are checked on save.
      return {
        ...base,
        hint: `${field.hint ?? ''}${figuresRule(field, siblings)}`,
        widget: 'object',
        collapsed: true,
        fields: field.keys.map((key) => ({
          name: key.value,
          label: key.label,
          widget: 'object',
          required: false,
          fields: FIGURE_PARTS.map((part) => ({
            name: part.value,
            label: `${key.label}${part.label}`,
            widget: 'number',
            value_type: 'float' as const,
            min: 0,
            required: false,
          })),
        })),
      };
    case 'objects':
      return {
        ...base,
        widget: 'list',
        summary: field.fields.map((f) => `{{fields.${f.name}}}`).join(' '),
        ...(dayKey(field) ? dailyRows(field, dayKey(field)!) : {}),
        fields: field.fields.map((f) => cmsField(f, field.fields)),
      };
  }
}

/**
 * The key of a list of one row a day of a period, a diary (a work log's days: `date`), or undefined for other
 * lists, those keyed by a date included (the calendar's 调休 workdays are a list of dates, not a diary).
 */
export function dayKey(field: ObjectListField): string | undefined {
  const date = field.fields.find((f) => f.name === field.key)?.type === 'date';
  return date && field.keyWithin ? field.key : undefined;
}

/**
 * A list of one row a day (a work log's days): new rows on top, every row but today's collapsed to its day and
 * the start of its first text, so that a phone opens on today's row (src/cms/daily-rows.ts reads `row_key`).
 */
function dailyRows(field: ObjectListField, key: string) {
  const text = field.fields.find((f) => f.type === 'text' && !f.system);
  return {
    row_key: key,
    ...(field.keyWithin ? { row_within: field.keyWithin } : {}),
    add_to_top: true,
    collapsed: true,
    summary: [`{{fields.${key}}}`, ...(text ? [`{{fields.${text.name} | truncate(24)}}`] : [])].join(' · '),
  };
}

/**
 * Collections whose entries are named by a title made from their fields, not stored: a work log is
 * 《日工作计划与日志2611-徐宁》 (src/model/worklog.ts). The admin page puts it beside the data under TITLE_KEY
 * (src/cms/names.ts), as it does names for ids.
 */
export const DERIVED_TITLES: ReadonlySet<string> = new Set(['worklogs']);
export const TITLE_KEY = shownKey('title');

/** The Markdown body of a submission; images are uploaded through Decap's image component and the gate. */
function bodyField(c: Collection): CmsField {
  if (c.storage.kind !== 'markdown') throw new Error(`${c.name} has no body`);
  return {
    name: 'body',
    label: c.storage.body.label,
    hint: c.storage.body.hint,
    widget: 'markdown',
    required: false,
    buttons: [
      'bold',
      'italic',
      'link',
      'heading-two',
      'heading-three',
      'quote',
      'bulleted-list',
      'numbered-list',
    ],
    editor_components: ['image', 'table'],
    modes: ['rich_text', 'raw'],
    // The preview shows what the author typed, never live HTML from it.
    sanitize_preview: true,
  };
}

/** The roster field the file name starts with: the author, or the organiser of a meeting. */
export function personField(c: Collection): Field {
  const person = c.fields.find((f) => f.type === 'ref' && f.collection === 'people');
  if (!person) throw new Error(`${c.name} has no person field`);
  return person;
}

/** The field that names an entry in lists: its title, or (reports) its kind, or (work logs) its month. */
function identifierField(c: Collection): Field {
  const found =
    c.fields.find((f) => f.name === 'title') ??
    c.fields.find((f) => f.type === 'select') ??
    c.fields.find((f) => f.type === 'period');
  if (!found) throw new Error(`${c.name} has nothing to name its entries by`);
  return found;
}

function folderCollection(c: (typeof SUBMISSIONS)[number]): CmsFolderCollection {
  const fields = c.fields as readonly Field[];
  const name = identifierField(c).name;
  // A line of the entry list: what it is, for which period, by whom.
  const shown = [name, ...fields.filter((f) => f.type === 'period').map((f) => f.name), personField(c).name];
  // Ids (a person, a choice) by name, as the admin page puts them next to the entry's data.
  const byName = (f: string) =>
    fields.some((x) => x.name === f && (x.type === 'ref' || x.type === 'select')) ? shownKey(f) : f;
  const when = fields.find((f) => f.type === 'datetime');
  const select = fields.find((f) => f.type === 'select');
  return {
    name: c.name,
    label: c.label,
    label_singular: c.label,
    description: c.description,
    folder: `${CONTENT_FOLDER}/${c.storage.folder}`,
    extension: 'md',
    format: formatName(c),
    create: true,
    // A submission is a record (R16): it is withdrawn in git, with its history, not deleted from the form.
    delete: false,
    // Bare keys, not `{{fields.…}}`: Decap turns the dots of a path template into dashes before reading it.
    slug: `{{${FILE_KEYS.slug}}}`,
    path: `{{${FILE_KEYS.year}}}/{{slug}}`,
    // With `path` set, Decap would put images beside the entry (content/articles/2026/); an absolute folder
    // keeps them all in the one the gate and the build know.
    media_folder: `/${MEDIA_FOLDER}`,
    public_folder: PUBLIC_FOLDER,
    identifier_field: name,
    summary: DERIVED_TITLES.has(c.name)
      ? `《{{${TITLE_KEY}}}》`
      : shown.map((f) => `{{${byName(f)}}}`).join(' · '),
    // Newest first: by the entry's time, or (work logs) by its period.
    sortable_fields: [
      ...(when ? [{ field: when.name, default_sort: 'desc' as const }] : []),
      { field: name, ...(when ? {} : { default_sort: 'desc' as const }) },
    ],
    // Decap wants at least one filter or none at all.
    ...(select?.type === 'select'
      ? {
          view_filters: select.options.map((o) => ({
            label: o.label,
            field: select.name,
            pattern: `^${o.value}$`,
          })),
        }
      : {}),
    fields: [...fields.map((f) => cmsField(f, fields)), bodyField(c)],
  };
}

function filesCollection(c: Collection): CmsFilesCollection {
  if (c.storage.kind === 'markdown') throw new Error(`${c.name} is a folder`);
  const list = c.storage.kind === 'yaml-list';
  const model = c.fields as readonly Field[];
  const fields = model.map((f) => cmsField(f, model));
  return {
    name: c.name,
    label: c.label,
    label_singular: c.label,
    description: `${c.description}（仅限管理员修改）`,
    format: formatName(c),
    create: false,
    delete: false,
    editor: { preview: false },
    files: [
      {
        name: c.name,
        label: c.label,
        file: `${CONTENT_FOLDER}/${c.storage.file}`,
        // A list file is edited as one list field named after the collection (`people.*.id` for relations).
        fields: list
          ? [
              {
                name: c.name,
                label: c.label,
                widget: 'list',
                summary: '{{fields.name}}（{{fields.id}}）',
                fields,
              },
            ]
          : fields,
      },
    ],
  };
}

/** Every collection of the model, submissions first (what most people come for), then the reference data. */
export function cmsCollections(): CmsCollection[] {
  const reference = COLLECTIONS.filter((c) => c.storage.kind !== 'markdown');
  return [...SUBMISSIONS.map(folderCollection), ...reference.map(filesCollection)];
}

/**
 * The whole configuration for one backend (see src/cms/backend.ts), in Chinese. Checked against
 * decap-cms-core's own types, so that a misspelt or misplaced Decap option fails `astro check`.
 */
export function cmsConfig(options: { backend: DecapConfig['backend']; siteUrl: string }) {
  const config = {
    backend: options.backend,
    locale: 'zh_Hans',
    // A rep saves a draft, a manager marks it ready and publishes it: only then is it on the site. The gate
    // refuses anything else (src/gate/api.ts).
    publish_mode: 'editorial_workflow',
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    // Images are saved with the draft they are inserted into and published with it (src/model/media.ts).
    media_folder: MEDIA_FOLDER,
    public_folder: PUBLIC_FOLDER,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    show_preview_links: false,
    collections: cmsCollections(),
  } satisfies DecapConfig;
  return config;
}

export type CmsConfig = ReturnType<typeof cmsConfig>;
