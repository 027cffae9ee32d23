/**
 * The ledger file, `ledger.tsv`: a header line, then one line per content path, sorted by path so that the
 * same ledger is always the same bytes (and the same blob in git):
 *
 *     path<TAB>firstSeen<TAB>commit<TAB>sighting
 *     content/reports/2026/weekly-2026-w46-zhangwei.md<TAB>2026-11-24T10:00:00+08:00<TAB>3f2c…<TAB>seen
 *
 * `firstSeen` is Beijing time to the second; `commit` the main commit the path was first seen in; `sighting`
 * is `baseline` for paths already there when the ledger started, `seen` for the rest.
 */
import type { Temporal } from 'temporal-polyfill';
import { formatDateTime, parseDateTime } from '../model/time.ts';

export interface LedgerEntry {
  firstSeen: Temporal.Instant;
  commit: string;
  baseline: boolean;
}

/** Path relative to the repository root → its first sighting. */
export type Ledger = ReadonlyMap<string, LedgerEntry>;

export const LEDGER_HEADER = ['path', 'firstSeen', 'commit', 'sighting'].join('\t');

/** Paths the file format cannot hold. Git allows them in names; no valid content file has them. */
export function representable(path: string): boolean {
  return !/[\t\r\n]/.test(path);
}

export function formatLedger(ledger: Ledger): string {
  // Code-unit order, as the loader lists content: the same on every machine, unlike localeCompare.
  const paths = [...ledger.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = paths.map((path) => {
    const { firstSeen, commit, baseline } = ledger.get(path)!;
    return [path, formatDateTime(firstSeen), commit, baseline ? 'baseline' : 'seen'].join('\t');
  });
  return [LEDGER_HEADER, ...lines].map((line) => `${line}\n`).join('');
}

/**
 * Reads a ledger file. Throws, naming the line, on anything it did not write: the ledger is written only by
 * updateLedger, so a malformed line means a bug or a hand edit, and the build must not guess around it.
 */
export function parseLedger(text: string, source = 'ledger.tsv'): Ledger {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines[0] !== LEDGER_HEADER) throw new Error(`台账 ${source} 第 1 行应为表头 “${LEDGER_HEADER}”`);
  const ledger = new Map<string, LedgerEntry>();
  lines.slice(1).forEach((line, i) => {
    const bad = (why: string) => new Error(`台账 ${source} 第 ${i + 2} 行${why}：${line}`);
    const [path, seen, commit, sighting, ...rest] = line.split('\t');
    if (!path || seen === undefined || !commit || sighting === undefined || rest.length > 0)
      throw bad('应有 4 列');
    const firstSeen = parseDateTime(seen);
    if (!firstSeen) throw bad('的首次出现时间不是带时区的时间');
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(commit)) throw bad('的提交不是完整的提交编号');
    if (sighting !== 'baseline' && sighting !== 'seen') throw bad('的最后一列应为 baseline 或 seen');
    if (ledger.has(path)) throw bad('的路径重复');
    ledger.set(path, { firstSeen, commit, baseline: sighting === 'baseline' });
  });
  return ledger;
}
