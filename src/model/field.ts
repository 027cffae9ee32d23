/**
 * The vocabulary of the content model: every field of every collection is one of these, declared once
 * with its Chinese label and hint. Zod schemas, the CMS form and the docs are all derived from them.
 */
import type { PeriodFormat } from './time.ts';

/** One choice of a select field: the value stored in the file and its Chinese label. */
export interface Option {
  readonly value: string;
  readonly label: string;
}

/** A regular expression with the Chinese sentence shown when a value does not match it. */
export interface Pattern {
  readonly regex: string;
  /** Read after Decap's "不满足模式" as well as on its own, so it names what is expected. */
  readonly message: string;
}

interface FieldBase {
  /** The key in the file (English, fixed by the content contract). */
  readonly name: string;
  /** Chinese label, shown in the form, the docs and every error message. */
  readonly label: string;
  /** One Chinese sentence that helps the person filling in the form. */
  readonly hint?: string;
  /** Optional fields may be absent; all others are required. */
  readonly optional?: boolean;
  /**
   * Set by the portal's server, never typed (R16): `created` — the time an entry (or a row of a keyed list)
   * was first saved; `memo` — the time it was first saved with a body (a meeting's memo filed); `saver` — who
   * saved it last; `changed` — the last save that changed the row it belongs to (fields listed in the list's
   * `lateFields` aside).
   */
  readonly system?: 'created' | 'memo' | 'saver' | 'changed';
  /** Seen only by administrators: the submission gate leaves it out of what it sends anyone else. */
  readonly private?: boolean;
  /** An optional field that is required all the same when another select field has one of these values. */
  readonly requiredWhen?: {
    readonly field: string;
    readonly values: readonly string[];
  };
}

/** A short or long piece of text. */
export interface TextField extends FieldBase {
  readonly type: 'text';
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: Pattern;
  /** Multi-line in the form. */
  readonly multiline?: boolean;
  /** The site path of one uploaded image (src/model/media.ts): an image picker in the form. */
  readonly image?: true;
}

/** The ASCII id of a record in a reference list (a region or a person). */
export interface IdField extends FieldBase {
  readonly type: 'id';
}

/** One value out of a fixed list. */
export interface SelectField extends FieldBase {
  readonly type: 'select';
  readonly options: readonly Option[];
}

/** The id of a record in another collection: checked against that collection at load time. */
export interface RefField extends FieldBase {
  readonly type: 'ref';
  readonly collection: 'regions' | 'people';
  /** A period field of the same record: the person must be on the roster on some day of it (a work log's month). */
  readonly activeDuring?: string;
}

/** A datetime with an explicit offset. */
export interface DateTimeField extends FieldBase {
  readonly type: 'datetime';
  /** A date field of the same record: this time may not be before 00:00 of that day (Beijing). */
  readonly notBeforeDay?: string;
}

/** A calendar day in Asia/Shanghai. */
export interface DateField extends FieldBase {
  readonly type: 'date';
  /** Another date field of the same record that this one may not precede. */
  readonly notBefore?: string;
}

/** A period: of one format (a work log's month), or of the format a select field of the entry gives (a report's kind). */
export type PeriodField = FieldBase & { readonly type: 'period' } & (
    | {
        /** The select field that decides the format. */
        readonly by: string;
        /** Period format for each value of that field. */
        readonly formats: Readonly<Record<string, PeriodFormat>>;
      }
    | {
        /** The one format. */
        readonly format: PeriodFormat;
      }
  );

/** A whole number. */
export interface IntegerField extends FieldBase {
  readonly type: 'integer';
  readonly min: number;
  readonly max: number;
  /** A list field of the same record whose items this number counts: the two must agree (R16). */
  readonly countOf?: string;
}

/** A list of short texts. */
export interface ListField extends FieldBase {
  readonly type: 'list';
  readonly min?: number;
  readonly max?: number;
  /** Longest item, in characters. */
  readonly itemMax: number;
}

/** Sales figures: a map of named `{ target, actual }` pairs. */
export interface FiguresField extends FieldBase {
  readonly type: 'figures';
  readonly keys: readonly Option[];
  /** Keys that must be present when the select field `when.field` has one of `when.values`. */
  readonly requiredWhen: {
    readonly field: string;
    readonly values: readonly string[];
    readonly keys: readonly string[];
  };
}

/** A list of nested records. */
export interface ObjectListField extends FieldBase {
  readonly type: 'objects';
  readonly fields: readonly Field[];
  /** A field of the items that is unique in the list (a work log's day): rows are matched by it across saves. */
  readonly key?: string;
  /** A period field of the parent record that the key (a date) must fall in (a work log's month). */
  readonly keyWithin?: string;
  /** Fields of a row that are expected to be filled in later (the next day's completion note): no `changed` stamp. */
  readonly lateFields?: readonly string[];
}

export type Field =
  | TextField
  | IdField
  | SelectField
  | RefField
  | DateTimeField
  | DateField
  | PeriodField
  | IntegerField
  | ListField
  | FiguresField
  | ObjectListField;

/** Where a collection's records live and how they are stored. */
export type Storage =
  /** One YAML file holding a list of records, each with an `id`. */
  | { readonly kind: 'yaml-list'; readonly file: string }
  /** One YAML file holding one object. */
  | {
      readonly kind: 'yaml-object';
      readonly file: string;
      readonly optional: boolean;
    }
  /** A folder of Markdown files with front matter, one file an entry; the body is Markdown. */
  | {
      readonly kind: 'markdown';
      readonly folder: string;
      readonly body: { readonly label: string; readonly hint: string };
    };

/** One collection of the content contract. */
export interface Collection {
  readonly name: string;
  /** Chinese name, as the department says it. */
  readonly label: string;
  /** Chinese one-liner on what one entry is. */
  readonly description: string;
  readonly storage: Storage;
  readonly fields: readonly Field[];
  /** Fields whose values together may be shared by one entry only (a work log: one a person a month). */
  readonly uniqueBy?: readonly string[];
}
