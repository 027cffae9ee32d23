import { describe, expect, it } from 'vitest';
import { ACTIVITY_LEGEND, activityStatusView } from './status.ts';

describe('activity statuses', () => {
  it('read like the compliance marks, below as 未达标', () => {
    expect(activityStatusView('below')).toEqual({ symbol: '✗', label: '未达标', tone: 'bad' });
    expect(ACTIVITY_LEGEND.map((v) => v.label)).toEqual(['达标', '进行中', '未达标']);
  });
});
