import { describe, expect, it } from 'vitest';
import type { Person, Region } from '../model/index.ts';
import { filterFields, indexedPages } from './choices.ts';

const regions: Region[] = [
  { id: 'east', name: '华东区', manager: 'wang' },
  { id: 'north', name: '华北区', manager: 'li' },
];
const person = (id: string, name: string, region?: string): Person => ({
  id,
  name,
  role: region ? 'rep' : 'head',
  region,
  joined: '2020-01-01',
});
const people = [person('wang', '王芳', 'east'), person('li', '李强', 'north'), person('zhao', '赵部长')];

describe('filterFields', () => {
  const items = indexedPages({
    articles: [{ data: { submitted: '2026-03-01T09:00:00+08:00', author: 'wang' } }],
    meetings: [{ data: { start: '2026-01-31T17:00:00Z', organizer: 'zhao' } }],
  });
  const fields = filterFields(['article', 'meeting'], regions, people, items);
  const field = (key: string) => fields.find((f) => f.key === key)!;
  const values = (key: string) => field(key).groups.flatMap((g) => g.choices.map((c) => c.value));

  it('offers the kinds of this page only, and no report kinds on the staff page', () => {
    expect(values('kind')).toEqual(['article', 'meeting']);
    expect(fields.map((f) => f.key)).toEqual(['kind', 'region', 'month', 'author', 'category', 'meeting']);
  });

  it('offers months that have content, newest first, in Beijing time', () => {
    expect(field('month').groups[0]!.choices).toEqual([
      { value: '2026-03', label: '2026年3月' },
      { value: '2026-02', label: '2026年2月' },
    ]);
  });

  it('offers people who wrote or organised something, under their region', () => {
    expect(field('author').groups).toEqual([
      { label: '华东区', choices: [{ value: 'wang', label: '王芳' }] },
      { label: '部门', choices: [{ value: 'zhao', label: '赵部长' }] },
    ]);
  });

  it('offers department-wide as a region, and report kinds on the managers page', () => {
    expect(values('region')).toEqual(['east', 'north', 'department']);
    const manage = filterFields(['article', 'meeting', 'report'], regions, people, items);
    expect(manage.map((f) => f.key)).toContain('report');
  });
});
