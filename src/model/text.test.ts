import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { cmsCollections, type CmsField } from './cms.ts';
import { COLLECTIONS } from './collections/index.ts';
import type { Field } from './field.ts';
import { collectionSchema } from './schema.ts';
import {
  CHARACTER_GROUPS,
  bodyMarker,
  charsPattern,
  findRefused,
  markInvisible,
  textKindOf,
  textProblem,
  visible,
  type TextKind,
} from './text.ts';

/** Every BMP character of a class's ranges (`\uXXXX` or `\uXXXX-\uYYYY`). */
function charsOf(chars: string): string[] {
  const out: string[] = [];
  for (const m of chars.matchAll(/\\u([0-9A-F]{4})(?:-\\u([0-9A-F]{4}))?/g)) {
    const from = parseInt(m[1]!, 16);
    const to = m[2] ? parseInt(m[2], 16) : from;
    for (let c = from; c <= to; c++) out.push(String.fromCharCode(c));
  }
  return out;
}

const ALL_REFUSABLE = CHARACTER_GROUPS.flatMap((g) => charsOf(g.chars));

/** Characters that are fine everywhere: edge Unicode a title may well hold. */
const HARMLESS = [
  '张',
  'a',
  ' ',
  '👍',
  '𠀀',
  'é',
  'e\u0301',
  '\u00A0',
  '\u3000',
  '\uFFFD',
  '\uFDD0',
  '&',
  '<',
  ']]>',
  '\u00AD',
];

/** Every field of every collection that holds text, with its kind, nested fields included. */
const TEXT_FIELDS = COLLECTIONS.flatMap((c) =>
  (c.fields as readonly Field[])
    .flatMap((f) => (f.type === 'objects' ? f.fields : [f]))
    .map((f) => ({ c, f })),
).filter(({ f }) => textKindOf(f) !== undefined);

describe('the character table', () => {
  it('puts each character in one group, and refuses every control character in every kind of text', () => {
    const seen = new Set<string>();
    for (const c of ALL_REFUSABLE) {
      expect(seen.has(c), c.codePointAt(0)!.toString(16)).toBe(false);
      seen.add(c);
    }
    for (let c = 0; c <= 0x9f; c++) {
      const char = String.fromCharCode(c);
      if (c >= 0x20 && c < 0x7f) continue;
      for (const kind of ['line', 'multiline', 'body'] as TextKind[]) {
        const allowed = kind !== 'line' && (char === '\t' || char === '\n');
        expect(findRefused(`a${char}b`, kind) === undefined, `${kind} U+${c.toString(16)}`).toBe(allowed);
      }
    }
  });

  it('refuses direction and zero-width characters in single- and multi-line text, not in bodies', () => {
    for (const c of [
      '\u202A',
      '\u202E',
      '\u2066',
      '\u2069',
      '\u200B',
      '\u200C',
      '\u200D',
      '\u2060',
      '\uFEFF',
    ]) {
      expect(findRefused(`标题${c}`, 'line')).toBeDefined();
      expect(findRefused(`标题${c}`, 'multiline')).toBeDefined();
      expect(findRefused(`正文${c}`, 'body')).toBeUndefined();
    }
  });

  it('lets edge Unicode through everywhere', () => {
    for (const c of HARMLESS)
      for (const kind of ['line', 'multiline', 'body'] as const) expect(findRefused(c, kind)).toBeUndefined();
  });

  it('says which character, where, how many and why, in Chinese', () => {
    expect(textProblem('一次\u001b成功\u0007', 'line')).toBe(
      '含有控制字符 U+001B（第 3 个字）等 2 个不允许的字符：控制字符看不见，还会使 RSS（XML）无法读取，请删除',
    );
    expect(textProblem('𠀀\u202Eab', 'line')).toContain('文字方向控制符 U+202E（第 2 个字）');
    expect(textProblem('第一行\n第二行', 'line')).toContain('换行符或制表符 U+000A');
    expect(textProblem('第一行\n\t第二行', 'multiline')).toBeUndefined();
  });
});

