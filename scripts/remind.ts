/**
 * npm run remind -- [--now <datetime>] [--dry-run] [--channel dingtalk|wecom|feishu] [--dir content] [--push origin]
 *
 * Works out from the rules engine what is due soon and what is overdue (src/deadlines/reminders.ts), and sends
 * one 催交 message per region to that region's group robot. Robot addresses and secrets come only from the
 * environment: PORTAL_REMIND_<REGION>_URL and PORTAL_REMIND_<REGION>_SECRET (region id in capitals, `-` as
 * `_`). What a robot accepted is recorded on the branch `portal-reminders` (src/notify/record.ts), so running
 * again in the same window sends nothing twice. Exit status: 0 when every due message was sent (or there was
 * nothing to send), 1 when any region failed (the others are still sent), 2 for bad arguments or content.
 */
import { resolve } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { byRegion, dueReminders, type Reminder } from '../src/deadlines/reminders.ts';
import { readSightings } from '../src/ledger/sightings.ts';
import { runGit } from '../src/git/run.ts';
import { loadContent } from '../src/load/load.ts';
import { formatProblems } from '../src/load/problems.ts';
import { formatDateTime } from '../src/model/time.ts';
import { reminderMessage, type Message } from '../src/notify/message.ts';
import { appendSent, readSent, sentKeys, type SentRecord } from '../src/notify/record.ts';
import {
  CHANNEL_LABELS,
  CHANNELS,
  RobotConfigError,
  robotRequest,
  unreachable,
  type Channel,
} from '../src/notify/robots.ts';
import { deliver, RateLimit } from '../src/notify/send.ts';
import { cliOptions, fail as failWith, nowOption } from './lib/args.ts';

const USAGE = `用法：npm run remind -- [--now 2026-11-30T10:00:00+08:00] [--dry-run] [--channel dingtalk|wecom|feishu] [--dir content] [--push origin]

  --now      视为“现在”的时间，须带时区；默认为当前时间
  --dry-run  只打印每个区域要发的消息，不发送、不记录
  --channel  钉钉 dingtalk（默认）、企业微信 wecom 或飞书 feishu
  --dir      内容目录，默认 content；发送记录写在它所在 git 仓库的 portal-reminders 分支
  --push     记录之后把 portal-reminders 分支推送到这个远程仓库（CI 中用）

机器人地址和密钥只从环境变量读取：PORTAL_REMIND_<区域编号>_URL、PORTAL_REMIND_<区域编号>_SECRET（区域编号大写，- 写作 _），
例如 PORTAL_REMIND_EAST_URL。站点地址（消息中的投稿链接）取 PORTAL_SITE。`;

const fail: (message: string) => never = (message) => failWith(message, USAGE);

const values = cliOptions(
  {
    now: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    channel: { type: 'string', default: process.env.PORTAL_REMIND_CHANNEL ?? 'dingtalk' },
    dir: { type: 'string', default: 'content' },
    push: { type: 'string' },
  },
  USAGE,
);
const channel = values.channel as Channel;
if (!CHANNELS.includes(channel))
  fail(`--channel “${String(values.channel)}” 不支持，只能是 ${CHANNELS.join('、')}`);
const now = nowOption(values.now as string | undefined, USAGE);
const dir = resolve(values.dir as string);
const dryRun = values['dry-run'] === true;
const site = (process.env.PORTAL_SITE ?? 'http://127.0.0.1:4321').replace(/\/+$/, '');

const { content, problems } = loadContent(dir);
if (problems.length > 0) {
  process.stderr.write(`${formatProblems(problems)}\n`);
  process.exit(2);
}

const sent = sentKeys(readSent(dir));
const due = dueReminders(content, now, { sightings: readSightings(dir) });
const fresh = due.filter((r) => !sent.has(r.key));
const regionName = (id: string) => content.regions.find((r) => r.id === id)?.name ?? id;
const envName = (region: string, part: 'URL' | 'SECRET') =>
  `PORTAL_REMIND_${region.toUpperCase().replace(/-/g, '_')}_${part}`;

/** The message as a person reads it: its lines, then whom it mentions. */
const shown = (m: Message) => [...m.lines, '', `@ ${m.mentions.map((p) => p.name).join('、')}`].join('\n');

console.log(
  `${formatDateTime(now)}：${due.length} 项需要催交，其中 ${due.length - fresh.length} 项之前已经发过，` +
    `本次 ${fresh.length} 项（${CHANNEL_LABELS[channel]}${dryRun ? '，只打印不发送' : ''}）`,
);

const limit = new RateLimit();
const records: SentRecord[] = [];
const failures: string[] = [];
for (const [region, reminders] of byRegion(fresh)) {
  const message = reminderMessage({
    regionName: regionName(region),
    reminders,
    people: content.people,
    now,
    site,
  });
  console.log(`\n=== ${regionName(region)}（${region}）===\n${shown(message)}`);
  for (const person of unreachable(channel, message.mentions))
    console.warn(
      `提示：${person.name} 在花名册中没有${channel === 'dingtalk' ? '手机号或' : ''}群聊用户 ID，消息里只写名字，无法 @ 到本人`,
    );
  if (dryRun) continue;
  const url = process.env[envName(region, 'URL')];
  if (!url) {
    failures.push(`${regionName(region)}：没有设置环境变量 ${envName(region, 'URL')}，未发送`);
    continue;
  }
  let request;
  try {
    // Signed with the real clock: the platforms refuse a timestamp an hour off, whatever --now says.
    const secret = process.env[envName(region, 'SECRET')];
    request = robotRequest(channel, { url, secret }, message, Temporal.Now.instant());
  } catch (error) {
    if (!(error instanceof RobotConfigError)) throw error;
    failures.push(`${regionName(region)}：${error.message}（${envName(region, 'URL')}），未发送`);
    continue;
  }
  await limit.take(request.url);
  const result = await deliver(channel, request, Number(process.env.PORTAL_REMIND_TIMEOUT_MS ?? 10_000));
  if (!result.ok) {
    failures.push(`${regionName(region)}：${result.reason}，未发送`);
    continue;
  }
  console.log(`✓ 已发送到${regionName(region)}的${CHANNEL_LABELS[channel]}群`);
  records.push(record(region, reminders, message));
}

function record(region: string, reminders: readonly Reminder[], message: Message): SentRecord {
  return {
    at: formatDateTime(now),
    channel,
    region,
    keys: reminders.map((r) => r.key),
    owners: [...new Set(reminders.map((r) => r.owner))],
    text: shown(message),
  };
}

if (records.length > 0) {
  appendSent(dir, records, now);
  if (values.push) {
    const pushed = runGit(dir, ['push', '--quiet', String(values.push), 'portal-reminders']);
    if (pushed.status !== 0) failures.push(`发送记录推送失败：${pushed.stderr.trim()}`);
  }
}
for (const line of failures) console.error(`✗ ${line}`);
process.exit(failures.length > 0 ? 1 : 0);
