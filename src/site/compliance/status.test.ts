import { describe, expect, it } from 'vitest';
import { REGION_LEGEND, REPORT_LEGEND, regionStatusView, reportStatusView } from './status.ts';

describe('statuses read without colour', () => {
  it('gives every status its own symbol and word, not just a colour', () => {
    for (const legend of [REGION_LEGEND, REPORT_LEGEND]) {
      expect(new Set(legend.map((v) => v.symbol)).size).toBe(legend.length);
      expect(new Set(legend.map((v) => v.label)).size).toBe(legend.length);
    }
    expect(regionStatusView('missing')).toEqual({ symbol: '✗', label: '未达标', tone: 'bad' });
    expect(reportStatusView('on_time')).toEqual({ symbol: '✓', label: '按时', tone: 'good' });
    expect(reportStatusView('pending').label).toBe('未到期');
  });
});
