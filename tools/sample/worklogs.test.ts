/**
 * The work logs, required materials and 晨会记录 of the sample (issue 12): valid against the content model, the
 * same for the same options, with days below quota, days missing and rows changed later for the pages to show.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadContent } from '../../src/load/load.ts';
import { DEFAULT_POLICY } from '../../src/rules/policy.ts';
import { generateSample, generateSampleWithCounts } from './generate.ts';

const OPTIONS = { seed: '2026', end: '2026-11-25', months: 12 };
const sample = generateSampleWithCounts(OPTIONS);
const files = sample.files;
const work = mkdtempSync(join(tmpdir(), 'sample-worklogs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Front = Record<string, unknown>;
const frontOf = (text: string) =>
  parse(text.slice(4, text.indexOf('\n---\n', 4) + 1), { schema: 'core' }) as Front;
const yamlOf = <T>(path: string) => parse(files.get(path) ?? '', { schema: 'core' }) as T;

interface Row {
  date: string;
  visits?: number;
  visitList?: { customer: string }[];
  calls?: number;
  filed: string;
  updated?: string;
}
interface Log {
  path: string;
  person: string;
  month: string;
  days: Row[];
}
const logs: Log[] = [...files]
  .filter(([path]) => path.startsWith('worklogs/'))
  .map(([path, text]) => ({ path, ...(frontOf(text) as Omit<Log, 'path'>) }))
  .map((l) => ({ ...l, days: l.days ?? [] }));

const people =
  yamlOf<{ id: string; role: string; team?: string; joined: string; left?: string }[]>('org/people.yaml');
const calendar = yamlOf<{
  holidays: { from: string; to: string; name: string }[];
  workdays: { date: string; name: string }[];
}>('org/calendar.yaml');

/** Working days as the spec defines them, computed here independently of the generator. */
function working(date: Temporal.PlainDate): boolean {
  const iso = date.toString();
  if (calendar.workdays.some((w) => w.date === iso)) return true;
  return date.dayOfWeek <= 5 && !calendar.holidays.some((h) => h.from <= iso && iso <= h.to);
}
const epoch = (dt: string) => Temporal.Instant.from(dt).epochMilliseconds;
/** The morning meeting after `date`'s next working day begins (08:40, Monday 10:00), in epoch ms. */
function nextMeeting(date: string): number {
  let d = Temporal.PlainDate.from(date).add({ days: 1 });
  while (!working(d)) d = d.add({ days: 1 });
  const time = d.dayOfWeek === 1 ? '10:00' : '08:40';
  return epoch(`${d.toString()}T${time}:00+08:00`);
}
const teamOf = new Map(people.map((p) => [p.id, p]));
const rowsOf = (pred: (p: (typeof people)[number]) => boolean) =>
  logs.filter((l) => pred(teamOf.get(l.person)!)).flatMap((l) => l.days);

