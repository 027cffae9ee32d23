import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { suspectEntries } from '../../rules/compliance.ts';
import { article, makeContent, meeting, report } from '../../../test/support/fixtures.ts';
import { DEFAULT_POLICY } from '../../rules/policy.ts';
import { sightingKey } from '../../rules/sightings.ts';
import { suspectRowViews, toleranceLabel } from './suspects.ts';

describe('suspectRowViews', () => {
  const content = makeContent({
    articles: [article('east', '2026-11-02T09:00:00+08:00', 'wangfang', 'art')],
    meetings: [
      meeting('east', '2026-11-10T14:00:00+08:00', { id: 'meet', applied: '2026-11-05T09:00:00+08:00' }),
    ],
    reports: [report('zhangwei', 'weekly', '2026-W46', '2026-11-16T09:00:00+08:00', 'rep')],
  });
  const late = { firstSeen: Temporal.Instant.from('2026-11-30T10:00:00+08:00'), baseline: false };
  const sightings = new Map([
    [sightingKey('articles', 'art'), late],
    [sightingKey('meetings', 'meet'), late],
    [sightingKey('reports', 'rep'), late],
  ]);
  const entries = suspectEntries(content, {
    month: '2026-11',
    asOf: Temporal.Instant.from('2026-12-01T00:00:00+08:00'),
    sightings,
  });
  const directory = {
    personName: (id: string) => `名${id}`,
    regionName: (id: string | undefined) => `区${id}`,
  };

  it('names each entry, who and where, links it, and keeps both times', () => {
    expect(suspectRowViews(entries, content, directory)).toEqual([
      {
        key: 'articles-art',
        kind: '内刊投稿',
        title: '测试文章',
        href: '/articles/art/',
        personName: '名wangfang',
        regionName: '区east',
        field: '投稿时间',
        claimed: '2026-11-02T09:00:00+08:00',
        firstSeen: '2026-11-30T10:00:00+08:00',
      },
      expect.objectContaining({
        key: 'meetings-meet',
        kind: '销售沟通会',
        field: '申请时间',
        href: '/meetings/meet/',
      }),
      expect.objectContaining({
        key: 'reports-rep',
        kind: '工作汇报',
        title: '名zhangwei的周报：2026年第46周（11月9日–15日）',
        field: '提交时间',
        href: '/manage/reports/rep/',
        claimed: '2026-11-16T09:00:00+08:00',
      }),
    ]);
  });
});

describe('toleranceLabel', () => {
  it.each([
    [{ minutes: 15 }, '15 分钟'],
    [{ hours: 1 }, '1 小时'],
    [{ minutes: 90 }, '1 小时 30 分钟'],
    [{ seconds: 0 }, '0 分钟'],
  ])('%o reads %s', (firstSeenTolerance, label) => {
    expect(toleranceLabel({ firstSeenTolerance })).toBe(label);
  });

  it('states the default policy', () => {
    expect(toleranceLabel(DEFAULT_POLICY)).toBe('15 分钟');
  });
});
