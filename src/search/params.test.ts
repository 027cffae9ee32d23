import { describe, expect, it } from 'vitest';
import { hasFilters, MAX_Q_CHARS, readState, writeState, type Allowed } from './params.ts';

const allowed: Allowed = { region: new Set(['east', 'north']), kind: new Set(['article', 'meeting']) };
const read = (search: string) => readState(new URLSearchParams(search), allowed);

describe('readState', () => {
  it('reads the query, known filters, the exact switch and the order', () => {
    expect(read('?q=学术推广&region=east&kind=meeting&exact=1&sort=newest')).toEqual({
      q: '学术推广',
      exact: true,
      sort: 'newest',
      filters: { region: 'east', kind: 'meeting' },
    });
  });

  it('drops values this page does not offer, whatever a link carries', () => {
    const state = read('?q=x&region=<script>&kind=report&month=2026-03&sort=<x>&exact=yes');
    expect(state).toEqual({ q: 'x', exact: false, sort: 'newest', filters: {} });
    expect(hasFilters(state)).toBe(false);
  });

  it('lists newest first by default, and keeps relevance for links that ask for it', () => {
    expect(read('?q=x').sort).toBe('newest');
    expect(read('?q=x&sort=relevance').sort).toBe('relevance');
    expect(writeState(read('?q=x&sort=relevance'))).toBe('?q=x&sort=relevance');
  });

  it('keeps the query as text and bounds its length', () => {
    expect(read('?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E').q).toBe('<script>alert(1)</script>');
    expect(Array.from(read(`?q=${'学'.repeat(3000)}`).q)).toHaveLength(MAX_Q_CHARS);
  });
});

describe('writeState', () => {
  it('leaves defaults out and orders keys the same way every time', () => {
    expect(writeState({ q: ' 回款 ', exact: false, sort: 'newest', filters: {} })).toBe(
      `?q=${encodeURIComponent('回款')}`,
    );
    expect(
      writeState({ q: '', exact: true, sort: 'oldest', filters: { kind: 'article', region: 'east' } }),
    ).toBe('?kind=article&region=east&exact=1&sort=oldest');
    expect(writeState({ q: '  ', exact: false, sort: 'newest', filters: {} })).toBe('');
  });

  it('round-trips through the address bar', () => {
    const state = read('?q=华东区 学术推广&region=north&exact=1');
    expect(read(writeState(state))).toEqual(state);
  });
});
