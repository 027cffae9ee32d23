/** The gate's rules for work logs: their names, their rows' server times, no day to come. */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { refusalOf as refusal } from '../../test/support/refusal.ts';
import { parseYaml, splitFrontMatter } from '../load/yaml.ts';
import type { Person } from '../model/index.ts';
import { GATE_PEOPLE, GATE_REGIONS } from '../../test/support/gate-roster.ts';
import { prepareEntry } from './entry.ts';
import { classify } from './paths.ts';
import { userOf } from './rights.ts';

const people: Person[] = [
  ...GATE_PEOPLE,
  { id: 'gaoping', name: '高萍', role: 'rep', region: 'east', joined: '2020-03-01', left: '2026-10-15' },
];
const regions = GATE_REGIONS;
const roster = { people, regions };
const rep = userOf(people[0]!, false);
const manager = userOf(people[1]!, false);
const otherManager = userOf(people[2]!, false);
const now = Temporal.Instant.from('2026-11-30T01:30:15Z'); // 09:30:15 in Beijing, Monday 30 November
const NOW = '2026-11-30T09:30:15+08:00';
const LOG = 'content/worklogs/2026/2026-11-xuning.md';

const log = (days: string, { person = 'xuning', month = '2026-11' } = {}) =>
  `---\nperson: ${person}\nregion: east\nmonth: '${month}'\n${days ? `days:\n${days}` : ''}---\n`;
const row = (date: string, extra = '') => `  - date: '${date}'\n    plan: 拜访市一医院\n${extra}`;
const front = (text: string) => parseYaml(splitFrontMatter(text)!.yaml).value as Record<string, unknown>;
const save = (
  path: string,
  raw: string,
  options: { previous?: string; user?: typeof rep; at?: Temporal.Instant } = {},
) =>
  prepareEntry({
    target: classify(path),
    raw,
    previous: options.previous,
    user: options.user ?? rep,
    now: options.at ?? now,
    roster,
  });

describe('work-log names', () => {
  it('knows a log by its month and person, under the month’s year', () => {
    expect(classify(LOG)).toMatchObject({
      kind: 'submission',
      collection: { name: 'worklogs' },
      slug: '2026/2026-11-xuning',
      monthly: { month: '2026-11', person: 'xuning' },
    });
    expect('monthly' in classify('content/worklogs/2025/2026-11-xuning.md')).toBe(false);
    expect('monthly' in classify('content/worklogs/2026/2026-13-xuning.md')).toBe(false);
  });

  it('refuses a new log named otherwise, a second one for the month, and one for a month to come', () => {
    const timed = refusal(() => save('content/worklogs/2026/2026-11-30-xuning-093015.md', log('')));
    expect([timed.status, timed.message]).toEqual([403, expect.stringContaining('2026/2026-11-xuning')]);
    // What Decap names a second log of the same month.
    const second = refusal(() => save('content/worklogs/2026/2026-11-xuning-1.md', log('')));
    expect(second.status).toBe(409);
    expect(second.message).toContain('《日工作计划与日志2611-徐宁》已经有了');
    const december = refusal(() =>
      save('content/worklogs/2026/2026-12-xuning.md', log('', { month: '2026-12' })),
    );
    expect([december.status, december.message]).toEqual([
      422,
      expect.stringContaining('不能提前建立 2026-12'),
    ]);
    // A past month is fine: a log can be begun late.
    expect(save('content/worklogs/2026/2026-10-xuning.md', log('', { month: '2026-10' })).data.month).toBe(
      '2026-10',
    );
  });

  it('refuses a log whose month or person is not the one its name says, on every save', () => {
    const first = save(LOG, log(row('2026-11-30')));
    const error = refusal(() =>
      save(LOG, log(row('2026-10-30'), { month: '2026-10' }), { previous: first.content.toString() }),
    );
    expect(error.status).toBe(422);
    expect(error.message).toContain('month（月份）：应为文件名中的 2026-11');
    expect(refusal(() => save(LOG, log('', { person: 'luoxinhua' }), { user: manager })).message).toContain(
      'person（姓名）：应为文件名中的 xuning',
    );
  });
});

describe('work-log rows', () => {
  it('stamps each row’s 填写时间 and 最后修改时间 on the server and stores the latest day first', () => {
    const forged = "    filed: '2026-11-01T08:00:00+08:00'\n    updated: '2026-11-01T08:00:00+08:00'\n";
    const first = save(LOG, log(row('2026-11-27') + row('2026-11-30', forged)));
    const stored = front(first.content.toString());
    expect(stored.days).toEqual([
      { date: '2026-11-30', plan: '拜访市一医院', filed: NOW },
      { date: '2026-11-27', plan: '拜访市一医院', filed: NOW },
    ]);
    const later = Temporal.Instant.from('2026-11-30T10:00:00Z');
    const edited = save(
      LOG,
      log(row('2026-11-30', '    completion: 已完成\n') + row('2026-11-27').replace('市一医院', '市二医院')),
      { previous: first.content.toString(), at: later },
    );
    expect(front(edited.content.toString()).days).toEqual([
      { date: '2026-11-30', plan: '拜访市一医院', completion: '已完成', filed: NOW },
      { date: '2026-11-27', plan: '拜访市二医院', filed: NOW, updated: '2026-11-30T18:00:00+08:00' },
    ]);
  });

  it('refuses a row for a day after the server’s Beijing today, whatever the browser’s clock', () => {
    // 23:59 in Los Angeles on 30 November is 1 December in Beijing: the row of the 1st is today's then.
    const late = Temporal.Instant.from('2026-11-30T16:30:00Z');
    const error = refusal(() => save(LOG, log(row('2026-11-30') + row('2026-12-01'))));
    expect(error.status).toBe(422);
    expect(error.message).toContain('不能提前填写 2026-12-01 的记录');
    const inDecember = refusal(() => save(LOG, log(row('2026-12-01')), { at: late }));
    // The day is now today, but outside the log's month: the build's rule says so.
    expect(inDecember.message).not.toContain('不能提前填写');
    expect(inDecember.message).toContain('不在月份 2026-11 内');
  });

  it('checks rows with the build’s rules, all problems at once', () => {
    const error = refusal(() =>
      save(LOG, log(row('2026-11-30', '    visits: 2\n') + row('2026-11-30') + row('2026-10-31'))),
    );
    expect(error.status).toBe(422);
    expect(error.message).toContain('有效拜访数）：为 2，但拜访明细列了 0 条');
    expect(error.message).toContain('重复');
    expect(error.message).toContain('2026-10-31 不在月份 2026-11 内');
  });

  it('refuses a log for a person not on the roster in its month, as the build does', () => {
    const raw = log(row('2026-11-30'), { person: 'gaoping' });
    const error = refusal(() => save('content/worklogs/2026/2026-11-gaoping.md', raw, { user: manager }));
    expect(error.message).toContain('person（姓名）：“gaoping” 在 2026-11 不在花名册上');
    const october = log(row('2026-10-14'), { person: 'gaoping', month: '2026-10' });
    expect(save('content/worklogs/2026/2026-10-gaoping.md', october, { user: manager }).data.person).toBe(
      'gaoping',
    );
  });

  it('lets the region’s manager write a rep’s log, and no other region’s', () => {
    expect(save(LOG, log(row('2026-11-30')), { user: manager }).data.savedBy).toBe('luoxinhua');
    expect(refusal(() => save(LOG, log(row('2026-11-30')), { user: otherManager })).status).toBe(403);
  });
});
