/**
 * YAML parsing with the YAML 1.2 core schema: timestamps stay strings (js-yaml would turn `2026-10-12` into a
 * Date and roll impossible dates over), duplicate keys and unknown tags are errors, and every node keeps its
 * line so that problems can point at it.
 */
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';

export interface YamlError {
  line?: number;
  message: string;
}

export interface ParsedYaml {
  value: unknown;
  errors: YamlError[];
  /** 1-based line of the value at a key path (or of the key itself, when `keyOnly`), in the whole file. */
  lineOf(path: readonly (string | number)[], keyOnly?: boolean): number | undefined;
}

const MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: '同一字段写了两次',
  BAD_INDENT: '缩进不对',
  MISSING_CHAR: '缺少字符（如引号或括号没有闭合）',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不对（冒号后要有空格，多行文本请用 | ）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行',
  TAG_RESOLVE_FAILED: '不支持的类型标记',
  UNEXPECTED_TOKEN: '出现了不应有的字符',
  BAD_SCALAR_START: '值的开头字符不对（以 @ ` 等开头的值请加引号）',
};

/** Parses YAML that starts at line `firstLine` of its file. */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, {
    schema: 'core',
    uniqueKeys: true,
    lineCounter,
    prettyErrors: false,
  });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors: YamlError[] = [...doc.errors, ...doc.warnings].map((e) => ({
    line: lineAt(e.pos[0]),
    message: `YAML 语法错误：${MESSAGES[e.code] ?? '无法解析'}（${e.code}: ${e.message.split('\n')[0]}）`,
  }));
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 50 });
    } catch {
      // Alias bombs (and aliases to nothing) throw here; they are a problem of the file, not of the build.
      errors.push({ message: 'YAML 语法错误：别名（*）太多或指向不存在的锚点（&），请直接写出内容' });
    }
  }
  return {
    value,
    errors,
    lineOf(path, keyOnly = false) {
      if (path.length === 0) return undefined;
      const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
      if (!isMap(parent)) {
        const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
        return node?.range ? lineAt(node.range[0]) : undefined;
      }
      const last = path[path.length - 1];
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      if (!pair) return undefined;
      const node = (keyOnly ? pair.key : (pair.value ?? pair.key)) as { range?: [number, number, number] };
      return node.range ? lineAt(node.range[0]) : undefined;
    },
  };
}

export interface FrontMatter {
  yaml: string;
  /** Line of the file on which the YAML starts. */
  firstLine: number;
  body: string;
  /** Line of the file on which the body starts (after the blank lines that follow the front matter). */
  bodyLine: number;
}

/** Splits `---\nyaml\n---\nbody`; undefined when the file has no front matter. */
export function splitFrontMatter(text: string): FrontMatter | undefined {
  const normal = text.replace(/\r\n?/g, '\n');
  if (!normal.startsWith('---\n')) return undefined;
  const end = normal.indexOf('\n---', 3);
  if (end < 0) return undefined;
  const after = normal.slice(end + 4);
  if (after !== '' && !after.startsWith('\n')) return undefined;
  const body = after.replace(/^\n+/, '');
  const closingLine = normal.slice(0, end + 1).split('\n').length;
  return {
    yaml: normal.slice(4, end + 1),
    firstLine: 2,
    body,
    bodyLine: closingLine + after.length - body.length,
  };
}
