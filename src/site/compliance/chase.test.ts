import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { SentRecord } from '../../notify/record.ts';
import type { ComplianceContent } from '../../rules/compliance.ts';
import { chaseHistory, chaseList } from './chase.ts';

const content: ComplianceContent = {
  regions: [
    { id: 'east', name: '华东区', manager: 'luoxinhua' },
    { id: 'south', name: '华南区', manager: 'zhangxin' },
  ],
  people: [
    { id: 'luoxinhua', name: '罗新华', role: 'manager', region: 'east', joined: '2020-01-01' },
    { id: 'zhangxin', name: '张鑫', role: 'manager', region: 'south', joined: '2020-01-01' },
  ],
  calendar: { meetings: [] },
  articles: [],
  meetings: [],
  reports: [
    {
      id: 'w47',
      data: {
        kind: 'weekly',
        author: 'luoxinhua',
        region: 'east',
        period: '2026-W47',
        submitted: '2026-11-22T20:00:00+08:00',
      },
    },
  ],
};
const asOf = Temporal.Instant.from('2026-11-25T18:00:00+08:00');

describe('chaseList', () => {
  it('lists per region who owes what, overdue or not, with the message to paste', () => {
    const [east, south] = chaseList(content, '2026-11', asOf, { site: 'https://portal.intranet' });
    expect(east!.name).toBe('华东区');
    const titles = east!.items.map((i) => `${i.owner} ${i.title} ${i.due} ${i.overdue}`);
    expect(titles).toContain('罗新华 周报 2026-W46 11月16日 12:00 true');
    expect(titles).not.toContain('罗新华 周报 2026-W47 11月23日 12:00 true');
    expect(titles).toContain('罗新华 周报 2026-W48 11月30日 12:00 false');
    expect(titles).toContain('罗新华 华东区 11月内刊投稿 11月30日 23:59 false');
    expect(east!.message).toContain('**已逾期**');
    expect(east!.message).toContain(
      'https://portal.intranet/admin/#/collections/reports/new?kind=weekly&period=2026-W46',
    );
    expect(east!.message).toMatch(/@罗新华$/);
    expect(south!.items.map((i) => i.owner)).toEqual(expect.arrayContaining(['张鑫']));
    expect(chaseList(content, '2026-11', asOf, { site: 'x', region: 'south' }).map((c) => c.region)).toEqual([
      'south',
    ]);
  });
});

describe('chaseHistory', () => {
  it('shows the month’s runs, newest first, by name', () => {
    const record = (at: string, region: string): SentRecord => ({
      at,
      channel: 'dingtalk',
      region,
      keys: ['a@24h', 'b@24h'],
      owners: ['luoxinhua'],
      text: '消息',
    });
    const records = [
      record('2026-10-30T10:00:00+08:00', 'east'),
      record('2026-11-20T10:00:00+08:00', 'east'),
      record('2026-11-24T10:00:00+08:00', 'south'),
    ];
    const history = chaseHistory(records, content, '2026-11');
    expect(history.map((h) => `${h.at} ${h.region} ${h.channel} ${h.owners} ${h.count}`)).toEqual([
      '2026-11-24T10:00:00+08:00 华南区 钉钉 罗新华 2',
      '2026-11-20T10:00:00+08:00 华东区 钉钉 罗新华 2',
    ]);
    expect(chaseHistory(records, content, '2026-11', 'east')).toHaveLength(1);
  });
});
