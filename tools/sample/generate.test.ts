import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateSample, generateSampleWithCounts, planForEntries } from './generate.ts';
import { hanCount } from './markdown.ts';
import { CONTRACT_REPORT_KINDS } from '../../src/model/options.ts';

const OPTIONS = { seed: '2026', end: '2026-11-25', months: 12 };
const sample = generateSampleWithCounts(OPTIONS);
const files = sample.files;

type Front = Record<string, unknown>;
interface Doc {
  path: string;
  collection: string;
  slug: string;
  front: Front;
  body: string;
  text: string;
}

function docsOf(map: Map<string, string>): Doc[] {
  const docs: Doc[] = [];
  for (const [path, text] of map) {
    if (!path.endsWith('.md')) continue;
    const end = text.indexOf('\n---\n', 4);
    const front = parse(text.slice(4, end + 1), { schema: 'core' }) as Front;
    const collection = path.split('/')[0] ?? '';
    const slug = path.slice(path.lastIndexOf('/') + 1, -3);
    docs.push({ path, collection, slug, front, body: text.slice(end + 5), text });
  }
  return docs;
}

/** The entries of the content contract; the materials and work logs of issue 12 are checked in their own tests. */
const CONTRACT_KINDS: readonly unknown[] = CONTRACT_REPORT_KINDS;
const isContract = (d: Doc) =>
  d.collection !== 'worklogs' && (d.collection !== 'reports' || CONTRACT_KINDS.includes(d.front.kind));
const all = docsOf(files);
const docs = all.filter(isContract);
const materials = all.filter((d) => d.collection === 'reports' && !isContract(d));
const of = (c: string) => docs.filter((d) => d.collection === c);
const articles = of('articles');
const meetings = of('meetings');
const reports = of('reports');
const regions = parse(files.get('org/regions.yaml') ?? '', { schema: 'core' }) as {
  id: string;
  name: string;
  manager: string;
}[];
const people = parse(files.get('org/people.yaml') ?? '', { schema: 'core' }) as {
  id: string;
  name: string;
  role: string;
  region?: string;
  joined: string;
  left?: string;
}[];
const person = new Map(people.map((p) => [p.id, p]));
const str = (v: unknown) => String(v);
const epoch = (dt: unknown) => Temporal.Instant.from(str(dt)).epochMilliseconds;
const dateOf = (dt: unknown) => str(dt).slice(0, 10);
const activeOn = (id: string, date: string) => {
  const p = person.get(id);
  return !!p && p.joined <= date && (p.left === undefined || date <= p.left);
};

describe('determinism', () => {
  it('gives byte-identical files for the same options', () => {
    const again = generateSample(OPTIONS);
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [k, v] of again) expect(v).toBe(files.get(k));
  });
  it('gives different files for another seed', () => {
    const other = generateSample({ ...OPTIONS, seed: '2027' });
    expect(other.get('org/people.yaml')).not.toBe(files.get('org/people.yaml'));
    const same = [...other].filter(([k, v]) => files.get(k) === v).length;
    expect(same).toBeLessThan(other.size / 10);
  });
});

