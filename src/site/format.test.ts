import { describe, expect, it } from 'vitest';
import {
  beijingDate,
  beijingDateTime,
  datetimeAttribute,
  dateLabel,
  formatNumber,
  periodLabel,
  quarterLabel,
  reportPeriodLabel,
  weekLabel,
} from './format.ts';

describe('datetimes', () => {
  it('reads in Beijing time whatever offset the file used', () => {
    expect(beijingDateTime('2026-10-12T09:30:00+08:00')).toBe('2026年10月12日 09:30（北京时间）');
    expect(beijingDateTime('2026-10-12T01:30:00Z')).toBe('2026年10月12日 09:30（北京时间）');
    expect(beijingDateTime('2026-10-31T16:00:00Z')).toBe('2026年11月1日 00:00（北京时间）');
  });

  it('can leave the zone off for lists', () => {
    expect(beijingDateTime('2026-10-12T01:30:00Z', { zone: false })).toBe('2026年10月12日 09:30');
  });

  it('gives the Beijing day for lists', () => {
    expect(beijingDate('2026-10-31T23:59:59+08:00')).toBe('2026年10月31日');
    expect(beijingDate('2026-10-31T16:00:00Z')).toBe('2026年11月1日');
  });

  it('gives <time datetime> the Beijing form with its offset', () => {
    expect(datetimeAttribute('2026-10-12T01:30:00Z')).toBe('2026-10-12T09:30:00+08:00');
    expect(datetimeAttribute('2026-10-31T23:59:59+08:00')).toBe('2026-10-31T23:59:59+08:00');
  });

  it('refuses text without an offset', () => {
    expect(() => beijingDateTime('2026-10-12T09:30:00')).toThrow();
  });
});

describe('periods', () => {
  it('formats each period format', () => {
    expect(dateLabel('2026-10-12')).toBe('2026年10月12日');
    expect(quarterLabel('2026-Q4')).toBe('2026年第四季度');
    expect(quarterLabel('2027-Q1')).toBe('2027年第一季度');
    expect(weekLabel('2026-W42')).toBe('2026年第42周（10月12日–18日）');
  });

  it('names the second month of a week that straddles two', () => {
    expect(weekLabel('2026-W44')).toBe('2026年第44周（10月26日–11月1日）');
  });

  it('names the years of a week that straddles two', () => {
    expect(weekLabel('2026-W53')).toBe('2026年第53周（12月28日–2027年1月3日）');
    expect(weekLabel('2025-W01')).toBe('2025年第1周（2024年12月30日–2025年1月5日）');
  });

  it('reads a report period according to its kind', () => {
    expect(reportPeriodLabel('daily', '2026-10-12')).toBe('2026年10月12日');
    expect(reportPeriodLabel('weekly', '2026-W42')).toBe('2026年第42周（10月12日–18日）');
    expect(reportPeriodLabel('monthly', '2026-10')).toBe('2026年10月');
    expect(reportPeriodLabel('quarterly', '2026-Q4')).toBe('2026年第四季度');
    expect(reportPeriodLabel('achievement', '2026-Q3')).toBe('2026年第三季度');
  });

  it('refuses impossible periods rather than rolling them over', () => {
    expect(() => periodLabel('date', '2024-02-30')).toThrow();
    expect(() => periodLabel('week', '2026-W54')).toThrow();
    expect(() => periodLabel('month', '2026-13')).toThrow();
    expect(() => periodLabel('quarter', '2026-Q5')).toThrow();
  });
});

describe('numbers', () => {
  it('groups thousands and keeps at most two decimals', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(12.345)).toBe('12.35');
    expect(formatNumber(0)).toBe('0');
  });
});
