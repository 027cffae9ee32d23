import { Temporal } from 'temporal-polyfill';
import { refusalOf } from '../../test/support/refusal.ts';
import { describe, expect, it } from 'vitest';
import { parseYaml, splitFrontMatter } from '../load/yaml.ts';
import { GATE_PEOPLE, GATE_REGIONS } from '../../test/support/gate-roster.ts';
import { prepareEntry } from './entry.ts';
import { classify } from './paths.ts';
import { LOCAL_ADMIN, userOf } from './rights.ts';

const people = GATE_PEOPLE;
const regions = GATE_REGIONS;
const roster = { people, regions };
const rep = userOf(people[0]!, false);
const manager = userOf(people[1]!, false);
const now = Temporal.Instant.from('2026-11-30T01:30:15Z'); // 09:30:15 in Beijing
const later = Temporal.Instant.from('2026-12-02T02:00:00Z');

const front = (text: string) => parseYaml(splitFrontMatter(text)!.yaml).value as Record<string, unknown>;
const article = (extra = '', author = 'xuning') =>
  `---\ntitle: 测试文章\nregion: east\nauthor: ${author}\ncategory: academic\n${extra}---\n\n正文。\n`;
const meeting = (body: string, extra = '') =>
  `---\ntitle: 华东区十一月市场会\nkind: regional\nregion: east\norganizer: luoxinhua\nstart: '2026-12-05T14:00:00+08:00'\n${extra}---\n\n${body}`;
const NEW = classify('content/articles/2026/2026-11-30-xuning-093015.md');

const refusal = refusalOf;