describe('work logs', () => {
  it('are valid against the content model, as the build loads them', () => {
    const dir = join(work, 'content');
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { content, problems } = loadContent(dir);
    expect(problems).toEqual([]);
    expect(content.worklogs.length).toBe(logs.length);
    expect(content.reports.length).toBe(sample.counts.reports + sample.counts.materials);
  });

  it('are the same for the same options and shift no other entry', () => {
    const again = generateSample(OPTIONS);
    for (const log of logs) expect(again.get(log.path)).toBe(files.get(log.path));
    const without = generateSample({ ...OPTIONS, worklogMonths: 0 });
    expect([...without.keys()].some((k) => k.startsWith('worklogs/'))).toBe(false);
    for (const [path, text] of without) {
      // Only the 晨会记录 take their plans from the logs, and the KPI sheets their visits.
      if (path.includes('-morning-') || (path.startsWith('reports/') && path.includes('/kpi-'))) continue;
      expect(files.get(path), path).toBe(text);
    }
  });

  it('cover twelve months of everyone who keeps a log, at paths named for month and person', () => {
    const months = new Set(logs.map((l) => l.month));
    expect(months.size).toBe(12);
    for (const l of logs) {
      expect(l.path).toBe(`worklogs/${l.month.slice(0, 4)}/${l.month}-${l.person}.md`);
      expect(DEFAULT_POLICY.worklogs.roles).toContain(teamOf.get(l.person)?.role);
      const dates = l.days.map((d) => d.date);
      expect(dates.every((d) => d.startsWith(l.month))).toBe(true);
      expect(new Set(dates).size).toBe(dates.length);
      // Newest day first, as the form keeps them.
      expect(dates).toEqual(dates.slice().sort().reverse());
    }
    const keepers = people.filter((p) => DEFAULT_POLICY.worklogs.roles.includes(p.role as never) && !p.left);
    for (const p of keepers)
      expect(
        logs.some((l) => l.person === p.id && l.month === '2026-11'),
        p.id,
      ).toBe(true);
  });

  it('list as many visits as they count, and only then', () => {
    let visits = 0;
    for (const row of logs.flatMap((l) => l.days)) {
      // A day without visits has no list at all: the form drops an empty one.
      expect(row.visitList?.length ?? 0).toBe(row.visits ?? 0);
      if (row.visitList) expect(row.visitList.length).toBeGreaterThan(0);
      visits += row.visits ?? 0;
      for (const v of row.visitList ?? []) expect(v.customer.length).toBeGreaterThanOrEqual(2);
    }
    expect(visits).toBeGreaterThan(5000);
  });

  it('have field reps visiting and telesales calling, some days below the quota', () => {
    expect(people.filter((p) => p.team === 'telesales').length).toBeGreaterThanOrEqual(4);
    expect(people.filter((p) => p.team === 'field').length).toBeGreaterThan(
      people.filter((p) => p.team === 'telesales').length,
    );
    const field = rowsOf((p) => p.team === 'field');
    const phone = rowsOf((p) => p.team === 'telesales');
    const quota = DEFAULT_POLICY.quotas.measures;
    expect(field.every((r) => r.visits !== undefined && r.calls === undefined)).toBe(true);
    expect(phone.every((r) => r.calls !== undefined && r.visits === undefined)).toBe(true);
    const below = (rows: Row[], n: (r: Row) => number, day: number) =>
      rows.filter((r) => n(r) < day).length / rows.length;
    const visitsBelow = below(field, (r) => r.visits ?? 0, quota.visits.day);
    expect(visitsBelow).toBeGreaterThan(0.1);
    expect(visitsBelow).toBeLessThan(0.5);
    const callsBelow = below(phone, (r) => r.calls ?? 0, quota.calls.day);
    expect(callsBelow).toBeGreaterThan(0.1);
    expect(callsBelow).toBeLessThan(0.7);
  });

  it('leave some working days without a row and have few rows on days off', () => {
    let workingDays = 0;
    let missing = 0;
    let offRows = 0;
    let holidayRows = 0;
    for (const l of logs) {
      const p = teamOf.get(l.person)!;
      const have = new Set(l.days.map((d) => d.date));
      const first = Temporal.PlainYearMonth.from(l.month).toPlainDate({ day: 1 });
      for (let d = first; d.month === first.month && d.toString() <= OPTIONS.end; d = d.add({ days: 1 })) {
        const iso = d.toString();
        if (iso < p.joined || (p.left && iso > p.left)) continue;
        if (working(d)) {
          workingDays++;
          if (!have.has(iso)) missing++;
        } else if (have.has(iso)) {
          offRows++;
          if (calendar.holidays.some((h) => h.from <= iso && iso <= h.to)) holidayRows++;
        }
      }
    }
    expect(missing / workingDays).toBeGreaterThan(0.01);
    expect(missing / workingDays).toBeLessThan(0.15);
    expect(offRows).toBeGreaterThan(0);
    expect(offRows / workingDays).toBeLessThan(0.02);
    expect(holidayRows).toBe(0);
    // The 调休 Saturday 2026-10-10 is a working day: most people logged it.
    const tenth = logs
      .filter((l) => l.month === '2026-10')
      .map((l) => l.days.some((d) => d.date === '2026-10-10'));
    expect(tenth.filter(Boolean).length / tenth.length).toBeGreaterThan(0.7);
  });

  it('are filed on the day or late, never before it, and a few rows are changed later', () => {
    const rows = logs.flatMap((l) => l.days);
    let late = 0;
    let changedLater = 0;
    for (const r of rows) {
      const day = epoch(`${r.date}T00:00:00+08:00`);
      expect(epoch(r.filed)).toBeGreaterThanOrEqual(day);
      if (epoch(r.filed) >= day + 86_400_000) late++;
      if (r.updated) {
        expect(epoch(r.updated)).toBeGreaterThanOrEqual(epoch(r.filed));
        if (epoch(r.updated) > nextMeeting(r.date)) changedLater++;
      }
    }
    expect(late / rows.length).toBeGreaterThan(0.03);
    expect(late / rows.length).toBeLessThan(0.3);
    expect(changedLater / rows.length).toBeGreaterThan(0.005);
    expect(changedLater / rows.length).toBeLessThan(0.08);
  });
});

