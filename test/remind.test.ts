/**
 * `npm run remind` against fake robots of the three platforms on 127.0.0.1 that check signatures as the
 * platforms do: each platform's message is accepted, a repeated run sends nothing twice, and every kind of
 * failure (bad signature, invalid key, timeout, missing or malformed address) is said in Chinese with exit
 * status 1 while the other regions are still sent and nothing unsent is recorded.
 */
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSent } from '../src/notify/record.ts';
import { fakeRobots, type FakeRobots } from './support/robots.ts';
import { writeTree } from './support/tree.ts';

// Sunday 2026-11-29 12:00 Beijing: each manager's weekly report for W48 is due within 24 hours.
const NOW = '2026-11-29T12:00:00+08:00';

const ROSTER = {
  'org/regions.yaml': `- id: east\n  name: 华东区\n  manager: zhangwei\n- id: south\n  name: 华南区\n  manager: lina\n`,
  'org/people.yaml': [
    '- { id: zhangwei, name: 张伟, role: manager, region: east, joined: "2024-01-01", mobile: "13800000001", imUserId: zhang.wei }',
    '- { id: lina, name: 李娜, role: manager, region: south, joined: "2024-01-01" }',
    '',
  ].join('\n'),
};

/** A git repository whose content/ holds the roster: the record goes to its portal-reminders branch. */
let repo: string;
let content: string;
let robots: FakeRobots;

function git(...args: string[]) {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
}

/**
 * Runs the CLI on the test tree with `env` (robot addresses), as CI or a timer would. Asynchronously: the fake
 * robots answer from this very process.
 */
