/**
 * Bad work logs (issue 12): every problem of every file in one run, each naming the file, the line and the
 * field in Chinese. Real files in a temporary folder, read by the loader the build uses.
 */
import { describe, expect, it } from 'vitest';
import { ORG, md, writeTree } from '../../test/support/tree.ts';
import { ACTIVITY_LIMITS } from '../model/limits.ts';
import { loadContent } from './load.ts';
import { formatProblems } from './problems.ts';

const LOG = 'worklogs/2026/2026-10-wangfang.md';

/** A work log of wangfang (on the roster until 2026-10-15) for October with the given `days` YAML. */
const log = (days: string, month = '2026-10', person = 'wangfang') =>
  md(`person: ${person}\nregion: east\nmonth: '${month}'\ndays:\n${days}`, '');

const GOOD_DAY = `  - date: '2026-10-12'
    plan: 拜访市一医院心内科
    done:
      - 09:00-11:30 拜访市一医院心内科
    visits: 2
    visitList:
      - customer: 市一医院心内科
        contact: 李主任
      - customer: 康宁药房
    calls: 12
    filed: '2026-10-12T08:20:00+08:00'
    updated: '2026-10-12T18:05:00+08:00'
`;

describe('work logs', () => {
  it('loads a good log, with its rows', () => {
    const { content, problems } = loadContent(writeTree({ ...ORG, [LOG]: log(GOOD_DAY) }));
    expect(problems).toEqual([]);
    expect(content.worklogs).toHaveLength(1);
    expect(content.worklogs[0]!.data.days?.[0]).toMatchObject({ date: '2026-10-12', visits: 2, calls: 12 });
  });

  it('reports every bad row of every log at once, with file, line and field', () => {
    const bad = `  - date: '2026-11-02'
    visits: 1
    visitList:
      - customer: 市一医院
  - date: '2026-10-13'
    visits: 3
    visitList:
      - customer: 市一医院
  - date: '2026-10-13'
    calls: ${ACTIVITY_LIMITS.calls + 1}
  - date: '2026-10-14'
    visits: -1
    posts: 2.5
  - date: '2026-10-15'
    filed: '2026-10-14T23:59:00+08:00'
`;
    const root = writeTree({
      ...ORG,
      [LOG]: log(bad),
      // wangfang left on 2026-10-15: a November log names someone no longer on the roster.
      'worklogs/2026/2026-11-wangfang.md': log(`  - date: '2026-11-02'\n`, '2026-11'),
      'worklogs/2026/2026-10-nobody.md': log(`  - date: '2026-10-12'\n`, '2026-10', 'nobody'),
    });
    const { content, problems } = loadContent(root);
    // Reference problems stop the build like any other; the log with bad rows is not content at all.
    expect(content.worklogs.map((w) => w.id)).not.toContain('2026-10-wangfang');
    const at = (file: string) =>
      problems.filter((p) => p.file.endsWith(file)).map((p) => [p.key, p.line, p.message] as const);

    expect(at(LOG)).toEqual([
      ['days.1.visits', 11, '为 3，但拜访明细列了 1 条：两者应一致'],
      ['days.2.calls', 15, `不能大于 ${ACTIVITY_LIMITS.calls}`],
      ['days.3.visits', 17, '不能小于 0'],
      ['days.3.posts', 18, '应为整数'],
      ['days.4.filed', 20, '2026-10-14T23:59:00+08:00 早于这一行的日期 2026-10-15：不能提前填写'],
      ['days.0.date', 6, '2026-11-02 不在月份 2026-10 内'],
      ['days.2.date', 14, '“2026-10-13” 与第 2 行重复：每个日期只能有一行'],
    ]);
    expect(at('2026-11-wangfang.md')).toEqual([
      ['person', 2, '“wangfang” 在 2026-11 不在花名册上（入职、离职日期之外）'],
    ]);
    expect(at('2026-10-nobody.md')).toEqual([
      ['person', 2, '人员 “nobody” 不存在：应为 content/org/people.yaml 中的编号'],
    ]);
    // The report a person reads names the field in Chinese beside the key.
    const report = formatProblems(problems);
    expect(report).toContain('days.1.visits');
    expect(report).toContain('有效拜访数');
  });

  it('refuses a second log of the same person for the same month, naming the first', () => {
    const root = writeTree({
      ...ORG,
      [LOG]: log(GOOD_DAY),
      'worklogs/2026/2026-10-wangfang-2.md': log(`  - date: '2026-10-13'\n`),
    });
    const { problems } = loadContent(root);
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/worklogs\/2026\/2026-10-wangfang-2\.md$/),
        message: expect.stringMatching(
          /^与 .*2026-10-wangfang\.md 的姓名、月份相同：同一姓名、月份只能有一个工作日志文件/,
        ),
      }),
    ]);
  });

  it('checks the people of a morning meeting record against the roster', () => {
    const meeting = md(`title: 周一晨会
kind: morning
organizer: zhangwei
start: '2026-10-12T10:00:00+08:00'
records:
  - person: wangfang
    plan: 拜访市一医院
  - person: ghost
    plan: 电话回访
`);
    const { problems } = loadContent(
      writeTree({ ...ORG, 'meetings/2026/2026-10-12-zhangwei-1000.md': meeting }),
    );
    expect(problems.map((p) => [p.key, p.message])).toEqual([
      ['records.1.person', '人员 “ghost” 不存在：应为 content/org/people.yaml 中的编号'],
    ]);
  });
});
