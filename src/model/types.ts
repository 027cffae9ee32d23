/** TypeScript types of records, inferred from the field tables so they are never written twice. */
import type { Field, FiguresField, IntegerField, ListField, ObjectListField, SelectField } from './field.ts';

/** One sales figure: target against actual. */
export interface Figure {
  target: number;
  actual: number;
}

export type ValueOf<F extends Field> = F extends SelectField
  ? F['options'][number]['value']
  : F extends IntegerField
    ? number
    : F extends ListField
      ? string[]
      : F extends FiguresField
        ? Partial<Record<F['keys'][number]['value'], Figure>>
        : F extends ObjectListField
          ? RecordOf<F['fields']>[]
          : string;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The record a list of fields describes: optional fields become optional properties. */
export type RecordOf<Fs extends readonly Field[]> = Simplify<
  {
    [F in Fs[number] as F['optional'] extends true ? never : F['name']]: ValueOf<F>;
  } & {
    [F in Fs[number] as F['optional'] extends true ? F['name'] : never]?: ValueOf<F>;
  }
>;
