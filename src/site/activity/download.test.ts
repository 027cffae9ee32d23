import { describe, expect, it } from 'vitest';
import { activityRow, PEOPLE, REGIONS } from '../../../test/support/fixtures.ts';
import type { ComplianceExport } from '../../rules/compliance.ts';
import { formatCsv, formatJson } from '../../rules/export.ts';
import { activityCsv, activityJson } from './download.ts';

const activity = [
  activityRow({
    count: 40,
    status: 'pending',
    daysBelow: ['2026-11-03'],
    daysMissing: ['2026-11-04'],
    changedLater: [{ date: '2026-11-05', updated: '2026-11-09T12:00:00+08:00' }],
  }),
  activityRow({ scope: 'week', period: '2026-W45', count: 12, required: 15, daysBelow: ['2026-11-03'] }),
];

const result: ComplianceExport = {
  month: '2026-11',
  asOf: '2026-11-25T18:00:00+08:00',
  regions: [
    {
      id: 'east',
      articles: { count: 1, required: 1, status: 'met' },
      meetings: { count: 0, qualifying: 0, required: 1, status: 'pending' },
    },
  ],
  reports: [
    {
      person: 'zhangwei',
      kind: 'weekly',
      period: '2026-W45',
      due: '2026-11-09T12:00:00+08:00',
      submitted: null,
      status: 'missing',
    },
  ],
  materials: [],
  activity,
};
const roster = { regions: REGIONS, people: PEOPLE };

describe('the activity downloads', () => {
  it('hold the export’s month, asOf and activity rows, printed as the export is', () => {
    const json = activityJson(result);
    expect(JSON.parse(json)).toEqual({ month: result.month, asOf: result.asOf, activity });
    // The same text as the whole export's lines for these keys: two-space indent, a final newline.
    expect(formatJson(result)).toContain(json.slice(json.indexOf('  "activity"'), -3));
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('are in CSV the export’s header and exactly its activity rows', () => {
    const lines = (csv: string) =>
      csv
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(0, -1);
    const whole = lines(formatCsv(result, roster));
    const without = new Set(lines(formatCsv({ ...result, activity: [] }, roster)));
    const own = lines(activityCsv(result, roster));
    expect(activityCsv(result, roster).startsWith('\uFEFF')).toBe(true);
    expect(own[0]).toBe(whole[0]);
    expect(own.slice(1)).toEqual(whole.filter((line) => !without.has(line)));
    expect(own).toHaveLength(1 + activity.length);
  });
});