function remind(args: string[], env: Record<string, string>) {
  const child = spawn(
    resolve('node_modules/.bin/node'),
    [resolve('scripts/remind.ts'), '--dir', content, '--now', NOW, ...args],
    {
      env: {
        ...process.env,
        PORTAL_SITE: 'https://portal.intranet',
        PORTAL_REMIND_TIMEOUT_MS: '1000',
        ...env,
      },
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise<{ status: number | null; out: string; err: string }>((done) =>
    child.once('close', (status) => done({ status, out, err })),
  );
}

beforeAll(async () => {
  robots = await fakeRobots({
    secrets: { east: 'SECeast', south: 'SECsouth', hookeast: 'fs-east', hooksouth: 'fs-south' },
    keys: ['k-east', 'k-south'],
  });
});

beforeEach(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
  repo = writeTree(
    Object.fromEntries(Object.entries(ROSTER).map(([path, text]) => [`content/${path}`, text])),
  );
  content = join(repo, 'content');
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  git('-c', 'user.name=t', '-c', 'user.email=t@x', 'add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@x', 'commit', '-qm', 'roster');
  robots.received.length = 0;
  robots.silent.clear();
});

afterAll(async () => {
  await robots?.stop();
  if (repo) rmSync(repo, { recursive: true, force: true });
});

const DING = (region: string, secret = `SEC${region}`) => ({
  [`PORTAL_REMIND_${region.toUpperCase()}_URL`]: `${robots.url}/robot/send?access_token=${region}`,
  [`PORTAL_REMIND_${region.toUpperCase()}_SECRET`]: secret,
});

describe('npm run remind', () => {
  it('prints who is due per region on a dry run, and sends and records nothing', async () => {
    const { status, out } = await remind(['--dry-run'], {});
    expect(status).toBe(0);
    expect(out).toContain('=== 华东区（east）===');
    expect(out).toMatch(
      /- 张伟：周报 2026-W48，11月30日 12:00 截止（还有 24 小时）\[去填写\]\(https:\/\/portal\.intranet\/admin\/#\/collections\/reports\/new\?kind=weekly&period=2026-W48&author=zhangwei&region=east\)/,
    );
    expect(out).toContain('=== 华南区（south）===');
    expect(robots.received).toEqual([]);
    expect(readSent(content)).toEqual([]);
  });

  it('DingTalk: signed, accepted, recorded, and a second run in the same window sends nothing', async () => {
    const first = await remind([], { ...DING('east'), ...DING('south') });
    expect(first.err, first.out + first.err).not.toContain('✗');
    expect(first.status).toBe(0);
    expect(robots.received).toHaveLength(2);
    const east = robots.received.find((r) => r.query.get('access_token') === 'east')!;
    expect(east.body).toMatchObject({ msgtype: 'markdown', at: { atMobiles: ['13800000001'] } });
    expect((east.body.markdown as { text: string }).text).toContain('@13800000001');
    expect(first.err + first.out).toContain('李娜 在花名册中没有手机号或群聊用户 ID');
    expect(readSent(content).map((r) => r.region)).toEqual(['east', 'south']);

    const again = await remind([], { ...DING('east'), ...DING('south') });
    expect(again.status).toBe(0);
    expect(again.out).toContain('本次 0 项');
    expect(robots.received).toHaveLength(2);
  });

  it('a bad signature is refused by that robot only: exit 1, the other region sent, nothing false recorded', async () => {
    const { status, err } = await remind([], { ...DING('east'), ...DING('south', 'SECwrong') });
    expect(status).toBe(1);
    expect(err).toContain('华南区：钉钉拒绝了消息（错误码 310000）');
    expect(readSent(content).map((r) => r.region)).toEqual(['east']);
    // The refused region is tried again next time; the sent one is not.
    const retry = await remind([], { ...DING('east'), ...DING('south') });
    expect(retry.status).toBe(0);
    expect(readSent(content).map((r) => r.region)).toEqual(['east', 'south']);
  });

  it('Feishu: signature in the body, @ by user id; a wrong secret is 19021', async () => {
    const env = (secret: string) => ({
      PORTAL_REMIND_EAST_URL: `${robots.url}/open-apis/bot/v2/hook/hookeast`,
      PORTAL_REMIND_EAST_SECRET: 'fs-east',
      PORTAL_REMIND_SOUTH_URL: `${robots.url}/open-apis/bot/v2/hook/hooksouth`,
      PORTAL_REMIND_SOUTH_SECRET: secret,
    });
    const { status, err } = await remind(['--channel', 'feishu'], env('fs-wrong'));
    expect(status).toBe(1);
    expect(err).toContain('华南区：飞书拒绝了消息（错误码 19021）');
    const east = robots.received.find((r) => r.path.endsWith('hookeast'))!;
    expect(east.body).toMatchObject({ msg_type: 'text' });
    expect((east.body.content as { text: string }).text).toContain('<at user_id="zhang.wei">张伟</at>');
    expect(readSent(content).map((r) => `${r.channel}:${r.region}`)).toEqual(['feishu:east']);
  });

  it('WeCom: the key in the URL; an invalid key is 93000', async () => {
    const { status, err } = await remind(['--channel', 'wecom'], {
      PORTAL_REMIND_EAST_URL: `${robots.url}/cgi-bin/webhook/send?key=k-east`,
      PORTAL_REMIND_SOUTH_URL: `${robots.url}/cgi-bin/webhook/send?key=k-gone`,
    });
    expect(status).toBe(1);
    expect(err).toContain('华南区：企业微信拒绝了消息（错误码 93000）：企业微信机器人地址无效');
    const east = robots.received.find((r) => r.query.get('key') === 'k-east')!;
    expect((east.body.markdown as { content: string }).content).toContain('<@zhang.wei>');
  });

  it('says what is wrong with a timeout, a missing or a malformed address, and records nothing for them', async () => {
    robots.silent.add('access_token=south');
    const timeout = await remind([], { ...DING('east'), ...DING('south') });
    expect(timeout.status, timeout.out + timeout.err).toBe(1);
    expect(timeout.out).toContain('✓ 已发送到华东区的钉钉群');
    expect(timeout.err).toContain('华南区：机器人 1 秒内没有应答（超时）');

    // East was sent above and has nothing new; south still fails, each time with its reason.
    const malformed = await remind([], { PORTAL_REMIND_SOUTH_URL: 'oapi.dingtalk.com/robot/send' });
    expect(malformed.status).toBe(1);
    expect(malformed.err).toContain('华南区：机器人地址 “oapi.dingtalk.com/robot/send” 不是网址');
    const missing = await remind([], {});
    expect(missing.status).toBe(1);
    expect(missing.err).toContain('华南区：没有设置环境变量 PORTAL_REMIND_SOUTH_URL');
    expect(readSent(content).map((r) => r.region)).toEqual(['east']);
  });
});
