/**
 * The activity figures of `npm run compliance` against an independent count (issue 12): the sample's work-log
 * files read with a plain YAML parse, summed per person per month and per ISO week with Date arithmetic of
 * their own — none of the loader, the model's schemas or the rules engine is involved on this side.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const node = join(root, 'node_modules/.bin/node');
const folder = join(root, 'content/worklogs');

interface Row {
  date: string;
  visits?: number;
  calls?: number;
}

let read: { person: string; row: Row }[] | undefined;

/** Every day row of every log: person and the day's counts (read once). */
function rows(): { person: string; row: Row }[] {
  if (read) return read;
  const out: { person: string; row: Row }[] = [];
  for (const year of readdirSync(folder))
    for (const name of readdirSync(join(folder, year))) {
      const text = readFileSync(join(folder, year, name), 'utf8');
      const front = text.split(/^---$/m)[1]!;
      const data = parse(front, { version: '1.2' }) as { person: string; days?: Row[] };
      for (const row of data.days ?? []) out.push({ person: data.person, row });
    }
  read = out;
  return out;
}

/** `2026-W47` for a `YYYY-MM-DD`, by the ISO rule: the week's Thursday decides the year. */
function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * 86_400_000;
  const week = 1 + Math.round((thursday.getTime() - 3 * 86_400_000 - firstMonday) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function sums(measure: 'visits' | 'calls', key: (date: string) => string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { person, row } of rows()) {
    const k = `${person} ${key(row.date)}`;
    totals.set(k, (totals.get(k) ?? 0) + (row[measure] ?? 0));
  }
  return totals;
}

interface ActivityRow {
  person: string;
  measure: string;
  scope: 'month' | 'week';
  period: string;
  count: number;
}

function exported(month: string): ActivityRow[] {
  const run = spawnSync(
    node,
    [join(root, 'scripts/compliance.ts'), '--month', month, '--now', '2026-11-30T12:00:00+08:00'],
    { cwd: root, encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { activity: ActivityRow[] }).activity;
}

describe('the CLI’s activity figures agree with an independent count of the work-log files', () => {
  const months = ['2026-02', '2026-10', '2026-11'];
  it.each(months)('%s: every month and week row of visits and calls', (month) => {
    const activity = exported(month);
    expect(activity.length).toBeGreaterThan(50);
    for (const measure of ['visits', 'calls'] as const) {
      const byMonth = sums(measure, (date) => date.slice(0, 7));
      const byWeek = sums(measure, isoWeek);
      const mine = activity.filter((r) => r.measure === measure);
      expect(mine.length, measure).toBeGreaterThan(0);
      for (const r of mine) {
        const expected = (r.scope === 'month' ? byMonth : byWeek).get(`${r.person} ${r.period}`) ?? 0;
        expect(r.count, `${r.person} ${measure} ${r.period}`).toBe(expected);
      }
    }
  });

  it('counts ISO weeks the way the export names them, across a year’s end', () => {
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
  });
});
