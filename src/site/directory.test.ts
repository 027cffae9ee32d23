import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Person, Region } from '../model/index.ts';
import { activeMembers, isActive, makeDirectory, regionSummaries, roleLabel } from './directory.ts';

const regions: Region[] = [
  { id: 'east', name: '华东区', manager: 'zhangwei' },
  { id: 'south', name: '华南区', manager: 'lina' },
];
const people: Person[] = [
  { id: 'zhangwei', name: '张伟', role: 'manager', region: 'east', joined: '2024-01-01' },
  { id: 'wangfang', name: '王芳', role: 'rep', region: 'east', joined: '2025-03-01', left: '2026-10-15' },
  { id: 'chenjie', name: '陈杰', role: 'rep', region: 'east', joined: '2026-10-16' },
  { id: 'zhaolei', name: '赵磊', role: 'supervisor', region: 'east', joined: '2023-05-01' },
  { id: 'lina', name: '李娜', role: 'manager', region: 'south', joined: '2024-01-01' },
  { id: 'liuyang', name: '刘洋', role: 'head', joined: '2020-01-01' },
];
const day = (text: string) => Temporal.PlainDate.from(text);

describe('makeDirectory', () => {
  const entries = <T>(list: T[]) => list.map((data) => ({ data }));
  const dir = makeDirectory(entries(regions), entries(people));

  it('names people with their role label from the model', () => {
    expect(dir.personName('zhangwei')).toBe('张伟');
    expect(dir.personWithRole('zhangwei')).toBe('张伟（销售经理）');
    expect(dir.personWithRole('wangfang')).toBe('王芳（临床推广代表/业务员）');
    expect(roleLabel('head')).toBe('部长');
  });

  it('keeps the roster in file order', () => {
    expect(dir.regions.map((r) => r.id)).toEqual(['east', 'south']);
    expect(dir.regionIds).toEqual(['east', 'south']);
    expect(dir.people).toHaveLength(people.length);
  });

  it('names regions, and department-wide for none', () => {
    expect(dir.regionName('south')).toBe('华南区');
    expect(dir.regionName(undefined)).toBe('全部门');
    expect(dir.region('east')?.manager).toBe('zhangwei');
  });

  it('falls back to the id for unknown references', () => {
    expect(dir.personName('nobody')).toBe('nobody');
    expect(dir.personWithRole('nobody')).toBe('nobody');
    expect(dir.regionName('nowhere')).toBe('nowhere');
    expect(dir.person('nobody')).toBeUndefined();
  });
});

describe('the active roster', () => {
  const wangfang = people[1]!;

  it('counts the day of joining and the day of leaving', () => {
    expect(isActive(wangfang, day('2025-02-28'))).toBe(false);
    expect(isActive(wangfang, day('2025-03-01'))).toBe(true);
    expect(isActive(wangfang, day('2026-10-15'))).toBe(true);
    expect(isActive(wangfang, day('2026-10-16'))).toBe(false);
  });

  it('lists a region by role, then id', () => {
    expect(activeMembers(people, 'east', day('2026-10-15')).map((p) => p.id)).toEqual([
      'zhangwei',
      'zhaolei',
      'wangfang',
    ]);
    expect(activeMembers(people, 'east', day('2026-10-16')).map((p) => p.id)).toEqual([
      'zhangwei',
      'zhaolei',
      'chenjie',
    ]);
  });
});

describe('regionSummaries', () => {
  it('counts active people and articles per region, in file order', () => {
    const dir = makeDirectory(
      regions.map((data) => ({ data })),
      people.map((data) => ({ data })),
    );
    const articles = [
      { data: { region: 'south' } },
      { data: { region: 'east' } },
      { data: { region: 'south' } },
    ];
    expect(
      regionSummaries(dir, articles, day('2026-10-16')).map((s) => [s.region.id, s.members, s.articles]),
    ).toEqual([
      ['east', 3, 1],
      ['south', 1, 2],
    ]);
  });
});
