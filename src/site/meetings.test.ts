import { describe, expect, it } from 'vitest';
import {
  isCommunicationMeeting,
  latestMeetings,
  meetingFigures,
  meetingKindLabel,
  meetingsByMonth,
} from './meetings.ts';

const meeting = (id: string, start: string, region?: string) => ({
  id,
  data: region === undefined ? { start } : { start, region },
});
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

const meetings = [
  meeting('m1', '2026-10-31T23:59:59+08:00', 'east'),
  meeting('m2', '2026-11-01T00:00:00+08:00', 'south'),
  meeting('m3', '2026-10-05T13:30:00+08:00'),
  meeting('m4', '2026-09-28T08:30:00+08:00', 'east'),
];

describe('meetings', () => {
  it('labels kinds from the model', () => {
    expect(meetingKindLabel('regional')).toBe('市场区域会议');
    expect(meetingKindLabel('evening')).toBe('夕会');
  });

  it('knows which kinds are sales communication meetings (R7)', () => {
    expect(isCommunicationMeeting('regional')).toBe(true);
    expect(isCommunicationMeeting('office')).toBe(true);
    expect(isCommunicationMeeting('morning')).toBe(false);
  });

  it('lists the latest, optionally for one region', () => {
    expect(ids(latestMeetings(meetings, 2))).toEqual(['m2', 'm1']);
    expect(ids(latestMeetings(meetings, 8, 'east'))).toEqual(['m1', 'm4']);
  });

  it('groups by Beijing month, newest first, on the midnight boundary', () => {
    expect(meetingsByMonth(meetings).map((g) => [g.key, ids(g.items)])).toEqual([
      ['2026-11', ['m2']],
      ['2026-10', ['m1', 'm3']],
      ['2026-09', ['m4']],
    ]);
  });

  it('shows evening-meeting figures only when present, including zero', () => {
    expect(meetingFigures({})).toEqual([]);
    expect(meetingFigures({ calls: 1320, intents: 0 })).toEqual([
      { label: '电话量', value: '1,320' },
      { label: '意向客户数', value: '0' },
    ]);
  });
});
