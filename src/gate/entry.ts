/**
 * One file a CMS save wants to write, checked as the build would check it and made the portal's own: parsed
 * with the CMS's format, its system fields (times, saver) set from the server's clock and the login, validated
 * with the build's zod schema and roster references, and written back in the canonical form.
 */
import { Temporal } from 'temporal-polyfill';
import { formatter } from '../cms/files.ts';
import { check, MONTHLY_NAMES } from '../cms/save.ts';
import { withSystemFields } from '../cms/system-fields.ts';
import { checkBody } from '../load/body.ts';
import { checkReferences, type RawRecord } from '../load/references.ts';
import { splitFrontMatter, type ParsedYaml } from '../load/yaml.ts';
import { personField } from '../model/cms.ts';
import { people, regions } from '../model/collections/index.ts';
import type { Collection, Field } from '../model/field.ts';
import { worklogTitle, type Person, type Region } from '../model/index.ts';
import { inShanghai, parseDate } from '../model/time.ts';
import type { Target } from './paths.ts';
import { GATE_POLICY } from './policy.ts';
import { Refusal } from './refusal.ts';
import { covers, type Owned, type User } from './rights.ts';

type Data = Record<string, unknown>;

/** The roster on the published branch: whom references may name, and each person's region. */
export interface Roster {
  people: readonly Person[];
  regions: readonly Region[];
}

export const regionOf = (roster: Roster) => (id: string) => roster.people.find((p) => p.id === id)?.region;

/** The file's text as entry data, or a Refusal naming what is wrong with it. */
export function parseFile(target: Target, raw: string): Data {
  try {
    return formatter(target.collection).fromFile(raw);
  } catch (error) {
    throw new Refusal(422, `文件格式有误：${(error as Error).message}`);
  }
}

/** What the rights look at: the entry's person and region. */
export function ownerOf(target: Target, data: Data): Owned {
  if (target.kind === 'org') return {};
  return { person: data[personField(target.collection).name], region: data.region };
}

/**
 * The build's cross-file checks of this entry (src/load/references.ts) against the published roster: ids that
 * are not on it, nested rows' too (晨会记录), and a work log's person not on the roster in its month.
 */
function referenceProblems(target: Target, data: Data, roster: Roster): string[] {
  if (target.kind === 'org') return [];
  const unread: ParsedYaml = { value: undefined, errors: [], lineOf: () => undefined };
  const listed = (collection: Collection, list: readonly unknown[]): RawRecord[] =>
    list.map((value, i) => ({ collection, file: collection.name, path: [i], value, yaml: unread }));
  const ENTRY = 'entry';
  const records: RawRecord[] = [
    ...listed(people, roster.people),
    ...listed(regions, roster.regions),
    { collection: target.collection, file: ENTRY, path: [], value: data, yaml: unread },
  ];
  return checkReferences(records)
    .filter((p) => p.file === ENTRY)
    .map((p) => `${p.key}${p.label ? `（${p.label}）` : ''}：${p.message}`);
}

/** A new entry's generated name must be the author's and of about today (the browser's clock may be off). */
function checkNewName(target: Target, data: Data, now: Temporal.Instant, roster: Roster): void {
  if (target.kind !== 'submission') return;
  if (target.collection.name in MONTHLY_NAMES) return checkNewMonthly(target, data, now, roster);
  const name = target.generated;
  if (!name) throw new Refusal(403, '新投稿的文件名应由系统生成（日期-人员-时分秒），请通过投稿页创建');
  const person = data[personField(target.collection).name];
  if (person !== name.person)
    throw new Refusal(422, '文件名中的人员编号与表单中的人员不一致，请刷新投稿页后重新创建');
  const named = parseDate(name.date);
  if (!named) throw new Refusal(422, `文件名中的日期 “${name.date}” 不存在`);
  const days = Math.abs(inShanghai(now).toPlainDate().until(named, { largestUnit: 'days' }).days);
  if (days > GATE_POLICY.nameClockSkewDays)
    throw new Refusal(422, `文件名中的日期 ${name.date} 与服务器日期不符：请检查电脑时间后重新创建`);
}

/** The refusal of a second monthly file: the one that exists, by its title, is the one to open. */
export function monthTaken(
  target: Target & { kind: 'submission' },
  person: string,
  month: string,
  roster: Roster,
): Refusal {
  const name = roster.people.find((p) => p.id === person)?.name ?? person;
  return new Refusal(
    409,
    `${name} 的《${worklogTitle(month, name)}》已经有了（每人每月一个${target.collection.label}）：请在列表中打开它，在里面添加今天的记录`,
  );
}

/**
 * A work log is the person's one file of the month, named `YYYY/YYYY-MM-<person>`; Decap names a second one
 * of the same month `…-1`, which is refused with the name of the one to open instead. Not for a month to come.
 */
function checkNewMonthly(
  target: Target & { kind: 'submission' },
  data: Data,
  now: Temporal.Instant,
  roster: Roster,
): void {
  if (!target.monthly) {
    // Only the user's own: the refusal then says nothing about anyone else's files.
    const taken = /^\d{4}\/(\d{4}-\d{2})-([a-z][a-z0-9]*)-\d+$/.exec(target.slug);
    if (taken && taken[2] === data[personField(target.collection).name])
      throw monthTaken(target, taken[2]!, taken[1]!, roster);
    throw new Refusal(
      403,
      `新${target.collection.label}的文件名应为 年/年-月-人员编号（如 2026/2026-11-xuning），请通过投稿页创建`,
    );
  }
  const thisMonth = inShanghai(now).toPlainDate().toPlainYearMonth().toString();
  if (target.monthly.month > thisMonth)
    throw new Refusal(
      422,
      `不能提前建立 ${target.monthly.month} 的${target.collection.label}：本月是 ${thisMonth}`,
    );
}

