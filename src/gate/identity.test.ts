import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Person } from '../model/index.ts';
import { sameSecret, whoIs } from './identity.ts';
import { Refusal } from './refusal.ts';

const people: Person[] = [
  { id: 'xuning', name: '徐宁', role: 'rep', region: 'east', joined: '2022-10-25' },
  {
    id: 'wangli',
    name: '王丽',
    role: 'rep',
    region: 'east',
    joined: '2020-01-01',
    left: '2026-11-29',
    login: 'w.li',
  },
  { id: 'chenyu', name: '陈雨', role: 'manager', region: 'south', joined: '2026-12-01' },
  { id: 'hejianguo', name: '何建国', role: 'head', joined: '2017-08-01', login: 'he.jg@corp' },
];
const roster = { people, regions: [] };
// 2026-11-30 00:30 in Beijing is still 11-29 in UTC: the roster's days are Beijing days.
const now = Temporal.Instant.from('2026-11-29T16:30:00Z');
const header = { kind: 'header' as const, header: 'Remote-User', admins: ['xuning'] };

const status = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(Refusal);
    expect((error as Error).message).toMatch(/\p{Script=Han}/u);
    return (error as Refusal).status;
  }
  return 200;
};

describe('whoIs with a login proxy', () => {
  it('maps the login header to the roster by login, else id; administrators by configuration', () => {
    expect(whoIs(header, { 'remote-user': 'he.jg@corp' }, roster, now)).toMatchObject({ id: 'hejianguo' });
    expect(whoIs(header, { 'remote-user': 'xuning' }, roster, now)).toMatchObject({
      id: 'xuning',
      region: 'east',
      rights: { org: true },
    });
  });

  it('refuses no header, strangers, people who left and people who have not joined yet', () => {
    expect(status(() => whoIs(header, {}, roster, now))).toBe(401);
    expect(status(() => whoIs(header, { 'remote-user': '  ' }, roster, now))).toBe(401);
    expect(status(() => whoIs(header, { 'remote-user': 'mallory' }, roster, now))).toBe(403);
    expect(status(() => whoIs(header, { 'remote-user': 'w.li' }, roster, now))).toBe(403);
    expect(status(() => whoIs(header, { 'remote-user': 'wangli' }, roster, now))).toBe(403);
    expect(status(() => whoIs(header, { 'remote-user': 'chenyu' }, roster, now))).toBe(403);
    // The day one leaves still counts (the roster's rule).
    const lastDay = Temporal.Instant.from('2026-11-29T15:59:59Z');
    expect(whoIs(header, { 'remote-user': 'w.li' }, roster, lastDay)).toMatchObject({ id: 'wangli' });
  });
});

describe('whoIs on npm start', () => {
  const local = { kind: 'local' as const, token: 'secret-of-this-run-0123456789' };
  it('lets in only the X-Portal-Key header with this run’s secret, never a cookie', () => {
    expect(whoIs(local, { 'x-portal-key': 'secret-of-this-run-0123456789' }, roster, now).id).toBe('local');
    expect(status(() => whoIs(local, {}, roster, now))).toBe(401);
    expect(status(() => whoIs(local, { 'x-portal-key': 'secret-of-this-run-012345678' }, roster, now))).toBe(
      401,
    );
    expect(
      status(() => whoIs(local, { cookie: 'portal_gate=secret-of-this-run-0123456789' }, roster, now)),
    ).toBe(401);
    expect(status(() => whoIs(local, { 'remote-user': 'hejianguo' }, roster, now))).toBe(401);
  });

  it('compares secrets exactly', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abd', 'abc')).toBe(false);
    expect(sameSecret(undefined, 'abc')).toBe(false);
    expect(sameSecret('ab', 'abc')).toBe(false);
  });
});
