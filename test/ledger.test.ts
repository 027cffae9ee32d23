/**
 * Tamper evidence end to end (issue 10): a clone of the repository starts its ledger, a rep hand-commits a
 * weekly report whose `submitted` and git dates are both forged to before the deadline, CI records the
 * commit in the ledger, and the build's month page and the CLI export both flag the report as 时间存疑,
 * counted late by when it was first seen.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/load/load.ts';
import { computeCompliance, type ComplianceExport } from '../src/rules/compliance.ts';
import { beijingDateTime } from '../src/site/format.ts';
import { build, BUILD_NOW, read, type Build } from './support/build.ts';
import { cloneRepo, git } from './support/cms.ts';

const node = join(process.cwd(), 'node_modules/.bin/node');
const MONTH = '2026-11';
/** CI first sees the forged commit here: a week after the deadline it claims to have met. */
const SEEN = '2026-11-24T10:00:00+08:00';

const run = (script: string, ...args: string[]) => {
  const result = spawnSync(node, [join('scripts', script), ...args], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};

type Element = ReturnType<typeof DomUtils.findAll>[number];
const text = (el: Element | null | undefined) =>
  el ? DomUtils.textContent(el).replace(/\s+/g, ' ').trim() : '';

let repo: string;
let site: Build;
let target: { person: string; period: string; region: string; claimed: string; id: string };
let baselineOutput: string;
let ciOutput: string;

beforeAll(() => {
  repo = cloneRepo();
  baselineOutput = run('ledger.ts', '--repo', repo, '--now', '2026-11-20T09:00:00+08:00');

  // A weekly report nobody filed: the rep fills the gap afterwards and claims a time before the deadline.
  const { content } = loadContent(join(repo, 'content'));
  const before = computeCompliance(content, { month: MONTH, asOf: Temporal.Instant.from(BUILD_NOW) });
  const missing = before.reports.find((r) => r.kind === 'weekly' && r.status === 'missing')!;
  expect(missing, 'the sample has a missing weekly report in 2026-11').toBeDefined();
  const person = content.people.find((p) => p.id === missing.person)!;
  const claimed = Temporal.Instant.from(missing.due)
    .subtract({ hours: 3 })
    .toZonedDateTimeISO('Asia/Shanghai')
    .toString({ timeZoneName: 'never' });
  const id = `weekly-${missing.period.toLowerCase()}-${person.id}-late`;
  target = { person: person.id, period: missing.period, region: person.region!, claimed, id };
  writeFileSync(
    join(repo, 'content/reports/2026', `${id}.md`),
    [
      '---',
      'kind: weekly',
      `author: ${person.id}`,
      `region: ${person.region}`,
      `period: '${missing.period}'`,
      `submitted: '${claimed}'`,
      '---',
      '',
      '本周拜访医院五家。',
      '',
    ].join('\n'),
  );
  git(repo, 'add', 'content');
  // The forged git dates hide the backdating from a look at the history.
  execFileSync('git', ['-C', repo, 'commit', '-q', '-m', '补交周报'], {
    env: { ...process.env, GIT_AUTHOR_DATE: claimed, GIT_COMMITTER_DATE: claimed },
  });
  expect(git(repo, 'log', '-1', '--format=%cI')).toBe(claimed);

  ciOutput = run('ledger.ts', '--repo', repo, '--now', SEEN);
  site = build(join(repo, 'content'));
});

describe('a backdated weekly report with forged git dates', () => {
  it('is recorded by CI as first seen when CI saw it, the sample being the baseline', () => {
    expect(baselineOutput).toMatch(
      /^已建立首次出现台账（portal-ledger 分支）：主分支 [0-9a-f]{12} 中已有的 \d+ 个投稿文件记为基线/,
    );
    expect(ciOutput).toContain(`台账登记了 1 个首次出现的文件（${SEEN}，`);
    expect(ciOutput).toContain(`content/reports/2026/${target.id}.md`);
  });

  it('is 时间存疑 in the CLI export and counts late, by its first sighting', () => {
    const exported = JSON.parse(
      run('compliance.ts', '--dir', join(repo, 'content'), '--month', MONTH, '--now', BUILD_NOW),
    ) as ComplianceExport;
    const row = exported.reports.find((r) => r.person === target.person && r.period === target.period);
    expect(row).toEqual({
      person: target.person,
      kind: 'weekly',
      period: target.period,
      due: expect.any(String),
      submitted: target.claimed,
      status: 'late',
      suspect: true,
      firstSeen: SEEN,
    });
    // Only this row: the sample is the baseline, never suspect.
    expect(exported.reports.filter((r) => r.suspect)).toHaveLength(1);
    expect(exported.regions.filter((r) => r.articles.suspect || r.meetings.suspect)).toEqual([]);
    const csv = run(
      'compliance.ts',
      '--dir',
      join(repo, 'content'),
      '--month',
      MONTH,
      '--now',
      BUILD_NOW,
      '--format',
      'csv',
    );
    expect(csv).toContain(`逾期（时间存疑：首次出现于 ${SEEN}，按此时间计）`);
  });

  it('is listed on the month page under 时间存疑 with both times, as the downloads say', () => {
    expect(site.status, site.output).toBe(0);
    const html = read(site.outDir, `manage/compliance/${MONTH}/index.html`);
    const doc = parseDocument(html);
    const section = DomUtils.getElementById('suspect-heading', doc.children)!.parent as Element;
    expect(text(DomUtils.findOne((e) => e.name === 'h2', [section]))).toBe('时间存疑');
    const rows = DomUtils.getElementsByTagName('tr', section).filter((tr) => tr.attribs.id);
    expect(rows.map((tr) => tr.attribs.id)).toEqual([`suspect-reports-${target.id}`]);
    const row = text(rows[0]);
    expect(row).toContain('工作汇报');
    expect(row).toContain(`提交时间：${beijingDateTime(target.claimed, { zone: false })}`);
    expect(row).toContain(beijingDateTime(SEEN, { zone: false }));
    expect(DomUtils.findOne((e) => e.name === 'a', [rows[0]!])?.attribs.href).toBe(
      `/manage/reports/${target.id}/`,
    );
    // The table has a caption and header cells for screen readers.
    expect(text(DomUtils.findOne((e) => e.name === 'caption', [section]))).toBe('2026年11月时间存疑的条目');
    expect(
      DomUtils.getElementsByTagName('th', section).filter((th) => th.attribs.scope === 'col'),
    ).toHaveLength(6);

    // The due-reports table counts it late and shows the sighting under the claimed time.
    const due = DomUtils.getElementById(`report-${target.person}-weekly-${target.period}`, doc.children);
    expect(text(due)).toContain(`时间存疑，首次出现于 ${beijingDateTime(SEEN, { zone: false })}`);
    expect(text(due)).toContain('逾期');

    const cli = run('compliance.ts', '--dir', join(repo, 'content'), '--month', MONTH, '--now', BUILD_NOW);
    expect(read(site.outDir, `manage/compliance/${MONTH}.json`)).toBe(cli);
  });
});
