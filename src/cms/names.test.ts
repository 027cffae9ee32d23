import { match } from 'pinyin-pro';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { articles, COLLECTIONS, reports, worklogs } from '../model/collections/index.ts';
import {
  cmsCollections,
  DERIVED_TITLES,
  isHelperKey,
  personField,
  shownKey,
  TITLE_KEY,
} from '../model/cms.ts';
import type { Field } from '../model/field.ts';
import { formatter } from './files.ts';
import { prepareSave } from './save.ts';
import { hasLeft, labelOfRef, matches, namesOf, shownValues, type Names } from './names.ts';

const TODAY = Temporal.PlainDate.from('2026-11-30');

const ROSTER = {
  regions: [
    { id: 'east', name: '华东区', manager: 'luoxinhua' },
    { id: 'south', name: '华南区', manager: 'zhangxin' },
  ],
  people: [
    { id: 'hejianguo', name: '何建国', role: 'head', joined: '2017-08-01' },
    { id: 'xuning', name: '徐宁', role: 'rep', region: 'east', joined: '2022-10-25' },
    { id: 'luoxinhua', name: '罗新华', role: 'manager', region: 'east', joined: '2021-05-09' },
    { id: 'gaoping', name: '高萍', role: 'rep', region: 'south', joined: '2023-06-08', left: '2026-04-23' },
    { id: 'shanxiong', name: '单雄', role: 'rep', region: 'south', joined: '2023-06-08' },
    { id: 'zengzhiwei', name: '曾志伟', role: 'rep', region: 'south', joined: '2023-06-08' },
    { id: 'xiehui', name: '解辉', role: 'rep', region: 'east', joined: '2023-06-08', left: '2026-11-30' },
    { id: 'qiumin', name: '仇敏', role: 'rep', region: 'gone', joined: '2023-06-08' },
    // Private fields may be there (administrators) or not; they are never read.
    { id: 'wangmin', name: '王敏', role: 'rep', region: 'east', joined: '2024-12-14', mobile: '13800000000' },
    { id: 'nobody' },
  ],
};

const names: Names = namesOf(ROSTER, TODAY);
const person = (id: string) => names.people.get(id)!;

describe('people and regions by name', () => {
  it('labels a person with their region, a region with its name', () => {
    expect(person('xuning').label).toBe('徐宁（华东区）');
    expect(labelOfRef(names, 'people', 'luoxinhua')).toBe('罗新华（华东区）');
    expect(labelOfRef(names, 'regions', 'south')).toBe('华南区');
    // The head of the department has no region.
    expect(person('hejianguo').label).toBe('何建国');
    // A region the roster does not have (the build reports it) is shown as it is written.
    expect(person('qiumin').label).toBe('仇敏（gone）');
    expect(person('wangmin').label).toBe('王敏（华东区）');
  });

  it('marks people who have left, from the day after 离职日期, as the gate stops letting them in', () => {
    expect(person('gaoping')).toEqual({ label: '高萍（华南区，已离职）', name: '高萍', left: true });
    // 离职当天仍算在职.
    expect(person('xiehui')).toEqual({ label: '解辉（华东区）', name: '解辉', left: false });
    expect(hasLeft('2026-11-30', TODAY)).toBe(false);
    expect(hasLeft('2026-11-29', TODAY)).toBe(true);
    expect(hasLeft(undefined, TODAY)).toBe(false);
  });

  it('leaves out what cannot be labelled and shows unknown ids as they are', () => {
    expect(names.people.has('nobody')).toBe(false);
    expect(labelOfRef(names, 'people', 'stranger')).toBe('stranger');
    expect(namesOf({ people: [null, 'x', 3], regions: [{ id: 'east' }] }, TODAY)).toEqual({
      people: new Map(),
      regions: new Map(),
    });
  });
});

