import { describe, expect, it } from 'vitest';
import { achievementRate, figureRows, formatRate } from './figures.ts';

describe('achievement rate', () => {
  it('is actual ÷ target', () => {
    expect(achievementRate({ target: 200, actual: 175 })).toBe(0.875);
    expect(achievementRate({ target: 100, actual: 0 })).toBe(0);
    expect(achievementRate({ target: 80, actual: 120 })).toBe(1.5);
  });

  it('has no value when the target is 0', () => {
    expect(achievementRate({ target: 0, actual: 0 })).toBeUndefined();
    expect(achievementRate({ target: 0, actual: 5 })).toBeUndefined();
  });

  it('shows a percentage with one decimal, or a dash', () => {
    expect(formatRate(0.875)).toBe('87.5%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(12.5)).toBe('1,250.0%');
    expect(formatRate(undefined)).toBe('—');
  });
});

describe('figureRows', () => {
  it('lists the given figures in the model order with their labels', () => {
    const rows = figureRows({
      sales: { target: 1000, actual: 1234.5 },
      collections: { target: 0, actual: 12 },
      coverage: { target: 40, actual: 30 },
    });
    expect(rows).toEqual([
      { key: 'collections', label: '回款', target: '0', actual: '12', rate: '—' },
      { key: 'coverage', label: '布点', target: '40', actual: '30', rate: '75.0%' },
      { key: 'sales', label: '纯销', target: '1,000', actual: '1,234.5', rate: '123.5%' },
    ]);
  });

  it('is empty without figures', () => {
    expect(figureRows(undefined)).toEqual([]);
    expect(figureRows({})).toEqual([]);
  });
});
