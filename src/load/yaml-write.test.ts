import { describe, expect, it } from 'vitest';
import { parseYaml } from './yaml.ts';
import { toYaml } from './yaml-write.ts';

describe('toYaml', () => {
  it('quote dates, datetimes, months, ISO weeks and quarters', () => {
    expect(
      toYaml({
        day: '2026-10-12',
        at: '2026-10-12T09:30:15+08:00',
        month: '2026-10',
        week: '2026-W42',
        quarter: '2026-Q4',
      }),
    ).toBe(
      "day: '2026-10-12'\nat: '2026-10-12T09:30:15+08:00'\nmonth: '2026-10'\nweek: '2026-W42'\nquarter: '2026-Q4'\n",
    );
  });

  it('leave other strings and numbers plain, and never fold long lines', () => {
    const long = '很长的一句话'.repeat(40);
    expect(toYaml({ title: '标题', year: 2026, code: '2026', long })).toBe(
      `title: 标题\nyear: 2026\ncode: "2026"\nlong: ${long}\n`,
    );
  });

  it('write what the build reads back unchanged', () => {
    const value = [{ id: 'east', name: '华东区', start: '2026-10-20T14:00:00+08:00', tags: ['a', 'b'] }];
    expect(parseYaml(toYaml(value)).value).toEqual(value);
  });
});