describe('searching a picker', () => {
  const finds = (query: string) =>
    [...names.people]
      .filter(([id, named]) => matches(query, named, id, match))
      .map(([, named]) => named.name);

  it('finds a person by pinyin initials, full pinyin, a mix, or a beginning', () => {
    expect(finds('xn')).toEqual(['徐宁']);
    expect(finds('xuning')).toEqual(['徐宁']);
    expect(finds('XuNing')).toEqual(['徐宁']);
    expect(finds('xu ning')).toEqual(['徐宁']);
    expect(finds('xning')).toEqual(['徐宁']);
    expect(finds('xun')).toEqual(['徐宁']);
    expect(finds('zzw')).toEqual(['曾志伟']);
  });

  it('matches pinyin from the surname on, not the other way round', () => {
    expect(finds('nx')).toEqual([]);
    expect(finds('ning')).toEqual([]);
  });

  it('finds polyphonic surnames by the reading people use', () => {
    // 单 is dān in words but shàn as a surname; 曾 céng / zēng; 解 jiě / xiè; 仇 chóu / qiú.
    expect(finds('sx')).toEqual(['单雄']);
    expect(finds('shanxiong')).toEqual(['单雄']);
    expect(finds('zengzhiwei')).toEqual(['曾志伟']);
    expect(finds('xh')).toEqual(['解辉']);
    expect(finds('qm')).toEqual(['仇敏']);
  });

  it('finds people by Chinese name or region, and everybody by nothing', () => {
    expect(finds('徐宁')).toEqual(['徐宁']);
    expect(finds('宁')).toEqual(['徐宁']);
    expect(finds('华南')).toEqual(['高萍', '单雄', '曾志伟']);
    expect(finds('已离职')).toEqual(['高萍']);
    expect(finds('')).toHaveLength(names.people.size);
    expect(finds('徐x')).toEqual([]);
  });

  it('falls back to the roster id, the name in full pinyin, for characters without a reading', () => {
    expect(matches('zhangsan', { label: '张㐅', name: '张㐅', left: false }, 'zhangsan', match)).toBe(true);
  });

  it('finds by Chinese and by roster id while the pinyin dictionary is not loaded', () => {
    const xuning = person('xuning');
    expect(matches('徐', xuning, 'xuning')).toBe(true);
    expect(matches('xuni', xuning, 'xuning')).toBe(true);
    expect(matches('xn', xuning, 'xuning')).toBe(false);
  });
});

describe('names beside the ids of an entry', () => {
  const article = {
    title: '华东区学术推广的三点体会',
    region: 'east',
    author: 'xuning',
    category: 'academic',
  };

  it('puts the label of every reference and choice under its shown key', () => {
    expect(shownValues(articles, article, names)).toEqual({
      [shownKey('region')]: '华东区',
      [shownKey('author')]: '徐宁（华东区）',
      [shownKey('category')]: '学术活动',
    });
    expect(shownValues(reports, { kind: 'weekly', author: 'gaoping' }, names)).toMatchObject({
      [shownKey('kind')]: '周报',
      [shownKey('author')]: '高萍（华南区，已离职）',
    });
  });

  it('empties the shown key of a value removed in the editor', () => {
    expect(shownValues(articles, { ...article, region: '' }, names)[shownKey('region')]).toBe('');
    // A work log is listed by the department's own title, the person by name alone.
    expect(shownValues(worklogs, { person: 'xuning', month: '2026-11' }, names)[TITLE_KEY]).toBe(
      '日工作计划与日志2611-徐宁',
    );
    expect(shownValues(worklogs, { person: 'xuning', month: '' }, names)[TITLE_KEY]).toBe('');
  });

  it('never writes them to the file, and the pre-save check does not see them', () => {
    const data = { ...article, ...shownValues(articles, article, names), body: '正文' };
    expect(Object.keys(data).filter(isHelperKey)).toHaveLength(3);
    const text = formatter(articles).toFile(data);
    expect(text).not.toMatch(/_shown|徐宁/);
    expect(formatter(articles).fromFile(text)).toEqual({ ...article, body: '正文\n' });
    const saved = prepareSave('articles', data, true, Temporal.Instant.from('2026-11-30T01:00:00Z'));
    expect(saved.problems).toEqual([]);
  });
});

describe('the lists', () => {
  it('summarise submissions by the names of their people and choices, never their ids', () => {
    for (const c of cmsCollections()) {
      if (!('folder' in c)) continue;
      const model = COLLECTIONS.find((m) => m.name === c.name)!;
      const fields = model.fields as readonly Field[];
      const shown = [...(c.summary ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
      expect(shown).toContain(DERIVED_TITLES.has(c.name) ? TITLE_KEY : shownKey(personField(model).name));
      for (const key of shown)
        expect(['ref', 'select']).not.toContain(fields.find((f) => f.name === key)?.type);
    }
  });

  it('offer people and regions in pickers by name alone, before the admin page adds the region', () => {
    const relations = cmsCollections()
      .flatMap((c) => ('fields' in c ? (c.fields ?? []) : []))
      .flatMap((f) => (f.widget === 'relation' && 'display_fields' in f ? [f] : []));
    expect(relations.length).toBeGreaterThan(3);
    for (const f of relations) expect(f.display_fields).toEqual([`${f.collection}.*.name`]);
  });
});