describe('prepareEntry', () => {
  it('sets the submitted time and the saver from the server, whatever the form says', () => {
    const raw = article("submitted: '2020-01-01T09:00:00+08:00'\nsavedBy: luoxinhua\n");
    const { data, content } = prepareEntry({ target: NEW, raw, previous: undefined, user: rep, now, roster });
    expect(data).toMatchObject({ submitted: '2026-11-30T09:30:15+08:00', savedBy: 'xuning' });
    expect(front(content.toString())).toMatchObject({
      submitted: '2026-11-30T09:30:15+08:00',
      savedBy: 'xuning',
    });
  });

  it('keeps the first submitted time on later saves, and records the later saver', () => {
    const first = prepareEntry({ target: NEW, raw: article(), previous: undefined, user: rep, now, roster });
    const raw = article("submitted: '2026-12-31T00:00:00+08:00'\n");
    const again = prepareEntry({
      target: NEW,
      raw,
      previous: first.content.toString(),
      user: manager,
      now: later,
      roster,
    });
    expect(again.data).toMatchObject({ submitted: '2026-11-30T09:30:15+08:00', savedBy: 'luoxinhua' });
  });

  it('sets applied at a meeting’s first save and filed at the first save with a memo, never from the form', () => {
    const target = classify('content/meetings/2026/2026-11-30-luoxinhua-093015.md');
    const user = manager;
    const forged = "applied: '2026-11-01T09:00:00+08:00'\nfiled: '2026-12-05T18:00:00+08:00'\n";
    const applied = prepareEntry({
      target,
      raw: meeting('', forged),
      previous: undefined,
      user,
      now,
      roster,
    });
    expect(applied.data).toMatchObject({ applied: '2026-11-30T09:30:15+08:00' });
    expect(applied.data.filed).toBeUndefined();
    const filed = prepareEntry({
      target,
      raw: meeting('会议决定：十二月起每周例会。\n', forged),
      previous: applied.content.toString(),
      user,
      now: later,
      roster,
    });
    expect(filed.data).toMatchObject({
      applied: '2026-11-30T09:30:15+08:00',
      filed: '2026-12-02T10:00:00+08:00',
    });
  });

  it('stamps a meeting’s application anew when its start moves: a placeholder cannot certify a later meeting', () => {
    const target = classify('content/meetings/2026/2026-11-30-luoxinhua-093015.md');
    const first = prepareEntry({ target, raw: meeting(''), previous: undefined, user: manager, now, roster });
    const moved = meeting('会议决定：……\n').replace(
      "start: '2026-12-05T14:00:00+08:00'",
      "start: '2026-12-18T14:00:00+08:00'",
    );
    const again = prepareEntry({
      target,
      raw: moved,
      previous: first.content.toString(),
      user: manager,
      now: later,
      roster,
    });
    expect(again.data).toMatchObject({
      applied: '2026-12-02T10:00:00+08:00',
      filed: '2026-12-02T10:00:00+08:00',
    });
  });

  it('keeps an entry in its person’s roster region, all problems at once', () => {
    const raw = article().replace('region: east', 'region: south').replace('title: 测试文章', 'title: 测');
    const error = refusal(() =>
      prepareEntry({ target: NEW, raw, previous: undefined, user: rep, now, roster }),
    );
    expect(error.message).toContain('region（所属区域）：应为徐宁在花名册中的区域 华东区');
    expect(error.message).toContain('title（标题）');
  });

  it('checks with the build’s schema and the roster, all problems at once, in Chinese', () => {
    const raw = '---\ntitle: 测\nregion: atlantis\nauthor: xuning\ncategory: poetry\n---\n';
    const error = refusal(() =>
      prepareEntry({ target: NEW, raw, previous: undefined, user: rep, now, roster }),
    );
    expect(error.status).toBe(422);
    expect(error.message).toContain('title（标题）');
    expect(error.message).toContain('category（栏目）');
    expect(error.message).toContain('区域 “atlantis” 不存在');
  });

  it('refuses what the user may not write', () => {
    const forOther = article('', 'zhangxin').replace('region: east', 'region: south');
    const target = classify('content/articles/2026/2026-11-30-zhangxin-093015.md');
    expect(
      refusal(() => prepareEntry({ target, raw: forOther, previous: undefined, user: rep, now, roster }))
        .status,
    ).toBe(403);
    expect(
      refusal(() => prepareEntry({ target, raw: forOther, previous: undefined, user: manager, now, roster }))
        .status,
    ).toBe(403);
    expect(
      prepareEntry({ target, raw: forOther, previous: undefined, user: LOCAL_ADMIN, now, roster }).data
        .savedBy,
    ).toBe('local');
    // Taking someone else's existing entry over is refused too.
    const theirs = prepareEntry({
      target,
      raw: forOther,
      previous: undefined,
      user: LOCAL_ADMIN,
      now,
      roster,
    });
    const mine = article();
    expect(
      refusal(() =>
        prepareEntry({ target, raw: mine, previous: theirs.content.toString(), user: rep, now, roster }),
      ).status,
    ).toBe(403);
    const people = classify('content/org/people.yaml');
    expect(
      refusal(() =>
        prepareEntry({ target: people, raw: 'x', previous: undefined, user: manager, now, roster }),
      ).status,
    ).toBe(403);
  });

  it('refuses a new entry whose generated name is another person’s, not generated, or not of about today', () => {
    const other = classify('content/articles/2026/2026-11-30-liuliang-093015.md');
    expect(
      refusal(() =>
        prepareEntry({ target: other, raw: article(), previous: undefined, user: rep, now, roster }),
      ).message,
    ).toContain('人员编号');
    const plain = classify('content/articles/2026/my-article.md');
    expect(
      refusal(() =>
        prepareEntry({ target: plain, raw: article(), previous: undefined, user: rep, now, roster }),
      ).status,
    ).toBe(403);
    const old = classify('content/articles/2026/2026-11-28-xuning-093015.md');
    expect(
      refusal(() =>
        prepareEntry({ target: old, raw: article(), previous: undefined, user: rep, now, roster }),
      ).message,
    ).toContain('服务器日期');
    const yesterday = classify('content/articles/2026/2026-11-29-xuning-235959.md');
    expect(
      prepareEntry({ target: yesterday, raw: article(), previous: undefined, user: rep, now, roster }).data
        .author,
    ).toBe('xuning');
  });

  it('refuses control characters in a body, as the build would', () => {
    const raw = article().replace('正文。', '第一行\n第二行\u001b[31m');
    const error = refusal(() =>
      prepareEntry({ target: NEW, raw, previous: undefined, user: rep, now, roster }),
    );
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/正文第 \d+ 行：.*U\+001B/);
  });

  it('refuses files over the size limit before reading them', () => {
    const raw = article().replace('正文。', '字'.repeat(100_000));
    expect(
      refusal(() => prepareEntry({ target: NEW, raw, previous: undefined, user: rep, now, roster })).status,
    ).toBe(413);
  });
});
