import { describe, expect, it } from 'vitest';
import { complianceUrls } from './urls.ts';

describe('compliance URLs', () => {
  it('live under /manage/ with the site’s trailing slash, downloads with their extension', () => {
    expect(complianceUrls.index()).toBe('/manage/compliance/');
    expect(complianceUrls.region('east')).toBe('/manage/compliance/east/');
    expect(complianceUrls.month('2026-10')).toBe('/manage/compliance/2026-10/');
    expect(complianceUrls.download('2026-10', 'csv')).toBe('/manage/compliance/2026-10.csv');
  });
});
