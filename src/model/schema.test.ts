import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COLLECTIONS, reports } from './collections/index.ts';
import type { Field } from './field.ts';
import { collectionSchema, dateTimeProblem } from './schema.ts';

/** The zod shape behind a derived schema (the object inside the cross-field refinement). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return (schema as unknown as z.ZodObject).shape;
}

describe('schemas derived from the field tables', () => {
  it.each(COLLECTIONS.map((c) => [c.name, c] as const))('%s has exactly the fields of its table', (_, c) => {
    const shape = shapeOf(collectionSchema(c));
    expect(Object.keys(shape)).toEqual(c.fields.map((f: Field) => f.name));
    for (const f of c.fields as readonly Field[]) {
      expect(shape[f.name]!.safeParse(undefined).success, f.name).toBe(f.optional === true);
    }
  });

  it('rejects unknown fields instead of dropping them', () => {
    const result = collectionSchema(reports).safeParse({ kind: 'weekly', autor: 'x' });
    expect(result.error?.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });

  it('reports cross-field problems together with single-field ones', () => {
    const result = collectionSchema(reports).safeParse({
      kind: 'achievement',
      author: 'zhangwei',
      region: 7,
      period: '2026-10',
      submitted: '2026-10-12T09:30:00',
    });
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toMatchObject({
      region: '应为文本，实际是数字',
      submitted: expect.stringContaining('缺少时区'),
      period: expect.stringContaining('应为季度'),
      figures: '汇报类型为季度销售达成表时必填',
    });
  });

  it('checks each key of the figures of an achievement report', () => {
    const result = collectionSchema(reports).safeParse({
      kind: 'achievement',
      author: 'zhangwei',
      region: 'east',
      period: '2026-Q4',
      submitted: '2026-12-20T10:00:00+08:00',
      figures: { sales: { target: 100, actual: 80 }, collections: { target: 5, actual: 'many' } },
    });
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['figures.coverage', 'figures.development', 'figures.collections.actual']),
    );
    expect(paths).not.toContain('figures.sales');
    expect(paths).not.toContain('figures.shipments');
  });
});

describe('datetime messages', () => {
  it.each([
    ['2026-10-12T23:59:60+08:00', '不是存在的时间'],
    ['2024-02-30T09:30:00+08:00', '不是存在的时间'],
    ['2026-10-12T09:30:00+0800', '格式不对'],
    ['2026-10-12T9:30+08:00', '格式不对'],
    ['2026-10-12T09:30:00', '缺少时区'],
  ])('%s: %s', (text, message) => {
    expect(dateTimeProblem(text)).toContain(message);
  });
});
