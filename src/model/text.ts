/**
 * Which characters a text of the content model may hold. One table says it for the zod schemas, the CMS form
 * patterns, the loader's check of bodies, the Markdown renderer and the docs.
 *
 * Every character class is written as BMP `\uXXXX` ranges so that one regex source means the same in zod (no
 * `u` flag needed) and in Decap, which builds `RegExp(pattern)` without flags.
 */
import type { Field } from './field.ts';

/**
 * `line`: titles, names, ids, list items and every other single-line value. `multiline`: text fields marked
 * multiline (a report's 完成情况…). `body`: the Markdown body of a submission.
 */
export type TextKind = 'line' | 'multiline' | 'body';

export interface CharacterGroup {
  readonly name: 'control' | 'break' | 'noncharacter' | 'bidi' | 'invisible';
  /** Chinese name, used in messages and the docs. */
  readonly label: string;
  /** The characters, as the inside of a regex character class. */
  readonly chars: string;
  /** The same, as people read code points (docs). */
  readonly shown: string;
  /** Why they are refused, in Chinese, read after "含有…". */
  readonly why: string;
  /** Where the loader refuses them; in a body a group may instead be shown as a visible marker (`marked`). */
  readonly refusedIn: readonly TextKind[];
  /** Shown in a body as a visible marker by the renderer rather than refused (src/markdown/render.ts). */
  readonly markedInBody?: boolean;
}

export const CHARACTER_GROUPS: readonly CharacterGroup[] = [
  {
    name: 'control',
    label: '控制字符',
    // C0 without tab and line feed, DEL and C1. Carriage returns count: line ends are normalised to \n first.
    chars: '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F',
    shown: 'U+0000–U+0008、U+000B–U+001F、U+007F–U+009F',
    why: '控制字符看不见，还会使 RSS（XML）无法读取',
    refusedIn: ['line', 'multiline', 'body'],
  },
  {
    name: 'noncharacter',
    label: '非字符',
    chars: '\\uFFFE\\uFFFF',
    shown: 'U+FFFE、U+FFFF',
    why: '它们不是文字，XML 中不允许出现',
    refusedIn: ['line', 'multiline', 'body'],
  },
  {
    name: 'break',
    label: '换行符或制表符',
    chars: '\\u0009\\u000A\\u2028\\u2029',
    shown: 'U+0009、U+000A、U+2028、U+2029',
    why: '此项只能写一行',
    refusedIn: ['line'],
  },
  {
    name: 'bidi',
    label: '文字方向控制符',
    // Overrides, embeddings and isolates, and the three invisible direction marks.
    chars: '\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C',
    shown: 'U+202A–U+202E、U+2066–U+2069、U+200E、U+200F、U+061C',
    why: '它能让文字显示成与实际不同的顺序',
    refusedIn: ['line', 'multiline'],
    markedInBody: true,
  },
  {
    name: 'invisible',
    label: '零宽字符',
    // Zero-width space, joiners, word joiner, invisible operators, deprecated format characters and BOM.
    chars: '\\u200B-\\u200D\\u2060-\\u2064\\u206A-\\u206F\\uFEFF',
    shown: 'U+200B–U+200D、U+2060–U+2064、U+206A–U+206F、U+FEFF',
    why: '看不见的字符会让两段看起来相同的文字实际不同',
    refusedIn: ['line', 'multiline'],
    markedInBody: true,
  },
];

/** The groups refused in a kind of text. */
export function refusedGroups(kind: TextKind): CharacterGroup[] {
  return CHARACTER_GROUPS.filter((g) => g.refusedIn.includes(kind));
}

/** The inside of a character class with every character refused in `kind`. */
export function refusedChars(kind: TextKind): string {
  return refusedGroups(kind)
    .map((g) => g.chars)
    .join('');
}

/** The kind of text a field holds, or undefined for fields that hold no free text (numbers, choices, maps). */
export function textKindOf(field: Field): Exclude<TextKind, 'body'> | undefined {
  switch (field.type) {
    case 'text':
      return field.multiline ? 'multiline' : 'line';
    case 'id':
    case 'ref':
    case 'list':
    case 'datetime':
    case 'date':
    case 'period':
      return 'line';
    default:
      return undefined;
  }
}

