import { describe, expect, it } from 'vitest';
import { isCurrentSection, urls } from './urls.ts';

describe('urls', () => {
  it('end with a slash', () => {
    expect(urls.issue('2026-10')).toBe('/issues/2026-10/');
    expect(urls.article('2026-10-12-zhangwei-0930')).toBe('/articles/2026-10-12-zhangwei-0930/');
    expect(urls.region('east')).toBe('/regions/east/');
    expect(urls.meeting('m1')).toBe('/meetings/m1/');
  });

  it('keep the managers search, which finds reports, under /manage/', () => {
    expect(urls.search()).toBe('/search/');
    expect(urls.manageSearch().startsWith(urls.manage())).toBe(true);
  });

  it('keep reports under /manage/', () => {
    expect(urls.reports()).toBe('/manage/reports/');
    expect(urls.report('r1').startsWith(urls.manage())).toBe(true);
  });
});

describe('isCurrentSection', () => {
  it('marks the home link only on the home page', () => {
    expect(isCurrentSection('/', '/')).toBe(true);
    expect(isCurrentSection('/issues/', '/')).toBe(false);
  });

  it('marks a section on its pages, with or without the trailing slash', () => {
    expect(isCurrentSection('/issues/', '/issues/')).toBe(true);
    expect(isCurrentSection('/issues/2026-10/', '/issues/')).toBe(true);
    expect(isCurrentSection('/manage/reports', '/manage/')).toBe(true);
    expect(isCurrentSection('/meetings/', '/issues/')).toBe(false);
  });
});
