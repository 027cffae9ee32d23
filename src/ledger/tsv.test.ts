import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { formatLedger, LEDGER_HEADER, parseLedger, representable, type LedgerEntry } from './tsv.ts';

const COMMIT = 'a'.repeat(40);
const seen = (iso: string, baseline = false): LedgerEntry => ({
  firstSeen: Temporal.Instant.from(iso),
  commit: COMMIT,
  baseline,
});

describe('the ledger file', () => {
  it('is sorted by path and writes Beijing time to the second, whatever order it was built in', () => {
    const text = formatLedger(
      new Map([
        ['content/reports/b.md', seen('2026-11-24T02:00:00.9Z')],
        ['content/articles/a.md', seen('2026-11-20T09:00:00+08:00', true)],
      ]),
    );
    expect(text).toBe(
      `${LEDGER_HEADER}\n` +
        `content/articles/a.md\t2026-11-20T09:00:00+08:00\t${COMMIT}\tbaseline\n` +
        `content/reports/b.md\t2026-11-24T10:00:00+08:00\t${COMMIT}\tseen\n`,
    );
    expect(formatLedger(parseLedger(text))).toBe(text);
  });

  it('holds an empty ledger as its header alone', () => {
    expect(parseLedger(formatLedger(new Map())).size).toBe(0);
  });

  it.each([
    ['no header', 'content/a.md\t2026-11-20T09:00:00+08:00\tx\tseen\n', '第 1 行应为表头'],
    [
      'three columns',
      `${LEDGER_HEADER}\ncontent/a.md\t2026-11-20T09:00:00+08:00\t${COMMIT}\n`,
      '第 2 行应有 4 列',
    ],
    [
      'a time without offset',
      `${LEDGER_HEADER}\ncontent/a.md\t2026-11-20T09:00:00\t${COMMIT}\tseen\n`,
      '不是带时区',
    ],
    [
      'a short commit',
      `${LEDGER_HEADER}\ncontent/a.md\t2026-11-20T09:00:00+08:00\tabc123\tseen\n`,
      '完整的提交编号',
    ],
    [
      'an unknown sighting',
      `${LEDGER_HEADER}\ncontent/a.md\t2026-11-20T09:00:00+08:00\t${COMMIT}\tnew\n`,
      'baseline 或 seen',
    ],
    [
      'a path twice',
      `${LEDGER_HEADER}\ncontent/a.md\t2026-11-20T09:00:00+08:00\t${COMMIT}\tseen\n` +
        `content/a.md\t2026-11-21T09:00:00+08:00\t${COMMIT}\tseen\n`,
      '第 3 行的路径重复',
    ],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseLedger(text)).toThrow(message);
  });

  it('cannot hold paths with tabs or line breaks, which no content file has', () => {
    expect(representable('content/articles/a.md')).toBe(true);
    expect(representable('content/articles/a\tb.md')).toBe(false);
    expect(representable('content/articles/a\nb.md')).toBe(false);
  });
});