describe('calendar', () => {
  it("holds China's 2025 and 2026 holidays and 调休 workdays", () => {
    const names = calendar.holidays.map((h) => `${h.from}..${h.to} ${h.name}`);
    expect(names).toContain('2026-10-01..2026-10-07 国庆节');
    expect(names).toContain('2026-02-15..2026-02-23 春节');
    expect(names).toContain('2025-10-01..2025-10-08 国庆节、中秋节');
    const workdays = calendar.workdays.map((w) => w.date);
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
      expect(workdays).toContain(d);
    for (const d of workdays) expect(Temporal.PlainDate.from(d).dayOfWeek).toBeGreaterThanOrEqual(6);
  });
});

describe('materials', () => {
  const materials = [...files]
    .filter(([path]) => path.startsWith('reports/'))
    .map(([, text]) => frontOf(text))
    .filter((f) => DEFAULT_POLICY.materials[f.kind as keyof typeof DEFAULT_POLICY.materials] !== undefined);
  /** Due per policy: the 23rd of the month before (funding) or the 25th of the period's (last) month. */
  const due = (kind: string, period: string) => {
    const rule = DEFAULT_POLICY.materials[kind as keyof typeof DEFAULT_POLICY.materials].due;
    if (rule.kind !== 'day-of-month') throw new Error(rule.kind);
    const month = /Q(\d)$/.test(period)
      ? Temporal.PlainYearMonth.from({ year: Number(period.slice(0, 4)), month: Number(period.slice(6)) * 3 })
      : Temporal.PlainYearMonth.from(period);
    return epoch(
      `${month.add({ months: rule.months }).toPlainDate({ day: rule.day }).toString()}T${rule.time}+08:00`,
    );
  };

  it('are filed by the roles the policy names, mostly on time, some late', () => {
    expect(materials.length).toBe(sample.counts.materials);
    const kinds = new Set(materials.map((m) => String(m.kind)));
    expect([...kinds].sort()).toEqual(Object.keys(DEFAULT_POLICY.materials).sort());
    let late = 0;
    for (const m of materials) {
      const kind = String(m.kind) as keyof typeof DEFAULT_POLICY.materials;
      expect(DEFAULT_POLICY.materials[kind].roles).toContain(teamOf.get(String(m.author))?.role);
      if (epoch(String(m.submitted)) > due(kind, String(m.period))) late++;
    }
    expect(late / materials.length).toBeGreaterThan(0.03);
    expect(late / materials.length).toBeLessThan(0.2);
  });
});

describe('晨会记录', () => {
  it("record each attendee's plan, from their log when they keep one", () => {
    const mornings = [...files]
      .filter(([path]) => path.includes('-morning-'))
      .map(([, text]) => frontOf(text));
    expect(mornings.length).toBeGreaterThan(20);
    let fromLog = 0;
    for (const m of mornings) {
      const records = m.records as { person: string; plan: string; review?: string }[];
      expect(records.length).toBeGreaterThanOrEqual(1);
      const date = String(m.start).slice(0, 10);
      for (const r of records) {
        expect(teamOf.has(r.person)).toBe(true);
        const row = logs
          .find((l) => l.person === r.person && l.month === date.slice(0, 7))
          ?.days.find((d) => d.date === date) as { plan?: string; revised?: string } | undefined;
        if (row) {
          expect(r.plan).toBe(row.revised ?? row.plan);
          fromLog++;
        }
      }
    }
    expect(fromLog).toBeGreaterThan(50);
  });
});

describe('the benchmark’s staff', () => {
  it('adds telesales staff until 300 people keep logs, and their logs are valid', () => {
    const big = generateSampleWithCounts({ ...OPTIONS, months: 2, worklogMonths: 2, worklogPeople: 300 });
    const roster = parse(big.files.get('org/people.yaml') ?? '', { schema: 'core' }) as {
      id: string;
      role: string;
      left?: string;
    }[];
    const keepers = roster.filter((p) => DEFAULT_POLICY.worklogs.roles.includes(p.role as never) && !p.left);
    expect(keepers.length).toBe(300);
    const november = [...big.files.keys()].filter((k) => k.startsWith('worklogs/2026/2026-11-'));
    expect(november.length).toBeGreaterThanOrEqual(295);
    // The contract's entries are the same as without the extra staff.
    const plain = generateSample({ ...OPTIONS, months: 2, worklogMonths: 2 });
    for (const [path, text] of plain)
      if (path.startsWith('articles/') || path.startsWith('reports/')) expect(big.files.get(path)).toBe(text);

    const dir = join(work, 'big');
    for (const [path, text] of big.files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    expect(loadContent(dir).problems).toEqual([]);
  });
});
