import { describe, expect, it } from 'vitest';
import { article, makeContent, meeting, person, report } from '../../../test/support/fixtures.ts';
import { peopleOfMonth } from './people.ts';

describe('peopleOfMonth', () => {
  const content = makeContent({
    people: [
      person('zhangwei', 'manager'),
      person('wangfang', 'rep'),
      person('lina', 'manager', '2020-01-01', undefined, 'south'),
      person('gone', 'rep', '2020-01-01', '2026-09-30'),
      person('late', 'rep', '2026-11-01'),
      person('leftmid', 'rep', '2020-01-01', '2026-10-15'),
      { id: 'liuyang', name: '刘洋', role: 'head', joined: '2020-01-01' },
    ],
    articles: [
      article('east', '2026-10-31T23:59:59+08:00', 'wangfang'),
      article('east', '2026-10-31T16:00:00Z', 'wangfang'), // November in Beijing
      article('east', '2026-10-03T09:00:00+08:00', 'gone'),
    ],
    meetings: [
      meeting('east', '2026-10-12T14:00:00+08:00'),
      meeting('east', '2026-10-13T08:30:00+08:00', { kind: 'morning' }),
    ],
    reports: [
      report('zhangwei', 'weekly', '2026-W40', '2026-10-05T09:00:00+08:00'),
      report('zhangwei', 'daily', '2026-10-12', '2026-10-12T20:00:00+08:00'),
      report('zhangwei', 'weekly', '2026-W39', '2026-09-30T23:00:00+08:00'),
    ],
  });
  const rows = peopleOfMonth(content, '2026-10');
  const of = (id: string) => rows.find((r) => r.person.id === id);

  it('counts articles by submitted time, sales meetings by start, reports of any kind by submitted time', () => {
    expect(of('wangfang')).toMatchObject({ articles: 1, meetings: 0, reports: 0 });
    expect(of('zhangwei')).toMatchObject({ articles: 0, meetings: 1, reports: 2 });
  });

  it('lists people active on some day of the month, and anyone with a submission in it', () => {
    expect(rows.map((r) => r.person.id)).toEqual([
      'zhangwei',
      'gone',
      'leftmid',
      'wangfang',
      'lina',
      'liuyang',
    ]);
    expect(of('late')).toBeUndefined();
    expect(of('gone')).toMatchObject({ articles: 1 });
  });

  it('refuses a month that does not exist', () => {
    expect(() => peopleOfMonth(content, '2026-13')).toThrow(/不是月份/);
  });
});
