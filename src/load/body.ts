/** The checks of a submission's Markdown body: its length and the characters it may not hold. */
import type { Collection } from '../model/field.ts';
import { BODY_MAX_CHARS } from '../model/limits.ts';
import { describeRefused, findRefused } from '../model/text.ts';
import type { Problem } from './problems.ts';

export interface BodyProblem {
  /** 0-based line within the body. */
  line: number;
  message: string;
}

/**
 * What is wrong with a body, without a file: for the loader and for any server that checks a body before it
 * is saved. Direction and invisible characters are allowed here; the renderer shows them as markers.
 */
export function checkBody(body: string): BodyProblem[] {
  const found: BodyProblem[] = [];
  const chars = [...body].length;
  if (chars > BODY_MAX_CHARS)
    found.push({
      line: 0,
      message: `共 ${chars.toLocaleString('en-US')} 字，超过上限 ${BODY_MAX_CHARS.toLocaleString('en-US')} 字；请精简或分成几篇`,
    });
  const refused = findRefused(body, 'body');
  if (refused) {
    const before = body.slice(0, refused.index);
    const line = before.split('\n').length - 1;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    found.push({ line, message: describeRefused(refused, `该行第 ${column} 个字`) });
  }
  return found;
}

/** The body's problems as lines of the report, at their line of the file. */
export function bodyProblems(
  collection: Collection,
  file: string,
  body: string,
  bodyLine: number,
): Problem[] {
  const label = collection.storage.kind === 'markdown' ? collection.storage.body.label : '正文';
  return checkBody(body).map((p) => ({
    file,
    key: 'body',
    label,
    line: bodyLine + p.line,
    message: p.message,
  }));
}
