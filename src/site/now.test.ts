import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { currentMonth, resolveNow, today } from './now.ts';

const clock = () => Temporal.Instant.from('2030-01-01T00:00:00Z');

describe('resolveNow', () => {
  it('uses PORTAL_NOW when it is set', () => {
    const now = resolveNow({ PORTAL_NOW: '2026-10-20T12:00:00+08:00' }, clock);
    expect(now.toString()).toBe('2026-10-20T04:00:00Z');
  });

  it('accepts any explicit offset, including Z', () => {
    expect(resolveNow({ PORTAL_NOW: '2026-10-31T16:00:00Z' }, clock).epochMilliseconds).toBe(
      Temporal.Instant.from('2026-11-01T00:00:00+08:00').epochMilliseconds,
    );
  });

  it('falls back to the clock when PORTAL_NOW is absent or empty', () => {
    expect(resolveNow({}, clock).equals(clock())).toBe(true);
    expect(resolveNow({ PORTAL_NOW: '  ' }, clock).equals(clock())).toBe(true);
  });

  it('uses the real clock by default', () => {
    const before = Temporal.Now.instant();
    const now = resolveNow({});
    expect(Temporal.Instant.compare(now, before)).toBeGreaterThanOrEqual(0);
  });

  it.each(['2026-10-20T12:00:00', '2026-10-20', 'tomorrow', '2026-02-30T12:00:00+08:00'])(
    'rejects %s instead of silently using the clock',
    (value) => {
      expect(() => resolveNow({ PORTAL_NOW: value }, clock)).toThrow(/PORTAL_NOW/);
    },
  );
});

describe('current month and day are Beijing ones', () => {
  it('puts the last second of October in October', () => {
    const now = resolveNow({ PORTAL_NOW: '2026-10-31T23:59:59+08:00' });
    expect(currentMonth(now)).toBe('2026-10');
    expect(today(now).toString()).toBe('2026-10-31');
  });

  it('puts midnight of 1 November in November, even when written in UTC', () => {
    const now = resolveNow({ PORTAL_NOW: '2026-10-31T16:00:00Z' });
    expect(currentMonth(now)).toBe('2026-11');
    expect(today(now).toString()).toBe('2026-11-01');
  });
});
