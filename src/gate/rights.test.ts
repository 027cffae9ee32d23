import { describe, expect, it } from 'vitest';
import type { Person } from '../model/index.ts';
import { covers, LOCAL_ADMIN, RIGHTS, userOf } from './rights.ts';

const person = (id: string, role: Person['role'], region?: string): Person => ({
  id,
  name: id,
  role,
  ...(region ? { region } : {}),
  joined: '2020-01-01',
});
const regions: Record<string, string> = { xuning: 'east', liuliang: 'east', zhangsan: 'south' };
const regionOf = (id: string) => regions[id];

describe('the rights table', () => {
  it('gives every roster role a row, and publishing only to managers and the head', () => {
    expect(Object.keys(RIGHTS).sort()).toEqual(['head', 'manager', 'office', 'rep', 'supervisor']);
    const publishers = Object.entries(RIGHTS)
      .filter(([, r]) => r.publish !== 'none')
      .map(([role]) => role);
    expect(publishers.sort()).toEqual(['head', 'manager']);
    expect(
      Object.entries(RIGHTS)
        .filter(([, r]) => r.org)
        .map(([role]) => role),
    ).toEqual(['head']);
  });

  it('makes an administrator of anyone the configuration names, and of the machine’s owner', () => {
    expect(userOf(person('xuning', 'rep', 'east'), true).rights.org).toBe(true);
    expect(userOf(person('xuning', 'rep', 'east'), false).rights.org).toBe(false);
    expect(LOCAL_ADMIN.rights).toMatchObject({ write: 'all', publish: 'all', org: true });
  });
});

describe('covers', () => {
  const rep = userOf(person('xuning', 'rep', 'east'), false);
  const manager = userOf(person('luoxinhua', 'manager', 'east'), false);

  it('own: only the entry’s person', () => {
    expect(covers('own', rep, { person: 'xuning', region: 'south' }, regionOf)).toBe(true);
    expect(covers('own', rep, { person: 'liuliang', region: 'east' }, regionOf)).toBe(false);
    expect(covers('own', rep, {}, regionOf)).toBe(false);
  });

  it('region: the person’s roster region, else (no region on the roster) the entry’s, or one’s own entry', () => {
    expect(covers('region', manager, { person: 'xuning', region: 'east' }, regionOf)).toBe(true);
    expect(covers('region', manager, { person: 'zhangsan', region: 'south' }, regionOf)).toBe(false);
    // The roster decides: an entry naming another region does not leave (or enter) the manager's sight.
    expect(covers('region', manager, { person: 'zhangsan', region: 'east' }, regionOf)).toBe(false);
    expect(covers('region', manager, { person: 'liuliang', region: 'south' }, regionOf)).toBe(true);
    expect(covers('region', manager, { person: 'hejianguo', region: 'east' }, regionOf)).toBe(true);
    expect(covers('region', manager, { person: 'xuning' }, regionOf)).toBe(true);
    expect(covers('region', manager, { person: 'zhangsan' }, regionOf)).toBe(false);
    expect(covers('region', manager, { person: 'luoxinhua', region: 'south' }, regionOf)).toBe(true);
    const nowhere = userOf(person('boss', 'manager'), false);
    expect(covers('region', nowhere, { person: 'xuning', region: 'east' }, regionOf)).toBe(false);
  });

  it('all and none', () => {
    expect(covers('all', rep, { person: 'zhangsan' }, regionOf)).toBe(true);
    expect(covers('none', rep, { person: 'xuning' }, regionOf)).toBe(false);
  });
});
