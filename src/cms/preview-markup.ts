/**
 * The CMS preview's markup: the entry's part of its page, element for element and class for class as the
 * Astro pages write it (src/pages/articles/[id].astro, src/pages/meetings/[id].astro,
 * src/pages/manage/reports/[id].astro and their components), so that the site's stylesheet lays it out the
 * same. Astro components render at build time only, so the preview repeats their markup with React (the
 * bundle's createElement); test/cms-preview.test.ts compares the texts of a built page and its preview.
 * The site's header, footer and links to other entries are left out: they are not the entry.
 */
import { FIGURES_CAPTION, type FigureRow } from '../site/figures.ts';
import { MORNING_RECORD_COLUMNS, MORNING_RECORDS_HEADING, type MorningRecordRow } from '../site/meetings.ts';
import type { ReportSection } from '../site/reports.ts';
import { urls } from '../site/urls.ts';
import type { ArticleView, Fact, MeetingView, ReportView } from './preview-view.ts';

/** React's createElement as the Decap bundle exposes it (window.h). */
export type CreateElement = (
  type: unknown,
  props: Record<string, unknown> | null,
  ...children: unknown[]
) => unknown;

/** HTML from the build's sanitiser (src/markdown/render.ts), inserted as the pages' SubmissionBody does. */
const prose = (h: CreateElement, html: string) =>
  h('div', { className: 'prose', dangerouslySetInnerHTML: { __html: html } });

/** A fact's value as DateTime.astro, a link, a tag list or text. */
function value(h: CreateElement, fact: Fact): unknown {
  if (fact.time)
    return h(
      'time',
      { dateTime: fact.time.datetime },
      fact.time.text,
      h('span', { className: 'zone' }, fact.time.zone),
    );
  if (fact.list)
    return h(
      'ul',
      { className: 'tags' },
      fact.list.map((item, i) => h('li', { key: i }, item)),
    );
  if (fact.href) return h('a', { href: fact.href }, fact.text);
  return fact.text;
}

/** A facts list of dt/dd pairs (MeetingFacts.astro, the report page). */
function pairs(h: CreateElement, className: string, facts: readonly Fact[]): unknown {
  return h(
    'dl',
    { className },
    facts.flatMap((fact, i) => [
      h('dt', { key: `t${i}` }, fact.label),
      h('dd', { key: `d${i}`, className: fact.num ? 'num' : undefined }, value(h, fact)),
    ]),
  );
}

export function articleMarkup(h: CreateElement, view: ArticleView): unknown {
  return h(
    'main',
    { className: 'wrap' },
    h(
      'article',
      null,
      h(
        'header',
        null,
        h('p', { className: 'kicker' }, h('a', { href: view.kicker.href }, view.kicker.text)),
        h('h1', null, view.title),
        // ArticleMeta.astro: each pair in a div, for its grid.
        h(
          'dl',
          { className: 'article-facts' },
          view.facts.map((fact, i) =>
            h('div', { key: i }, h('dt', null, fact.label), h('dd', null, value(h, fact))),
          ),
        ),
        // CoverImage.astro (the page adds the file's width and height).
        view.cover
          ? h('img', { className: 'cover-image', src: view.cover, alt: '', decoding: 'async' })
          : null,
      ),
      prose(h, view.body),
    ),
  );
}

export function meetingMarkup(h: CreateElement, view: MeetingView): unknown {
  return h(
    'main',
    { className: 'wrap' },
    h(
      'article',
      null,
      h('p', { className: 'kicker' }, h('a', { href: urls.meetings() }, '会议纪要')),
      h('h1', null, view.title),
      pairs(h, 'meeting-facts', view.facts),
      view.records.length > 0 ? morningRecords(h, view.records) : null,
      h(
        'section',
        null,
        h('h2', null, '会后备忘'),
        view.memo ? prose(h, view.memo) : h('p', { className: 'muted' }, '没有填写纪要内容。'),
      ),
    ),
  );
}

/** MorningRecords.astro. */
function morningRecords(h: CreateElement, rows: readonly MorningRecordRow[]): unknown {
  const text = { className: 'text' };
  return h(
    'section',
    null,
    h('h2', null, MORNING_RECORDS_HEADING),
    h(
      'div',
      { className: 'table-scroll' },
      h(
        'table',
        { className: 'data-table morning-records' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            MORNING_RECORD_COLUMNS.map((c) => h('th', { key: c, scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((row, i) =>
            h(
              'tr',
              { key: i },
              h('th', { scope: 'row' }, row.name),
              h('td', text, row.plan),
              h('td', text, row.review),
            ),
          ),
        ),
      ),
    ),
  );
}

/** ReportSections.astro. */
function section(h: CreateElement, s: ReportSection, i: number): unknown {
  return h(
    'section',
    { key: i, className: 'report-section' },
    h('h2', null, s.title),
    s.text !== undefined ? h('p', { className: 'text' }, s.text) : null,
    s.points !== undefined
      ? h(
          'ol',
          null,
          s.points.map((p, j) => h('li', { key: j }, p)),
        )
      : null,
  );
}

/** FiguresTable.astro. */
function figures(h: CreateElement, rows: readonly FigureRow[]): unknown {
  const num = { className: 'num' };
  return h(
    'table',
    { className: 'data-table figures' },
    h('caption', null, FIGURES_CAPTION),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, '项目'),
        h('th', { scope: 'col', ...num }, '目标'),
        h('th', { scope: 'col', ...num }, '实际'),
        h('th', { scope: 'col', ...num }, '达成率'),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((row) =>
        h(
          'tr',
          { key: row.key },
          h('th', { scope: 'row' }, row.label),
          h('td', num, row.target),
          h('td', num, row.actual),
          h('td', num, row.rate),
        ),
      ),
    ),
  );
}

export function reportMarkup(h: CreateElement, view: ReportView): unknown {
  return h(
    'main',
    { className: 'wrap' },
    h('p', { className: 'kicker' }, h('a', { href: urls.reports() }, '工作汇报')),
    h('h1', null, view.title),
    pairs(h, 'report-facts', view.facts),
    view.sections.map((s, i) => section(h, s, i)),
    view.figures.length > 0 ? h('section', null, h('h2', null, '销售数据'), figures(h, view.figures)) : null,
    view.body ? h('section', null, h('h2', null, '补充说明'), prose(h, view.body)) : null,
  );
}
