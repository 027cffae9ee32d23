import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Message } from './message.ts';
import {
  dingtalkSign,
  feishuSign,
  RobotConfigError,
  robotRequest,
  robotVerdict,
  unreachable,
} from './robots.ts';

// 2025-11-30T10:00:00+08:00; the signatures below were computed with Python's hmac, as the platforms' docs show.
const now = Temporal.Instant.fromEpochMilliseconds(1764468000000);
const message: Message = {
  title: '华东区催交提醒',
  lines: ['**华东区催交提醒**', '- 罗新华：周报 2026-W48 [去填写](http://portal/admin/#/x)'],
  mentions: [
    { name: '罗新华', mobile: '13800000001', userId: 'luo.x' },
    { name: '张鑫', userId: 'zhang.x' },
    { name: '徐宁' },
  ],
};

describe('signatures', () => {
  it('are the platforms’ own', () => {
    expect(dingtalkSign(1764468000000, 'SECtest')).toBe('FAdIbzgHs0ubA0p2O62PNZ19syufZIsO31BKoI2/bVU=');
    expect(feishuSign(1764468000, 'SECtest')).toBe('sKag0aX16LGfJrqaMan15jwO+G8EacIegFobwFf5XOU=');
  });
});

describe('robotRequest', () => {
  it('DingTalk: markdown, signed in the query, @ by mobile (or user id)', () => {
    const { url, body } = robotRequest(
      'dingtalk',
      { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc', secret: 'SECtest' },
      message,
      now,
    );
    expect(url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1764468000000&sign=FAdIbzgHs0ubA0p2O62PNZ19syufZIsO31BKoI2%2FbVU%3D',
    );
    const json = JSON.parse(body);
    expect(json).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: '华东区催交提醒' },
      at: { atMobiles: ['13800000001'], atUserIds: ['zhang.x'], isAtAll: false },
    });
    expect(json.markdown.text).toContain('[去填写](http://portal/admin/#/x)');
    expect(json.markdown.text).toContain('@13800000001 @zhang.x @徐宁');
  });

  it('Feishu: text, timestamp and sign in the body, @ by user id', () => {
    const { url, body } = robotRequest(
      'feishu',
      { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/xyz', secret: 'SECtest' },
      message,
      now,
    );
    expect(url).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/xyz');
    const json = JSON.parse(body);
    expect(json).toMatchObject({
      timestamp: '1764468000',
      sign: 'sKag0aX16LGfJrqaMan15jwO+G8EacIegFobwFf5XOU=',
      msg_type: 'text',
    });
    expect(json.content.text).toContain('去填写：http://portal/admin/#/x');
    expect(json.content.text).not.toContain('**');
    expect(json.content.text).toContain('<at user_id="luo.x">罗新华</at>');
  });

  it('WeCom: the key in the URL, no signature, markdown with <@userid>', () => {
    const { url, body } = robotRequest(
      'wecom',
      { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1' },
      message,
      now,
    );
    expect(url).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1');
    const json = JSON.parse(body);
    expect(json.msgtype).toBe('markdown');
    expect(json.markdown.content).toContain('<@luo.x> <@zhang.x> @徐宁');
  });

  it('refuses malformed addresses and empty secrets, in Chinese', () => {
    const bad = [
      ['dingtalk', 'not a url'],
      ['dingtalk', 'ftp://oapi.dingtalk.com/robot/send?access_token=a'],
      ['dingtalk', 'https://oapi.dingtalk.com/robot/send'],
      ['wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send'],
      ['feishu', 'https://open.feishu.cn/open-apis/bot/v2/'],
    ] as const;
    for (const [channel, url] of bad)
      expect(() => robotRequest(channel, { url }, message, now), url).toThrow(RobotConfigError);
    expect(() =>
      robotRequest('dingtalk', { url: 'https://x/robot/send?access_token=a', secret: ' ' }, message, now),
    ).toThrow('密钥是空的');
  });

  it('names who cannot be mentioned on each platform', () => {
    expect(unreachable('dingtalk', message.mentions).map((m) => m.name)).toEqual(['徐宁']);
    expect(unreachable('wecom', message.mentions).map((m) => m.name)).toEqual(['徐宁']);
  });
});

describe('robotVerdict', () => {
  it('reads success and each platform’s errors', () => {
    expect(robotVerdict('dingtalk', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(robotVerdict('feishu', 200, '{"code":0,"msg":"success","data":{}}')).toEqual({ ok: true });
    expect(robotVerdict('wecom', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    const ding = robotVerdict('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}');
    expect(ding).toMatchObject({ ok: false, reason: expect.stringContaining('310000') });
    expect(robotVerdict('feishu', 200, '{"code":19021,"msg":"sign match fail"}')).toMatchObject({
      reason: expect.stringContaining('签名校验失败'),
    });
    expect(robotVerdict('wecom', 200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toMatchObject({
      reason: expect.stringContaining('地址无效'),
    });
    expect(robotVerdict('wecom', 502, '<html>')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('HTTP 502'),
    });
  });
});
