import { describe, expect, it } from 'vitest';
import { isNewEntryRoute, PHONE_QUERY, startOnForm } from './phone.ts';

/** A window as far as startOnForm looks at it: a screen that matches the phone query or not. */
function screen(phone: boolean) {
  const stored = new Map<string, string>();
  return {
    stored,
    matchMedia: (query: string) => ({ matches: query === PHONE_QUERY && phone }) as MediaQueryList,
    localStorage: { setItem: (k: string, v: string) => void stored.set(k, v) } as Storage,
  };
}

describe('startOnForm', () => {
  it('closes the side pane on a phone, where the preview would cover the form', () => {
    const phone = screen(true);
    startOnForm(phone);
    expect(phone.stored.get('cms.right-pane')).toBe('none');
  });

  it('leaves the desktop’s choice alone', () => {
    const desktop = screen(false);
    startOnForm(desktop);
    expect(desktop.stored.size).toBe(0);
  });
});

describe('isNewEntryRoute', () => {
  it('is true only for the form of a new entry', () => {
    expect(isNewEntryRoute('#/collections/articles/new')).toBe(true);
    expect(isNewEntryRoute('#/collections/reports/new?ref=workflow')).toBe(true);
    expect(isNewEntryRoute('#/collections/articles/entries/2026/2026-11-30-xuning-101500')).toBe(false);
    expect(isNewEntryRoute('#/collections/articles')).toBe(false);
    expect(isNewEntryRoute('#/collections/articles/entries/news')).toBe(false);
  });
});
