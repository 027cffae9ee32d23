/**
 * The choices of the search page's filters, worked out at build time from the content, so the page offers
 * only values that exist and needs no index download to show them.
 */
import type { Article, Meeting, Person, Region, Report } from '../model/index.ts';
import { ARTICLE_CATEGORIES, MEETING_KINDS, REPORT_KINDS } from '../model/options.ts';
import { beijingMonth, formatChineseMonth } from '../model/time.ts';
import { DEPARTMENT_WIDE } from '../site/directory.ts';
import type { FilterKey } from './params.ts';
import { DEPARTMENT_FILTER, KIND_LABELS, type SearchKind } from './facts.ts';

export interface Choice {
  value: string;
  label: string;
}

export interface ChoiceGroup {
  label: string;
  choices: Choice[];
}

export interface FilterField {
  key: FilterKey;
  label: string;
  /** The first option, meaning "no filter". */
  any: string;
  groups: ChoiceGroup[];
}

/** What the choices need of an indexed page. */
export interface Indexed {
  kind: SearchKind;
  time: string;
  author: string;
}

/** The pages of the collections a search page covers, as the choices need them. */
export function indexedPages(collections: {
  articles: readonly { data: Pick<Article, 'submitted' | 'author'> }[];
  meetings: readonly { data: Pick<Meeting, 'start' | 'organizer'> }[];
  reports?: readonly { data: Pick<Report, 'submitted' | 'author'> }[];
}): Indexed[] {
  return [
    ...collections.articles.map((a) => ({
      kind: 'article' as const,
      time: a.data.submitted,
      author: a.data.author,
    })),
    ...collections.meetings.map((m) => ({
      kind: 'meeting' as const,
      time: m.data.start,
      author: m.data.organizer,
    })),
    ...(collections.reports ?? []).map((r) => ({
      kind: 'report' as const,
      time: r.data.submitted,
      author: r.data.author,
    })),
  ];
}

const flat = (choices: Choice[]): ChoiceGroup[] => [{ label: '', choices }];

export function filterFields(
  kinds: readonly SearchKind[],
  regions: readonly Region[],
  people: readonly Person[],
  items: readonly Indexed[],
): FilterField[] {
  const months = [...new Set(items.map((i) => beijingMonth(i.time)))].sort().reverse();
  const authors = new Set(items.map((i) => i.author));
  // People grouped under their region in roster order; the head of department has none.
  const groups = [...regions.map((r) => ({ id: r.id, label: r.name })), { id: undefined, label: '部门' }]
    .map(({ id, label }) => ({
      label,
      choices: people
        .filter((p) => p.region === id && authors.has(p.id))
        .map((p) => ({ value: p.id, label: p.name })),
    }))
    .filter((g) => g.choices.length > 0);
  const fields: FilterField[] = [
    {
      key: 'kind',
      label: '类型',
      any: '全部类型',
      groups: flat(kinds.map((k) => ({ value: k, label: KIND_LABELS[k] }))),
    },
    {
      key: 'region',
      label: '区域',
      any: '全部区域',
      groups: flat([
        ...regions.map((r) => ({ value: r.id, label: r.name })),
        { value: DEPARTMENT_FILTER, label: DEPARTMENT_WIDE },
      ]),
    },
    {
      key: 'month',
      label: '月份',
      any: '全部月份',
      groups: flat(months.map((m) => ({ value: m, label: formatChineseMonth(m) }))),
    },
    { key: 'author', label: '作者', any: '全部人员', groups },
  ];
  if (kinds.includes('article'))
    fields.push({ key: 'category', label: '栏目', any: '全部栏目', groups: flat([...ARTICLE_CATEGORIES]) });
  if (kinds.includes('meeting'))
    fields.push({ key: 'meeting', label: '会议类型', any: '全部会议', groups: flat([...MEETING_KINDS]) });
  if (kinds.includes('report'))
    fields.push({ key: 'report', label: '汇报类型', any: '全部汇报', groups: flat([...REPORT_KINDS]) });
  return fields;
}
