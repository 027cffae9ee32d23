/**
 * The maintainers' guide pages, the one place MDX is used: built from src/pages/guide/*.mdx, linked from every
 * page's navigation, stating the rules engine's own numbers, and as script-free as every other staff page.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { DEFAULT_POLICY } from '../src/rules/policy.ts';
import { ruleSummary } from '../src/rules/summary.ts';
import { read } from './support/build.ts';

const sample = inject('sample');
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the guide pages', () => {
  it('are built from MDX and linked from the navigation', () => {
    expect(sample.status, sample.output).toBe(0);
    const home = read(sample.outDir, 'index.html');
    expect(home).toMatch(/<a[^>]*href="\/guide\/"[^>]*>指南<\/a>/);
    const index = read(sample.outDir, 'guide/index.html');
    expect(index).toContain('href="/guide/submit/"');
    expect(index).toContain('href="/guide/rules/"');
    const subscribe = read(sample.outDir, 'guide/subscribe/index.html');
    expect(subscribe).toContain('href="/rss.xml"');
    expect(subscribe).toContain('href="/calendar/department.ics"');
    expect(subscribe).toContain('>http://127.0.0.1:4321/calendar/department.ics<');
  });

  it('state the numbers the rules engine uses', () => {
    const rules = text(read(sample.outDir, 'guide/rules/index.html'));
    for (const sentence of Object.values(ruleSummary(DEFAULT_POLICY)).flat())
      expect(rules).toContain(sentence);
    const submit = text(read(sample.outDir, 'guide/submit/index.html'));
    expect(submit).toContain(`每个区域每月至少要有 ${DEFAULT_POLICY.articles.required} 篇稿件`);
  });

  it('run no script, and MDX is used nowhere else', () => {
    for (const page of [
      'guide/index.html',
      'guide/submit/index.html',
      'guide/rules/index.html',
      'guide/subscribe/index.html',
    ])
      expect(read(sample.outDir, page)).not.toMatch(/<script/i);
    const mdx = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    expect(mdx.sort()).toEqual([
      'pages/guide/index.mdx',
      'pages/guide/rules.mdx',
      'pages/guide/submit.mdx',
      'pages/guide/subscribe.mdx',
    ]);
  });
});