/** A monthly file's name says whose month it is: the entry must say the same, on every save. */
function monthlyNameProblems(target: Target, data: Data): string[] {
  if (target.kind !== 'submission' || !target.monthly) return [];
  const monthField = MONTHLY_NAMES[target.collection.name]!;
  const person = personField(target.collection);
  const label = (name: string) => target.collection.fields.find((f) => f.name === name)?.label ?? name;
  return [
    ...(data[person.name] === target.monthly.person
      ? []
      : [`${person.name}（${person.label}）：应为文件名中的 ${target.monthly.person}，每人每月一个文件`]),
    ...(data[monthField] === target.monthly.month
      ? []
      : [`${monthField}（${label(monthField)}）：应为文件名中的 ${target.monthly.month}`]),
  ];
}

/**
 * Rows of a keyed list whose key is a day (a work log's days) are written on or after that day: a day to come
 * is refused against the server's Beijing date, whatever the browser's clock says.
 */
function futureRowProblems(target: Target, data: Data, now: Temporal.Instant): string[] {
  const today = inShanghai(now).toPlainDate();
  return (target.collection.fields as readonly Field[]).flatMap((list) => {
    if (list.type !== 'objects' || !list.key || !Array.isArray(data[list.name])) return [];
    const key = list.fields.find((f) => f.name === list.key);
    if (key?.type !== 'date') return [];
    return (data[list.name] as unknown[]).flatMap((row, i) => {
      const value = typeof row === 'object' && row !== null ? (row as Data)[key.name] : undefined;
      const day = typeof value === 'string' ? parseDate(value) : undefined;
      return day && Temporal.PlainDate.compare(day, today) > 0
        ? [
            `${list.name}.${i}.${key.name}（${list.label}·${key.label}）：不能提前填写 ${value as string} 的记录，今天是 ${today.toString()}`,
          ]
        : [];
    });
  });
}

/**
 * An entry's region is its person's region on the roster (reports, and articles and meetings of people who
 * have one): it decides who reviews and what counts where. An older entry may keep the region it has.
 */
function regionProblems(target: Target, data: Data, before: Data | undefined, roster: Roster): string[] {
  if (target.kind !== 'submission') return [];
  const person = data[personField(target.collection).name];
  const own = typeof person === 'string' ? regionOf(roster)(person) : undefined;
  if (!own || data.region === undefined || data.region === own) return [];
  const unchanged =
    before?.region === data.region && before?.[personField(target.collection).name] === person;
  if (unchanged) return [];
  // Names, not ids: this is read in the form, by the rep who picked them by name.
  const region = roster.regions.find((r) => r.id === own)?.name ?? own;
  const who = roster.people.find((p) => p.id === person)?.name ?? String(person);
  return [`region（所属区域）：应为${who}在花名册中的区域 ${region}`];
}

/**
 * The bytes to store for `raw` at `target`, saved by `user` at `now`; `previous` is the stored text (on the
 * draft, else on the published branch), undefined for a new entry. Throws a Refusal for anything the build
 * would reject or the user may not do.
 */
export function prepareEntry(options: {
  target: Target;
  raw: string;
  previous: string | undefined;
  user: User;
  now: Temporal.Instant;
  roster: Roster;
}): { content: Buffer; data: Data } {
  const { target, raw, previous, user, now, roster } = options;
  if (Buffer.byteLength(raw) > GATE_POLICY.maxFileBytes)
    throw new Refusal(413, `内容过长：每篇不能超过 ${GATE_POLICY.maxFileBytes / 1024} KB`);
  // A mapping of tens of thousands of keys costs the YAML parser seconds (its duplicate check is quadratic):
  // a submission's front matter is bounded before it is parsed. (Reference files are parsed only for
  // administrators, whose rights are checked first.)
  const yaml = target.kind === 'submission' ? (splitFrontMatter(raw)?.yaml ?? '') : '';
  if ((yaml.match(/:/g)?.length ?? 0) > GATE_POLICY.maxFrontMatterColons)
    throw new Refusal(413, '字段区过长：字段或冒号太多，请检查文件');
  if (target.kind === 'org' && !user.rights.org)
    throw new Refusal(403, `只有管理员可以修改${target.collection.label}`);
  const before = previous === undefined ? undefined : parseStored(target, previous);
  const data = withSystemFields(target.collection, parseFile(target, raw), before, now, user.id);

  if (target.kind === 'submission') {
    const region = regionOf(roster);
    const mayWrite = (d: Data) => covers(user.rights.write, user, ownerOf(target, d), region);
    if (!mayWrite(data) || (before && !mayWrite(before)))
      throw new Refusal(
        403,
        `你（${user.name}）只能提交和修改本人${user.rights.write === 'region' ? '或本区域' : ''}的投稿`,
      );
    if (before === undefined) checkNewName(target, data, now, roster);
  }

  const body = typeof data.body === 'string' ? data.body : '';
  const problems = [
    ...check(target.collection, data),
    ...referenceProblems(target, data, roster),
    ...regionProblems(target, data, before, roster),
    ...monthlyNameProblems(target, data),
    ...futureRowProblems(target, data, now),
    ...checkBody(body).map((p) => `正文第 ${p.line + 1} 行：${p.message}`),
  ];
  if (problems.length > 0) throw new Refusal(422, problems.join('；'));
  return { content: Buffer.from(formatter(target.collection).toFile(data)), data };
}

/**
 * A stored file's data, or undefined when the CMS cannot parse it (a hand edit): it then has no system values to
 * keep and no owner to go by.
 */
export function parseStored(target: Target, text: string): Data | undefined {
  try {
    return formatter(target.collection).fromFile(text);
  } catch {
    return undefined;
  }
}
