/** Problems found in content/, and the Chinese report that lists them all. */
import type { Collection, Field } from '../model/field.ts';
import { FIGURE_PARTS } from '../model/options.ts';
import { visible } from '../model/text.ts';

export interface Problem {
  /** Path from the repository root, e.g. `content/articles/2026/x.md`. */
  file: string;
  /** English key path inside the record, e.g. `figures.sales.target`; absent for whole-file problems. */
  key?: string;
  /** Chinese label path of that key, e.g. `销售数据 › 纯销`. */
  label?: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** What is wrong, in Chinese. */
  message: string;
}

/** Chinese labels along a key path, following the field tables (`meetings.0.start` → `例会改期 第 1 项 › …`). */
export function labelForPath(collection: Collection, path: readonly (string | number)[]): string | undefined {
  const labels: string[] = [];
  let fields: readonly Field[] | undefined = collection.fields;
  let current: Field | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      labels.push(`第 ${segment + 1} 项`);
      continue;
    }
    if (current?.type === 'figures') {
      const key = current.keys.find((k) => k.value === segment);
      const part = key ?? FIGURE_PARTS.find((p) => p.value === segment);
      if (part) labels.push(part.label);
      continue;
    }
    current = fields?.find((f) => f.name === segment);
    if (!current) break;
    labels.push(current.label);
    fields = current.type === 'objects' ? current.fields : undefined;
  }
  return labels.length > 0 ? labels.join(' › ') : undefined;
}

/**
 * One line of the report for one problem. File names, keys and messages may quote what a file holds, so
 * control and invisible characters are written as `<U+001B>`: an ESC must not recolour or rewrite the terminal,
 * a newline must not forge a line of the report.
 */
function describe(problem: Problem): string {
  const where = problem.line ? `第 ${problem.line} 行 ` : '';
  const field = problem.key ? `${visible(problem.key)}${problem.label ? `（${problem.label}）` : ''}：` : '';
  return `  ${where}${field}${visible(problem.message)}`;
}

/** Sorted by file, then line, so that reports are stable and easy to scan. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0),
  );
}

/** The whole report: a Chinese summary line, then every problem grouped by file. */
export function formatProblems(problems: readonly Problem[]): string {
  const sorted = sortProblems(problems);
  const files = [...new Set(sorted.map((p) => p.file))];
  const lines = [`内容校验未通过：${files.length} 个文件，共 ${sorted.length} 个问题。`];
  for (const file of files) {
    lines.push('', visible(file));
    for (const p of sorted.filter((x) => x.file === file)) lines.push(describe(p));
  }
  lines.push('', '请逐条修改后重新运行 npm run check:content。');
  return lines.join('\n');
}
