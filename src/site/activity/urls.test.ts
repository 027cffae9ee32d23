import { describe, expect, it } from 'vitest';
import { activityUrls, timelinessUrls } from './urls.ts';

describe('activity and timeliness URLs', () => {
  it('put the activity pages under /manage/ and the timeliness list outside it', () => {
    expect(activityUrls.index()).toBe('/manage/activity/');
    expect(activityUrls.month('2026-11')).toBe('/manage/activity/2026-11/');
    expect(activityUrls.download('2026-11', 'csv')).toBe('/manage/activity/2026-11.csv');
    expect(timelinessUrls.index()).toBe('/timeliness/');
    expect(timelinessUrls.month('2026-11')).toBe('/timeliness/2026-11/');
    expect(timelinessUrls.month('2026-11').startsWith('/manage/')).toBe(false);
  });
});