describe('every text field of every collection', () => {
  it('is found: titles, names, ids, references, lists, times and multi-line texts', () => {
    const kinds = TEXT_FIELDS.map(({ c, f }) => `${c.name}.${f.name}:${textKindOf(f)}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'articles.title:line',
        'people.name:line',
        'reports.progress:multiline',
        'meetings.attendees:line',
      ]),
    );
    expect(kinds.length).toBeGreaterThan(25);
  });

  it.each(TEXT_FIELDS.map(({ c, f }) => [`${c.name}.${f.name}`, c, f] as const))(
    '%s refuses what its kind refuses, with the rule as the message',
    (_, c, f) => {
      const kind = textKindOf(f)!;
      const record = collectionSchema(c) as unknown as z.ZodObject;
      const nested = (c.fields as readonly Field[]).find((x) => x.type === 'objects' && x.fields.includes(f));
      const shape = nested
        ? ((record.shape[nested.name] as z.ZodOptional<z.ZodArray<z.ZodObject>>).unwrap().element
            .shape as Record<string, z.ZodType>)
        : (record.shape as Record<string, z.ZodType>);
      const schema = shape[f.name]!;
      const wrap = (v: string) => (f.type === 'list' ? [v] : v);
      for (const char of [
        '\u0000',
        '\u001b',
        '\u0007',
        '\u0085',
        '\u202E',
        '\u200B',
        '\u2066',
        '\uFFFE',
        '\n',
      ]) {
        const refused = findRefused(char, kind) !== undefined;
        const result = schema.safeParse(wrap(`ab${char}cd`));
        if (!refused) continue;
        expect(result.success, `${f.name} U+${char.codePointAt(0)!.toString(16)}`).toBe(false);
        // One problem naming the character, not a second "format" complaint about the same value.
        expect(result.error!.issues.map((i) => i.message)).toEqual([
          expect.stringMatching(/^含有.+ U\+[0-9A-F]{4}（第 3 个字）/),
        ]);
      }
    },
  );
});

describe('the CMS form', () => {
  /** Every text pattern of the form, with the kind of text its field holds. */
  function patterns(): { name: string; kind: 'line' | 'multiline'; pattern: [string, string] }[] {
    const out: { name: string; kind: 'line' | 'multiline'; pattern: [string, string] }[] = [];
    // A Decap field as read here: any widget's nested fields (Decap's union narrows by widget).
    type FormField = CmsField & { fields?: FormField[]; field?: FormField; pattern?: [string, string] };
    const walk = (fields: readonly CmsField[] | undefined, model: readonly Field[]) => {
      for (const cms of (fields ?? []) as FormField[]) {
        const f = model.find((m) => m.name === cms.name);
        if (!f) continue;
        if (f.type === 'objects') walk(cms.fields ?? [], f.fields);
        if (f.type === 'text' && !f.image)
          out.push({ name: f.name, kind: textKindOf(f) as 'line' | 'multiline', pattern: cms.pattern! });
        if (f.type === 'list') out.push({ name: `${f.name}[]`, kind: 'line', pattern: cms.field!.pattern! });
      }
    };
    for (const c of cmsCollections()) {
      const model = COLLECTIONS.find((m) => m.name === c.name)!.fields as readonly Field[];
      if ('folder' in c) walk(c.fields, model);
      else
        walk(
          (c.files?.[0]?.fields ?? []).flatMap((x) =>
            x.widget === 'list' && x.name === c.name ? ((x as FormField).fields ?? []) : [x],
          ),
          model,
        );
    }
    return out;
  }

  it('refuses exactly the characters the schema refuses, as Decap runs the pattern (no regex flags)', () => {
    const all = patterns();
    expect(all.length).toBeGreaterThan(10);
    for (const { name, kind, pattern } of all) {
      const regex = RegExp(pattern[0]);
      for (const c of [...ALL_REFUSABLE, ...HARMLESS, '\t', '\n']) {
        // A plain value the field's own pattern takes: the characters alone decide.
        // Fields whose own pattern takes only some characters: a value of that shape, and those characters.
        const own: Record<string, { value: string; takes: RegExp }> = {
          login: { value: `a${c}b`, takes: /^[A-Za-z0-9._@-]$/ },
          imUserId: { value: `a${c}b`, takes: /^[A-Za-z0-9._@-]$/ },
          mobile: { value: `1380000000${c}`, takes: /^\d$/ },
        };
        const value = own[name]?.value ?? `ab${c}`;
        if (own[name] && !own[name].takes.test(c) && findRefused(c, kind) === undefined) continue;
        expect(regex.test(value), `${name} U+${c.codePointAt(0)!.toString(16)}`).toBe(
          findRefused(value, kind) === undefined,
        );
      }
      expect(pattern[1], name).toContain(charsPattern(kind).message);
    }
  });
});

describe('bodies', () => {
  it('show direction and invisible characters as markers, and keep emoji joined', () => {
    expect(markInvisible('金额\u202E001\u202C元')).toBe(
      '金额〔文字方向控制符 U+202E〕001〔文字方向控制符 U+202C〕元',
    );
    expect(markInvisible('零\u200B宽')).toBe('零〔零宽字符 U+200B〕宽');
    expect(markInvisible('家庭 👨\u200D👩\u200D👧 与 🏳\uFE0F\u200D🌈 和 🧑🏽\u200D💻')).toBe(
      '家庭 👨\u200D👩\u200D👧 与 🏳\uFE0F\u200D🌈 和 🧑🏽\u200D💻',
    );
    expect(markInvisible('a\u200Db 👍\u200D')).toBe('a〔零宽字符 U+200D〕b 👍〔零宽字符 U+200D〕');
    expect(markInvisible('x\u001by\u0085z\uFFFE')).toBe(
      'x〔控制字符 U+001B〕y〔控制字符 U+0085〕z〔非字符 U+FFFE〕',
    );
    expect(markInvisible('tab\tline\ncr\r')).toBe('tab\tline\ncr\r');
    expect(bodyMarker('\u2066')).toBe('〔文字方向控制符 U+2066〕');
  });
});

describe('the report', () => {
  it('writes controls, line breaks and invisible characters as code points', () => {
    expect(visible('a\u001b[31mb\nc\u202Ed')).toBe('a<U+001B>[31mb<U+000A>c<U+202E>d');
    expect(visible('张伟 👍')).toBe('张伟 👍');
  });
});