/** "U+001B" for a character. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const finders = new Map<TextKind, RegExp>();
function finder(kind: TextKind): RegExp {
  let regex = finders.get(kind);
  if (!regex) finders.set(kind, (regex = new RegExp(`[${refusedChars(kind)}]`, 'g')));
  regex.lastIndex = 0;
  return regex;
}

export interface CharacterProblem {
  group: CharacterGroup;
  char: string;
  /** 0-based UTF-16 offset of the first refused character. */
  index: number;
  /** How many refused characters the text holds. */
  count: number;
}

/** The first character refused in a text of this kind, with how many there are; undefined when all are fine. */
export function findRefused(value: string, kind: TextKind): CharacterProblem | undefined {
  const found = [...value.matchAll(finder(kind))];
  const first = found[0];
  if (!first) return undefined;
  const group = CHARACTER_GROUPS.find((g) => new RegExp(`[${g.chars}]`).test(first[0]))!;
  return { group, char: first[0], index: first.index, count: found.length };
}

/** "含有控制字符 U+001B（第 3 个字）：控制字符看不见…，请删除" */
export function describeRefused(problem: CharacterProblem, where: string): string {
  const more = problem.count > 1 ? `等 ${problem.count} 个不允许的字符` : '';
  return `含有${problem.group.label} ${codePoint(problem.char)}（${where}）${more}：${problem.group.why}，请删除`;
}

/** Why a field's value may not be stored, or undefined when its characters are all allowed. */
export function textProblem(value: string, kind: Exclude<TextKind, 'body'>): string | undefined {
  const problem = findRefused(value, kind);
  if (!problem) return undefined;
  return describeRefused(problem, `第 ${[...value.slice(0, problem.index)].length + 1} 个字`);
}

/**
 * The same rule as a Decap pattern: a lookahead to put in front of a field's own pattern, and the sentence
 * that says it (read after the field's label).
 */
export function charsPattern(kind: Exclude<TextKind, 'body'>): { lookahead: string; message: string } {
  const labels = refusedGroups(kind).map((g) => g.label.replace('换行符或制表符', '换行'));
  return {
    lookahead: `(?![\\s\\S]*[${refusedChars(kind)}])`,
    message: `不能含${labels.slice(0, -1).join('、')}或${labels.at(-1)!}`,
  };
}

const VISIBLE = new RegExp(`[${CHARACTER_GROUPS.map((g) => g.chars).join('')}]`, 'g');

/**
 * A text with every control, line break, direction and invisible character written as `U+XXXX`: for the terminal report,
 * where an ESC in a file name or a value could otherwise recolour or rewrite the screen.
 */
export function visible(text: string): string {
  return text.replace(VISIBLE, (c) => `<${codePoint(c)}>`);
}

/** "〔文字方向控制符 U+202E〕": how the renderer shows a character that a body may hold but nobody could see. */
export function bodyMarker(char: string): string {
  const group = CHARACTER_GROUPS.find((g) => new RegExp(`[${g.chars}]`).test(char));
  return `〔${group?.label ?? '字符'} ${codePoint(char)}〕`;
}

export const BODY_MARKER_EXAMPLE = bodyMarker('\u202E');

/**
 * Every character a reader could not see or that XML forbids, except tab, line feed and carriage return (plain
 * whitespace) and a zero-width joiner inside an emoji sequence (👨‍👩‍👧 is what the author sees and means).
 */
const MARKED = new RegExp(
  `(?<!\\p{Extended_Pictographic}[\\u{1F3FB}-\\u{1F3FF}\\uFE0F]?)\\u200D|\\u200D(?!\\p{Extended_Pictographic})|[${CHARACTER_GROUPS.filter(
    (g) => g.name !== 'break',
  )
    .map((g) => g.chars)
    .join('')
    .replace('\\u200B-\\u200D', '\\u200B\\u200C')}]`,
  'gu',
);

/**
 * A body's text (or the HTML made from it) with each such character replaced by its visible marker. The marker
 * holds no `<`, `&` or quote, so it is safe inside HTML text and attribute values alike.
 */
export function markInvisible(text: string): string {
  return text.replace(MARKED, (c) => (c === '\r' ? c : bodyMarker(c)));
}
