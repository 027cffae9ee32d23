/**
 * What each page says, worked out from the source files (not from the build): the texts the search should
 * find, for counting which pages contain a phrase. It mirrors what the pages show as searchable: the title,
 * the values of the facts (names, region, column, tags, kinds), the body; not labels, times or figures.
 */
import type { Content } from '../../src/load/load.ts';
import { renderSubmission } from '../../src/markdown/render.ts';
import { categoryLabel } from '../../src/site/articles.ts';
import { makeDirectory } from '../../src/site/directory.ts';
import { reportPeriodLabel } from '../../src/site/format.ts';
import { meetingKindLabel } from '../../src/site/meetings.ts';
import { reportKindLabel, reportSections, reportTitle } from '../../src/site/reports.ts';
import { urls } from '../../src/site/urls.ts';
import { foldForMatch } from '../../src/search/text.ts';
import type { SearchKind } from '../../src/search/facts.ts';

export interface TruthPage {
  url: string;
  kind: SearchKind;
  region: string | undefined;
  author: string;
  time: string;
  /** Searchable text, folded; separate fields and blocks are joined by a line feed. */
  text: string;
}

const BLOCK =
  /<\/?(?:p|br|hr|div|h[1-6]|blockquote|pre|ul|ol|li|dl|dt|dd|table|caption|thead|tbody|tfoot|tr|th|td|img)\b[^>]*>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/** The text of a rendered submission, one line per block (the sanitiser's output has no other markup). */
function bodyText(markdown: string): string {
  return renderSubmission(markdown)
    .replace(BLOCK, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ENTITIES[name]!);
}

/**
 * Lines joined, folded as the search folds, with the spaces inside a line that stand between two Chinese
 * characters removed: Chinese needs none, and search reads 「学术 推广」 as 学术推广.
 */
function normalise(lines: readonly string[]): string {
  return foldForMatch(
    lines
      .flatMap((l) => l.split('\n'))
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .map((l) => l.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, ''))
      .filter((l) => l !== '')
      .join('\n'),
  );
}

export function truthPages(content: Content): TruthPage[] {
  const directory = makeDirectory(
    content.regions.map((data) => ({ data })),
    content.people.map((data) => ({ data })),
  );
  const articles = content.articles.map(({ id, data, body }) => ({
    url: urls.article(id),
    kind: 'article' as const,
    region: data.region,
    author: data.author,
    time: data.submitted,
    text: normalise([
      data.title,
      directory.personWithRole(data.author),
      directory.regionName(data.region),
      categoryLabel(data.category),
      ...(data.tags ?? []),
      bodyText(body),
    ]),
  }));
  const meetings = content.meetings.map(({ id, data, body }) => ({
    url: urls.meeting(id),
    kind: 'meeting' as const,
    region: data.region,
    author: data.organizer,
    time: data.start,
    text: normalise([
      data.title,
      meetingKindLabel(data.kind),
      directory.regionName(data.region),
      directory.personWithRole(data.organizer),
      (data.leaders ?? []).join('、'),
      (data.attendees ?? []).join('、'),
      // The 晨会记录 table: each person's name, plan and the host's comment (a cell's line breaks are spaces).
      ...(data.records ?? []).flatMap((r) =>
        [directory.personName(r.person), r.plan, r.review ?? '—'].map((t) => t.replace(/\n/g, ' ')),
      ),
      bodyText(body),
    ]),
  }));
  const reports = content.reports.map(({ id, data, body }) => ({
    url: urls.report(id),
    kind: 'report' as const,
    region: data.region,
    author: data.author,
    time: data.submitted,
    text: normalise([
      reportTitle(directory.personName(data.author), data.kind, data.period),
      reportKindLabel(data.kind),
      directory.personWithRole(data.author),
      directory.regionName(data.region),
      reportPeriodLabel(data.kind, data.period),
      // A multi-line field is one paragraph on the page: its line breaks are only spaces to the search.
      ...reportSections(data).flatMap((s) => [s.text?.replace(/\n/g, ' ') ?? '', ...(s.points ?? [])]),
      bodyText(body),
    ]),
  }));
  return [...articles, ...meetings, ...reports];
}

/** Pages whose text contains the phrase. */
export function containing(pages: readonly TruthPage[], phrase: string): Set<string> {
  const folded = foldForMatch(phrase);
  return new Set(pages.filter((p) => p.text.includes(folded)).map((p) => p.url));
}

/** The queries the search tests ask: domain phrases, a person's name and a region's. */
export function searchQueries(content: Content): string[] {
  const firstAuthor = content.people.find((p) => p.id === content.articles[0]!.data.author)!;
  return [
    '内刊',
    '销售沟通会',
    '回款',
    '纯销',
    '布点',
    '学术推广',
    '办事处培训',
    firstAuthor.name,
    content.regions[0]!.name,
  ];
}
