/**
 * The three chat platforms' group robots, exactly as each documents its custom robot (webhook):
 *
 * - DingTalk 自定义机器人: markdown message; with 加签, `timestamp` (ms) and `sign` in the query, where sign =
 *   urlencode(base64(HMAC-SHA256(key = secret, message = `${timestamp}\n${secret}`))); @ by mobile or userid,
 *   listed in `at` and written as `@…` in the text. Answers `{ errcode: 0 }`; 310000 for a bad signature.
 * - Feishu 自定义机器人: text message; with 签名校验, `timestamp` (s) and `sign` in the JSON body, where sign =
 *   base64(HMAC-SHA256(key = `${timestamp}\n${secret}`, message = "")); @ by user id as `<at user_id="…">`.
 *   Answers `{ code: 0 }`; 19021 for a bad signature.
 * - WeCom 群机器人: the key is in the URL, no signature; markdown message, @ by userid as `<@userid>`.
 *   Answers `{ errcode: 0 }`; 93000 for an invalid webhook key.
 *
 * Everything here is pure: the request to send and the verdict on the answer. send.ts does the sending.
 */
import { createHmac } from 'node:crypto';
import type { Temporal } from 'temporal-polyfill';
import type { Mention, Message } from './message.ts';

export const CHANNELS = ['dingtalk', 'wecom', 'feishu'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  dingtalk: '钉钉',
  wecom: '企业微信',
  feishu: '飞书',
};

export interface Robot {
  /** The webhook address, from the environment. */
  url: string;
  /** 加签 / 签名校验 secret (DingTalk, Feishu), from the environment. */
  secret?: string;
}

/** A robot setting that cannot work, said in Chinese. */
export class RobotConfigError extends Error {
  override name = 'RobotConfigError';
}

export interface RobotRequest {
  url: string;
  body: string;
}

const hmac = (key: string, message: string) =>
  createHmac('sha256', key).update(message, 'utf8').digest('base64');

/** DingTalk's signature of `timestamp` (ms). */
export function dingtalkSign(timestamp: number, secret: string): string {
  return hmac(secret, `${timestamp}\n${secret}`);
}

/** Feishu's signature of `timestamp` (s): the key is timestamp and secret, the message empty. */
export function feishuSign(timestamp: number, secret: string): string {
  return hmac(`${timestamp}\n${secret}`, '');
}

/** The robot's address, checked for the shape its platform gives it (any host: intranet proxies exist). */
function checkedUrl(channel: Channel, robot: Robot): URL {
  let url: URL;
  try {
    url = new URL(robot.url);
  } catch {
    throw new RobotConfigError(`机器人地址 “${robot.url}” 不是网址`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RobotConfigError(`机器人地址 “${robot.url}” 应为 http(s) 网址`);
  const ok =
    channel === 'dingtalk'
      ? url.searchParams.get('access_token')
      : channel === 'wecom'
        ? url.searchParams.get('key')
        : /\/open-apis\/bot\/v2\/hook\/[\w-]+$/.test(url.pathname);
  if (!ok) {
    const expected = {
      dingtalk: '…/robot/send?access_token=…',
      wecom: '…/cgi-bin/webhook/send?key=…',
      feishu: '…/open-apis/bot/v2/hook/…',
    }[channel];
    throw new RobotConfigError(`机器人地址不像${CHANNEL_LABELS[channel]}机器人的地址（应形如 ${expected}）`);
  }
  if (robot.secret !== undefined && robot.secret.trim() === '')
    throw new RobotConfigError('机器人密钥是空的：不用加签时请不要设置密钥变量');
  return url;
}

/** `[text](url)` as the platform shows links: Markdown for DingTalk and WeCom, the bare address for Feishu. */
const plainLinks = (line: string) => line.replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1：$2');

function mentionText(channel: Channel, m: Mention): string {
  switch (channel) {
    case 'dingtalk':
      return m.mobile ? `@${m.mobile}` : m.userId ? `@${m.userId}` : `@${m.name}`;
    case 'wecom':
      return m.userId ? `<@${m.userId}>` : `@${m.name}`;
    case 'feishu':
      return m.userId ? `<at user_id="${m.userId}">${m.name}</at>` : `@${m.name}`;
  }
}

/** Who cannot be @-mentioned on this platform for want of a roster field: named in the run's output. */
export function unreachable(channel: Channel, mentions: readonly Mention[]): Mention[] {
  return mentions.filter((m) => (channel === 'dingtalk' ? !m.mobile && !m.userId : !m.userId));
}

/** The request that sends `message` through `robot` at `now`. */
export function robotRequest(
  channel: Channel,
  robot: Robot,
  message: Message,
  now: Temporal.Instant,
): RobotRequest {
  const url = checkedUrl(channel, robot);
  const at = message.mentions.map((m) => mentionText(channel, m)).join(' ');
  switch (channel) {
    case 'dingtalk': {
      if (robot.secret) {
        const timestamp = now.epochMilliseconds;
        url.searchParams.set('timestamp', String(timestamp));
        url.searchParams.set('sign', dingtalkSign(timestamp, robot.secret));
      }
      const text = [...message.lines.map((l) => (l === '' ? '' : `${l}  `)), '', at].join('\n');
      const body = {
        msgtype: 'markdown',
        markdown: { title: message.title, text },
        at: {
          atMobiles: message.mentions.flatMap((m) => (m.mobile ? [m.mobile] : [])),
          atUserIds: message.mentions.flatMap((m) => (!m.mobile && m.userId ? [m.userId] : [])),
          isAtAll: false,
        },
      };
      return { url: url.href, body: JSON.stringify(body) };
    }
    case 'wecom': {
      const content = [...message.lines, '', at].join('\n');
      return { url: url.href, body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }) };
    }
    case 'feishu': {
      const text = [...message.lines.map(plainLinks).map((l) => l.replace(/\*\*/g, '')), '', at].join('\n');
      const signed = robot.secret
        ? (() => {
            const timestamp = Math.floor(now.epochMilliseconds / 1000);
            return { timestamp: String(timestamp), sign: feishuSign(timestamp, robot.secret) };
          })()
        : {};
      return { url: url.href, body: JSON.stringify({ ...signed, msg_type: 'text', content: { text } }) };
    }
  }
}

/** What an answer means: sent, or why not, in Chinese with the platform's own code. */
export function robotVerdict(
  channel: Channel,
  status: number,
  text: string,
): { ok: true } | { ok: false; reason: string } {
  let json: { errcode?: number; errmsg?: string; code?: number; msg?: string; StatusCode?: number };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return { ok: false, reason: `${CHANNEL_LABELS[channel]}返回的不是 JSON（HTTP ${status}）` };
  }
  const code = channel === 'feishu' ? (json.code ?? json.StatusCode) : json.errcode;
  if (status === 200 && code === 0) return { ok: true };
  const known: Record<number, string> = {
    310000: '签名不对、关键词不符或 IP 不在白名单（请检查钉钉机器人的安全设置和密钥）',
    130101: '发送太快，被钉钉限流',
    19021: '签名校验失败（请检查飞书机器人的密钥，以及服务器时间是否准确）',
    19024: '来源 IP 不在飞书机器人的白名单中',
    93000: '企业微信机器人地址无效（key 不对或机器人已被移除）',
    45009: '发送太快，被企业微信限流',
  };
  const detail = code !== undefined && known[code] ? known[code] : (json.errmsg ?? json.msg ?? '');
  return {
    ok: false,
    reason: `${CHANNEL_LABELS[channel]}拒绝了消息（错误码 ${code ?? `HTTP ${status}`}）：${detail}`,
  };
}
