/** Command-line arguments of the portal's scripts, with every mistake said in Chinese and exit status 2. */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { dateTimeProblem } from '../../src/model/schema.ts';
import { parseDateTime } from '../../src/model/time.ts';

/** Prints the problem and the usage to stderr and exits with 2. */
export function fail(message: string, usage: string): never {
  process.stderr.write(`错误：${message}\n\n${usage}\n`);
  process.exit(2);
}

export type CliValues = Record<string, string | boolean | undefined>;

/** The parsed options; `--help`/`-h` prints the usage and exits 0. */
export function cliOptions(options: ParseArgsOptionsConfig, usage: string): CliValues {
  let parsed: { values: CliValues };
  try {
    parsed = parseArgs({
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    });
  } catch (error) {
    // node:util names the offending argument in quotes; its English message is not shown to users.
    const { code, message } = error as { code?: string; message: string };
    const quoted = /'([^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') fail(`不认识的参数 ${quoted}`, usage);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      fail(`多余的参数 “${quoted}”：每个值前面都要有参数名`, usage);
    fail(`参数 ${quoted} 后面缺少值`, usage);
  }
  if (parsed.values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return parsed.values;
}

/** `--now`: a datetime with its offset, or the current time when absent. */
export function nowOption(text: string | undefined, usage: string): Temporal.Instant {
  if (text === undefined) return Temporal.Now.instant();
  const problem = dateTimeProblem(text);
  if (problem) fail(`--now ${problem}`, usage);
  return parseDateTime(text)!;
}