describe('org', () => {
  it('has at least 6 regions, each with an existing manager', () => {
    expect(regions.length).toBeGreaterThanOrEqual(6);
    for (const r of regions) {
      expect(r.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(r.name).toMatch(/区$/);
      expect(person.get(r.manager)?.role).toBe('manager');
      expect(person.get(r.manager)?.region).toBe(r.id);
    }
  });
  it('has the roles, unique ASCII ids and join/leave dates', () => {
    expect(people.length).toBeGreaterThanOrEqual(40);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    for (const p of people) {
      expect(p.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(p.name).toMatch(/^\p{Script=Han}{2,4}$/u);
      expect(p.joined).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (p.left) expect(p.left >= p.joined).toBe(true);
      if (p.role !== 'head') expect(regions.some((r) => r.id === p.region)).toBe(true);
    }
    const heads = people.filter((p) => p.role === 'head');
    expect(heads).toHaveLength(1);
    expect(heads[0]?.region).toBeUndefined();
    const supervisors = people.filter((p) => p.role === 'supervisor').length;
    expect(supervisors).toBeGreaterThanOrEqual(2);
    expect(supervisors).toBeLessThanOrEqual(3);
    expect(people.filter((p) => p.role === 'rep').length).toBeGreaterThanOrEqual(20);
    expect(people.filter((p) => p.role === 'office').length).toBeGreaterThanOrEqual(regions.length);
    for (const r of regions) expect(people.some((p) => p.role === 'manager' && p.region === r.id)).toBe(true);
    expect(people.some((p) => p.left && p.left >= '2025-12-01')).toBe(true);
    expect(people.some((p) => p.joined >= '2025-12-01')).toBe(true);
  });
  it('moves one or two monthly meetings in calendar.yaml', () => {
    const text = files.get('org/calendar.yaml') ?? '';
    expect(text).toContain("period: '2026-09'");
    expect(text).toContain("start: '2026-09-24T13:30:00+08:00'");
    const cal = parse(text, { schema: 'core' }) as { meetings: unknown[] };
    expect(cal.meetings.length).toBeGreaterThanOrEqual(1);
    expect(cal.meetings.length).toBeLessThanOrEqual(2);
  });
});

describe('files', () => {
  it('are filed by year under unique ASCII slugs', () => {
    const slugs = new Set<string>();
    for (const d of [...docs, ...materials]) {
      expect(d.path).toMatch(/^(articles|meetings|reports)\/\d{4}\/[a-z0-9][a-z0-9-]*\.md$/);
      expect(slugs.has(d.slug)).toBe(false);
      slugs.add(d.slug);
    }
    for (const a of articles) expect(a.slug).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z][a-z0-9-]*-\d{4}(-\d+)?$/);
    for (const m of meetings)
      expect(
        m.slug.startsWith(`${dateOf(m.front.start)}-${str(m.front.kind)}-${str(m.front.region ?? 'dept')}-`),
      ).toBe(true);
    for (const r of reports)
      expect(r.slug).toMatch(
        new RegExp(
          `^${str(r.front.kind)}-${str(r.front.period).toLowerCase()}-${str(r.front.author)}(-\\d+)?$`,
        ),
      );
  });
  it('quote every date and give every datetime the +08:00 offset', () => {
    for (const [path, text] of files) {
      const head = path.endsWith('.md') ? text.slice(0, text.indexOf('\n---\n', 4)) : text;
      expect(head).not.toMatch(/(:|-) \d{4}-/);
      for (const m of head.matchAll(/'(\d{4}-\d{2}-\d{2}T[^']*)'/g))
        expect(m[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    }
    for (const d of docs)
      for (const v of Object.values(d.front))
        if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) Temporal.Instant.from(v);
  });
  it('has roughly 600 to 1,500 entries at scale 1', () => {
    expect(docs.length).toBeGreaterThanOrEqual(600);
    expect(docs.length).toBeLessThanOrEqual(1500);
    expect(articles.length).toBeGreaterThan(regions.length * 12);
  });
});

describe('articles', () => {
  it('have valid front matter and a 300–1,200 character body', () => {
    for (const a of articles) {
      const f = a.front;
      expect(str(f.title).length).toBeGreaterThanOrEqual(2);
      expect(str(f.title).length).toBeLessThanOrEqual(80);
      expect(['clinical', 'management', 'experience', 'academic', 'other']).toContain(f.category);
      const author = person.get(str(f.author));
      expect(author?.region).toBe(f.region);
      expect(['rep', 'office', 'manager']).toContain(author?.role);
      expect(activeOn(str(f.author), dateOf(f.submitted))).toBe(true);
      if (f.summary !== undefined) expect(str(f.summary).length).toBeLessThanOrEqual(120);
      if (f.tags !== undefined) {
        expect((f.tags as string[]).length).toBeGreaterThanOrEqual(1);
        expect((f.tags as string[]).length).toBeLessThanOrEqual(4);
      }
      const n = hanCount(a.body);
      expect(n).toBeGreaterThanOrEqual(300);
      expect(n).toBeLessThanOrEqual(1200);
      expect(a.body).toMatch(/^## /m);
    }
    expect(articles.some((a) => /^\| .* \|$/m.test(a.body))).toBe(true);
    expect(articles.some((a) => /^(- |1\. )/m.test(a.body))).toBe(true);
    expect(articles.some((a) => /\*\*[^*]+\*\*/.test(a.body))).toBe(true);
  });
});

describe('meetings', () => {
  it('have kinds, regions, organizers and times that fit', () => {
    let applied = 0;
    let sales = 0;
    for (const m of meetings) {
      const f = m.front;
      expect([
        'regional',
        'office',
        'morning',
        'evening',
        'weekly',
        'monthly',
        'quarterly',
        'training',
      ]).toContain(f.kind);
      if (f.kind === 'regional' || f.kind === 'office') {
        expect(regions.some((r) => r.id === f.region)).toBe(true);
        sales++;
        if (f.applied !== undefined) {
          const days = (epoch(f.start) - epoch(f.applied)) / 86_400_000;
          if (days >= 1 && days <= 8) applied++;
        }
      }
      if (f.kind === 'monthly' || f.kind === 'quarterly') expect(f.region).toBeUndefined();
      expect(person.has(str(f.organizer))).toBe(true);
      if (f.filed !== undefined) expect(epoch(f.filed)).toBeGreaterThanOrEqual(epoch(f.start));
      if (f.kind === 'evening') expect(Number.isInteger(f.calls) && Number.isInteger(f.intents)).toBe(true);
      expect(m.body).toMatch(/^## /m);
    }
    expect(applied / sales).toBeGreaterThan(0.8);
    const monthly = meetings.filter((m) => m.front.kind === 'monthly').map((m) => str(m.front.start));
    expect(monthly).toContain('2026-09-24T13:30:00+08:00');
    expect(monthly).toContain('2026-10-30T13:30:00+08:00');
    expect(
      meetings.some((m) => m.front.kind === 'quarterly' && m.front.start === '2026-09-25T13:30:00+08:00'),
    ).toBe(true);
  });
});

describe('reports', () => {
  const realPeriod = (kind: string, period: string) => {
    if (kind === 'daily')
      return Temporal.PlainDate.from(period, { overflow: 'reject' }).toString() === period;
    if (kind === 'weekly') {
      const m = /^(\d{4})-W(\d{2})$/.exec(period);
      if (!m) return false;
      const weeks = Temporal.PlainDate.from({ year: Number(m[1]), month: 12, day: 28 }).weekOfYear ?? 0;
      return Number(m[2]) >= 1 && Number(m[2]) <= weeks;
    }
    if (kind === 'monthly') return /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
    return /^\d{4}-Q[1-4]$/.test(period);
  };
  it('have periods that match their kind and are real', () => {
    for (const r of reports) expect(realPeriod(str(r.front.kind), str(r.front.period))).toBe(true);
  });
  it('come from managers (daily also from reps) active in the period, with figures where required', () => {
    for (const r of reports) {
      const f = r.front;
      const author = person.get(str(f.author));
      expect(author?.region).toBe(f.region);
      if (f.kind === 'daily') expect(['rep', 'manager']).toContain(author?.role);
      else expect(author?.role).toBe('manager');
      if (f.kind === 'achievement') {
        const figures = f.figures as Record<string, { target: number; actual: number }>;
        for (const k of ['collections', 'coverage', 'development', 'sales']) {
          expect(figures[k]?.target).toBeGreaterThanOrEqual(0);
          expect(figures[k]?.actual).toBeGreaterThanOrEqual(0);
        }
      }
      if (f.problems !== undefined) expect((f.problems as unknown[]).length).toBeLessThanOrEqual(3);
      if (f.highlights !== undefined) expect((f.highlights as unknown[]).length).toBeLessThanOrEqual(3);
    }
  });
});

describe('compliance has something to show', () => {
  const months = Array.from({ length: 12 }, (_, i) =>
    Temporal.PlainYearMonth.from('2025-12').add({ months: i }).toString(),
  );
  it('leaves some region-months without an article or a qualifying meeting', () => {
    const noArticle = regions.flatMap((r) =>
      months.filter(
        (m) => !articles.some((a) => a.front.region === r.id && str(a.front.submitted).startsWith(m)),
      ),
    );
    expect(noArticle.length).toBeGreaterThan(0);
    expect(noArticle.length).toBeLessThan(regions.length * 12 * 0.2);
    const qualifying = (d: Doc) =>
      d.front.applied !== undefined &&
      d.front.filed !== undefined &&
      epoch(d.front.applied) < epoch(d.front.start) &&
      epoch(d.front.filed) >= epoch(d.front.start);
    const noMeeting = regions.flatMap((r) =>
      months.filter(
        (m) =>
          !meetings.some(
            (d) =>
              ['regional', 'office'].includes(str(d.front.kind)) &&
              d.front.region === r.id &&
              str(d.front.start).startsWith(m) &&
              qualifying(d),
          ),
      ),
    );
    expect(noMeeting.length).toBeGreaterThan(0);
    expect(noMeeting.length).toBeLessThan(regions.length * 12 * 0.25);
  });
  const calendar = parse(files.get('org/calendar.yaml') ?? '', { schema: 'core' }) as {
    meetings: { kind: string; period: string; start: string }[];
  };
  const lastFriday = (year: number, month: number) => {
    const first = Temporal.PlainDate.from({ year, month, day: 1 });
    const last = first.with({ day: first.daysInMonth });
    return last.subtract({ days: (last.dayOfWeek - 5 + 7) % 7 });
  };
  const meetingDay = (kind: string, period: string) => {
    const moved = calendar.meetings.find((m) => m.kind === kind && m.period === period);
    if (moved) return Temporal.PlainDate.from(moved.start.slice(0, 10));
    const year = Number(period.slice(0, 4));
    return lastFriday(year, kind === 'monthly' ? Number(period.slice(5)) : Number(period.slice(6)) * 3);
  };
  const mondayOf = (week: string) => {
    const [y, w] = week.split('-W').map(Number);
    const jan4 = Temporal.PlainDate.from({ year: y ?? 0, month: 1, day: 4 });
    return jan4.subtract({ days: jan4.dayOfWeek - 1 }).add({ weeks: (w ?? 1) - 1 });
  };
  /** Due times of the contract: weekly Monday 12:00 after the week, monthly meeting − 2 days, quarterly − 3 days. */
  const due = (kind: string, period: string) => {
    if (kind === 'weekly') return `${mondayOf(period).add({ days: 7 }).toString()}T12:00:00+08:00`;
    if (kind === 'monthly')
      return `${meetingDay('monthly', period).subtract({ days: 2 }).toString()}T23:59:59+08:00`;
    return `${meetingDay('quarterly', period).subtract({ days: 3 }).toString()}T23:59:59+08:00`;
  };
  const late = (r: Doc) => epoch(r.front.submitted) > epoch(due(str(r.front.kind), str(r.front.period)));

  it('has mostly on-time reports, some late ones, a few missing ones and exactly one duplicate', () => {
    for (const kind of ['weekly', 'monthly', 'quarterly', 'achievement']) {
      const list = reports.filter((r) => r.front.kind === kind);
      const lateShare = list.filter(late).length / list.length;
      expect(lateShare, kind).toBeLessThan(0.25);
      if (kind === 'weekly' || kind === 'monthly') expect(list.some(late), kind).toBe(true);
    }
    const keys = reports
      .filter((r) => r.front.kind !== 'daily')
      .map((r) => `${str(r.front.author)}/${str(r.front.kind)}/${str(r.front.period)}`);
    expect(keys.length - new Set(keys).size).toBe(1);

    // Weekly reports required of managers for weeks due inside the range, against those present.
    const present = new Set(keys);
    let required = 0;
    let missing = 0;
    for (
      let monday = Temporal.PlainDate.from('2025-11-24');
      Temporal.PlainDate.compare(monday, Temporal.PlainDate.from('2026-11-16')) <= 0;
      monday = monday.add({ weeks: 1 })
    ) {
      const sunday = monday.add({ days: 6 }).toString();
      const week = `${monday.yearOfWeek ?? 0}-W${String(monday.weekOfYear).padStart(2, '0')}`;
      for (const m of people.filter(
        (p) =>
          p.role === 'manager' && p.joined <= sunday && (p.left === undefined || p.left >= monday.toString()),
      )) {
        required++;
        if (!present.has(`${m.id}/weekly/${week}`)) missing++;
      }
    }
    expect(missing).toBeGreaterThan(0);
    expect(missing / required).toBeLessThan(0.1);
  });

  it('moves the monthly report deadline with the calendar override', () => {
    expect(due('monthly', '2026-09')).toBe('2026-09-22T23:59:59+08:00');
    expect(due('monthly', '2026-10')).toBe('2026-10-28T23:59:59+08:00');
    expect(due('quarterly', '2026-Q3')).toBe('2026-09-22T23:59:59+08:00');
    expect(due('weekly', '2026-W42')).toBe('2026-10-19T12:00:00+08:00');
  });
});

describe('text', () => {
  const bigger = docsOf(generateSample({ ...OPTIONS, scale: 3, worklogMonths: 0 })).filter(isContract);
  // Table delimiter rows (|---|---:|) are syntax, not text: they are left out of the comparison.
  const bodies = bigger
    .filter((d) => d.collection === 'articles')
    .map((d) => d.body.replace(/^\|[-:|]+\|$/gm, ''));

  it('grows roughly in proportion to the scale', () => {
    expect(bigger.length / docs.length).toBeGreaterThan(2.4);
    expect(bigger.length / docs.length).toBeLessThan(3.6);
  });

  it('rarely repeats a 40-character run between articles', () => {
    const first = new Map<string, number>();
    const shared = new Set<number>();
    bodies.forEach((body, i) => {
      for (let k = 0; k + 40 <= body.length; k++) {
        const run = body.slice(k, k + 40);
        const j = first.get(run);
        if (j === undefined) first.set(run, i);
        else if (j !== i) {
          shared.add(i);
          shared.add(j);
        }
      }
    });
    expect(bodies.length).toBeGreaterThan(300);
    expect(shared.size / bodies.length).toBeLessThan(0.05);
  });

  it('uses many different characters', () => {
    const chars = new Set<string>();
    for (const b of bodies) for (const c of b) if (/\p{Script=Han}/u.test(c)) chars.add(c);
    expect(chars.size).toBeGreaterThan(1000);
  });

  it('mentions the key terms in some but not all entries', () => {
    const all = bigger.map((d) => d.text);
    for (const term of ['学术推广', '销售沟通会', '回款', '纯销', '布点', '办事处培训', '内刊']) {
      const share = all.filter((t) => t.includes(term)).length / all.length;
      expect(share, term).toBeGreaterThan(0.02);
      expect(share, term).toBeLessThan(0.9);
      const inArticles = bodies.filter((b) => b.includes(term)).length / bodies.length;
      expect(inArticles, term).toBeGreaterThan(0.02);
      expect(inArticles, term).toBeLessThan(0.9);
    }
    expect(bodies.some((b) => b.includes('学术') && b.includes('推广') && !b.includes('学术推广'))).toBe(
      true,
    );
  });
});

describe('planForEntries', () => {
  it('stretches the range and raises the scale for large counts', () => {
    const plan = planForEntries(20_000, OPTIONS);
    expect(plan.months).toBeGreaterThan(12);
    expect(plan.months).toBeLessThanOrEqual(60);
    expect(plan.scale).toBeGreaterThan(1);
    const small = planForEntries(1_000, OPTIONS);
    expect(small.months).toBe(12);
  });

  // Speed is the benchmark's business (issue 6), not a test's: a loaded CI machine would make it flaky.
  it('lands near the wanted count, with more people and regions', () => {
    const plan = planForEntries(20_000, OPTIONS);
    const big = generateSampleWithCounts({ ...OPTIONS, ...plan });
    const c = big.counts;
    const total = c.articles + c.meetings + c.reports;
    expect(total).toBeGreaterThan(17_000);
    expect(total).toBeLessThan(23_000);
    const bigPeople = parse(big.files.get('org/people.yaml') ?? '', { schema: 'core' }) as unknown[];
    const bigRegions = parse(big.files.get('org/regions.yaml') ?? '', { schema: 'core' }) as unknown[];
    expect(bigPeople.length).toBeGreaterThan(people.length * 2);
    expect(bigRegions.length).toBeGreaterThan(regions.length);
  });
});
