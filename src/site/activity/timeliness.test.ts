import { describe, expect, it } from 'vitest';
import { person, PEOPLE, REGIONS } from '../../../test/support/fixtures.ts';
import { timelinessGroups } from './timeliness.ts';

const counts = { onTime: 2, late: 1, missing: 1, pending: 3 };

describe('timelinessGroups', () => {
  const people = [
    ...PEOPLE,
    person('gone', 'rep', '2020-01-01', '2026-10-31'),
    person('later', 'rep', '2026-12-01'),
  ];

  it('groups people by region in the given order, those without one last, by role then id', () => {
    const groups = timelinessGroups(
      ['wangfang', 'liuyang', 'lina', 'zhangwei'].map((id) => ({ person: id, ...counts })),
      '2026-11',
      { regions: REGIONS, people },
    );
    expect(groups.map((g) => [g.name, g.lines.map((l) => l.person)])).toEqual([
      ['华南区', ['lina']],
      ['华东区', ['zhangwei', 'wangfang']],
      ['全部门', ['liuyang']],
    ]);
    expect(groups[0]!.lines[0]).toMatchObject({ name: '测试lina', due: 4, pending: 3 });
  });

  it('names nobody off the roster that month, even if a row for them reaches it', () => {
    const groups = timelinessGroups(
      ['gone', 'later', 'nobody', 'wangfang'].map((id) => ({ person: id, ...counts })),
      '2026-11',
      { regions: REGIONS, people },
    );
    expect(groups.flatMap((g) => g.lines.map((l) => l.person))).toEqual(['wangfang']);
    // Someone who left on the last day of October is still on October's list.
    const october = timelinessGroups([{ person: 'gone', ...counts }], '2026-10', {
      regions: REGIONS,
      people,
    });
    expect(october.flatMap((g) => g.lines.map((l) => l.name))).toEqual(['测试gone']);
  });
});
