/** The compliance CLI, spawned as users and other tools run it, on hand-made content folders. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { ORG, md, writeTree } from '../test/support/tree.ts';
import { loadContent } from '../src/load/load.ts';
import { formatProblems } from '../src/load/problems.ts';
import { computeCompliance } from '../src/rules/compliance.ts';
import { formatCsv, formatJson } from '../src/rules/export.ts';

const root = resolve(import.meta.dirname, '..');
const node = join(root, 'node_modules/.bin/node');

const run = (...args: string[]) =>
  spawnSync(node, [join(root, 'scripts/compliance.ts'), ...args], { cwd: root, encoding: 'utf8' });

const dir = writeTree({
  ...ORG,
  'org/calendar.yaml': [
    'meetings:',
    "  - { kind: monthly, period: '2026-10', start: '2026-10-23T13:30:00+08:00' }",
    'holidays:',
    "  - { from: '2026-10-01', to: '2026-10-07', name: 国庆节 }",
    '',
  ].join('\n'),
  'worklogs/2026/2026-10-wangfang.md': md(`
person: wangfang
region: east
month: '2026-10'
days:
  - { date: '2026-10-08', visits: 1, visitList: [{ customer: 市一医院 }], filed: '2026-10-08T08:30:00+08:00' }
  - { date: '2026-10-09', visits: 1, visitList: [{ customer: 康宁药房 }], filed: '2026-10-09T08:30:00+08:00' }
`),
  'articles/2026/a.md': md(`
title: 一次成功的科室会
region: east
author: wangfang
category: clinical
submitted: '2026-10-31T23:59:59+08:00'
`),
  'articles/2026/b.md': md(`
title: 十一月的第一篇
region: south
author: lina
category: management
submitted: '2026-10-31T16:00:00Z'
`),
  'meetings/2026/m.md': md(`
title: 华东区销售沟通会
kind: regional
region: east
organizer: zhangwei
start: '2026-10-15T14:00:00+08:00'
applied: '2026-10-10T09:00:00+08:00'
filed: '2026-10-16T09:00:00+08:00'
`),
  'reports/2026/w40.md': md(`
kind: weekly
author: zhangwei
region: east
period: '2026-W40'
submitted: '2026-10-05T12:00:00+08:00'
`),
  'reports/2026/m10.md': md(`
kind: monthly
author: zhangwei
region: east
period: '2026-10'
submitted: '2026-10-22T00:00:00+08:00'
`),
});

const NOW = '2026-10-31T23:59:59+08:00';
const expected = (month: string, now: string) =>
  computeCompliance(loadContent(dir).content, { month, asOf: Temporal.Instant.from(now) });

describe('npm run compliance', () => {
  it('prints the month’s export as pretty JSON, exactly what the rules compute', () => {
    const r = run('--month', '2026-10', '--now', NOW, '--dir', dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(formatJson(expected('2026-10', NOW)));
    const json = JSON.parse(r.stdout);
    expect(json.asOf).toBe(NOW);
    expect(json.regions.map((x: { id: string }) => x.id)).toEqual(['east', 'south']);
    // The last second of October: east has its article, south's (midnight Beijing) counts for November.
    expect(json.regions[0].articles).toEqual({ count: 1, required: 1, status: 'met' });
    expect(json.regions[1].articles).toEqual({ count: 0, required: 1, status: 'pending' });
    // The override moved October's monthly meeting to the 23rd: the report was due on the 21st.
    expect(json.reports).toContainEqual({
      person: 'zhangwei',
      kind: 'monthly',
      period: '2026-10',
      due: '2026-10-21T23:59:59+08:00',
      submitted: '2026-10-22T00:00:00+08:00',
      status: 'late',
    });
    expect(json.reports).toContainEqual(
      expect.objectContaining({ person: 'zhangwei', period: '2026-W40', status: 'on_time' }),
    );
  });

  it('prints the materials and the activity from the work logs and the calendar’s holidays', () => {
    const json = JSON.parse(run('--month', '2026-10', '--now', NOW, '--dir', dir).stdout);
    expect(Object.keys(json)).toEqual(['month', 'asOf', 'regions', 'reports', 'materials', 'activity']);
    // wangfang left on 15 October; 1–7 October are off: her week 41 is Thursday and Friday, both filed.
    expect(json.materials).toContainEqual({
      person: 'wangfang',
      kind: 'worklog',
      period: '2026-W41',
      due: '2026-10-10T18:00:00+08:00',
      submitted: '2026-10-09T08:30:00+08:00',
      status: 'on_time',
    });
    const visits = json.activity.filter((r: { person: string }) => r.person === 'wangfang');
    expect(visits[0]).toMatchObject({
      scope: 'month',
      count: 2,
      required: 18, // 6 of October's 22 weekdays worked on the roster: ceil(65 × 6 / 22)
      status: 'pending',
      daysMissing: ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15'],
    });
    expect(visits.find((r: { period: string }) => r.period === '2026-W41')).toMatchObject({
      count: 2,
      required: 6,
      status: 'below',
    });
  });

  it('prints CSV with a BOM and CRLF line ends when asked', () => {
    const r = run('--month', '2026-10', '--now', NOW, '--format', 'csv', '--dir', dir);
    expect(r.status).toBe(0);
    const content = loadContent(dir).content;
    expect(r.stdout).toBe(formatCsv(expected('2026-10', NOW), content));
    expect(r.stdout.startsWith('\uFEFF月份,数据截至,类别,')).toBe(true);
    expect(r.stdout).toContain('\r\n2026-10,2026-10-31T23:59:59+08:00,articles,内刊投稿,east,华东区,');
  });

  it('tells missing from pending by --now, read in any offset and printed in Beijing time', () => {
    const after = JSON.parse(run('--month', '2026-10', '--now', '2026-10-31T16:00:00Z', '--dir', dir).stdout);
    expect(after.asOf).toBe('2026-11-01T00:00:00+08:00');
    expect(after.regions[1].articles.status).toBe('missing');
  });

  it('uses the current time, to the second, when --now is left out', () => {
    const before = Temporal.Now.instant().round({ smallestUnit: 'second', roundingMode: 'floor' });
    const r = run('--month', '2026-10', '--dir', dir);
    expect(r.status).toBe(0);
    const asOf: string = JSON.parse(r.stdout).asOf;
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    const at = Temporal.Instant.from(asOf);
    expect(Temporal.Instant.compare(at, before)).toBeGreaterThanOrEqual(0);
    expect(Temporal.Instant.compare(at, Temporal.Now.instant())).toBeLessThanOrEqual(0);
  });

  it('runs through the npm script', () => {
    const r = spawnSync(
      'npm',
      ['run', '--silent', 'compliance', '--', '--month', '2026-10', '--now', NOW, '--dir', dir],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(formatJson(expected('2026-10', NOW)));
  });
});

describe('errors: a Chinese reason on stderr, nothing on stdout, exit status 2', () => {
  it.each([
    [['--now', NOW], /缺少 --month/],
    [['--month', '2026-13'], /--month “2026-13” 不是月份/],
    [['--month', '2026-1'], /--month “2026-1” 不是月份/],
    [['--month', '十月'], /不是月份/],
    [['--month', '2026-10', '--now', '2026-10-31T23:59:59'], /缺少时区.*2026-10-31T23:59:59\+08:00/],
    [
      ['--month', '2026-10', '--now', '2026-02-30T12:00:00+08:00'],
      /--now “2026-02-30T12:00:00\+08:00” 不是存在的时间/,
    ],
    [['--month', '2026-10', '--now', 'tomorrow'], /--now “tomorrow” 格式不对/],
    [['--month', '2026-10', '--format', 'xlsx'], /--format “xlsx” 不支持，只能是 json 或 csv/],
    [['--month', '2026-10', '--bogus'], /不认识的参数 --bogus/],
    [['--month', '2026-10', 'extra'], /多余的参数 “extra”/],
    [['--month'], /参数 --month 后面缺少值/],
  ])('%j', (args, message) => {
    const r = run(...args, '--dir', dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^错误：/);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('用法：npm run compliance');
  });

  it('prints the loader’s report for invalid content', () => {
    const broken = writeTree({
      ...ORG,
      'articles/x.md': md(
        `title: 坏\nregion: atlantis\nauthor: wangfang\ncategory: other\nsubmitted: '2026-10-12T09:30:00'`,
      ),
    });
    const r = run('--month', '2026-10', '--dir', broken);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(formatProblems(loadContent(broken).problems).trim());
    expect(r.stderr).toContain('缺少时区');
  });

  it('says so when the content folder does not exist', () => {
    const r = run('--month', '2026-10', '--dir', join(dir, 'nowhere'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('找不到内容目录');
  });

  it('prints its usage for --help', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--format  json（默认）或 csv');
  });
});
