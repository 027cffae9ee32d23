import { describe, expect, it } from 'vitest';
import { pathsToRender, touchedValues } from './select.ts';

describe('touchedValues', () => {
  it('collects the strings of an entry and the Beijing month of its times', () => {
    const values = touchedValues({
      author: 'zhangsan',
      region: 'east',
      submitted: '2026-11-30T23:30:00-01:00',
      tags: ['学术推广'],
      period: '2026-10',
    });
    expect([...values]).toEqual(
      expect.arrayContaining(['zhangsan', 'east', '学术推广', '2026-10', '2026-12']),
    );
    // Late on the 30th at UTC-1 is already December in Beijing.
    expect(values.has('2026-11')).toBe(false);
  });

  it('takes the Beijing month of a Date', () => {
    expect(touchedValues(new Date('2026-10-31T17:00:00Z')).has('2026-11')).toBe(true);
  });
});

describe('pathsToRender', () => {
  const before = new Map<string, string | undefined>([
    ['/articles/a/', 'k1'],
    ['/articles/b/', 'k2'],
    ['/', undefined],
    ['/issues/2026-10/', undefined],
  ]);

  it('renders a keyed page when its key changed or it is new, not otherwise', () => {
    const after = [
      { pathname: '/articles/a/', params: ['a'], cacheKey: 'k1' },
      { pathname: '/articles/b/', params: ['b'], cacheKey: 'k2-new' },
      { pathname: '/articles/c/', params: ['c'], cacheKey: 'k3' },
    ];
    expect(pathsToRender(before, after, new Set())).toEqual(['/articles/b/', '/articles/c/']);
  });

  it('renders an unkeyed page without parameters always, with parameters when one is touched', () => {
    const after = [
      { pathname: '/', params: [] },
      { pathname: '/issues/2026-10/', params: ['2026-10'] },
      { pathname: '/issues/2026-11/', params: ['2026-11'] },
    ];
    expect(pathsToRender(before, after, new Set(['2026-11']))).toEqual(['/', '/issues/2026-11/']);
  });
});
