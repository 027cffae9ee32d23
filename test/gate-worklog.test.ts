/**
 * Work logs through the gate against real git: one log a person a month, rows' times from the server, no day
 * to come, and read like reports (they name customers): by their person and their region's manager only.
 */
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inShanghai } from '../src/model/time.ts';
import { git } from './support/cms.ts';
import { parseFrontMatterOf } from './support/front-matter.ts';
import { persist, testGate, type TestGate, worklogText } from './support/gate.ts';

const REP = 'xuning'; // 徐宁, rep, 华东区
const OTHER_REP = 'liuliang'; // rep of another person's log
const MANAGER = 'luoxinhua'; // manager of 华东区
const OTHER_MANAGER = 'zhangxin'; // manager of 华南区

let gate: TestGate;
beforeAll(async () => {
  gate = await testGate({ admins: [] });
});
afterAll(async () => {
  await gate?.remove();
});

const today = inShanghai(Temporal.Now.instant()).toPlainDate();
const month = today.toPlainYearMonth().toString();
const slug = `${month.slice(0, 4)}/${month}-${REP}`;
const path = `content/worklogs/${slug}.md`;
const log = (dates: string[]) =>
  worklogText({
    person: REP,
    region: 'east',
    month,
    days: dates.map((date) => ({ date, plan: '拜访市一医院', filed: '2020-01-01T00:00:00+08:00' })),
  });

describe('work logs through the gate', () => {
  it('stores a rep’s log with server times, refuses a second one, a day to come, and shows it only to whom it may', async () => {
    const saved = await gate.api(persist('worklogs', slug, path, log([today.toString()])), { as: REP });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const text = git(gate.repo, 'show', `cms/worklogs/${slug}:${path}`);
    const row = (parseFrontMatterOf(text).days as Record<string, unknown>[])[0]!;
    expect(row.filed).not.toBe('2020-01-01T00:00:00+08:00');
    expect(row.filed).toMatch(new RegExp(`^${today.toString()}T`));

    const before = gate.state();
    const second = await gate.api(
      persist('worklogs', `${slug}-1`, `content/worklogs/${slug}-1.md`, log([today.toString()])),
      { as: REP },
    );
    expect([second.status, second.json.error]).toEqual([409, expect.stringContaining('已经有了')]);
    const again = await gate.api(persist('worklogs', slug, path, log([today.toString()])), { as: REP });
    expect([again.status, again.json.error]).toEqual([409, expect.stringContaining('已经有了')]);
    const tomorrow = today.add({ days: 1 });
    const future = await gate.api(persist('worklogs', slug, path, log([tomorrow.toString()]), false), {
      as: REP,
    });
    expect([future.status, future.json.error]).toEqual([422, expect.stringContaining('不能提前填写')]);
    expect(gate.state()).toBe(before);

    const drafts = async (as: string) =>
      (await gate.api({ action: 'unpublishedEntries', params: { branch: 'main' } }, { as }))
        .json as unknown as string[];
    expect(await drafts(REP)).toContain(`worklogs/${slug}`);
    expect(await drafts(MANAGER)).toContain(`worklogs/${slug}`);
    expect(await drafts(OTHER_MANAGER)).not.toContain(`worklogs/${slug}`);
    expect(await drafts(OTHER_REP)).not.toContain(`worklogs/${slug}`);
  });
});
