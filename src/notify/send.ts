/**
 * Sending to a robot: one POST with a timeout, and no more than the platform's rate (DingTalk and WeCom take
 * 20 messages a minute per robot; Feishu 100, so 20 is safe for all three).
 */
import { robotVerdict, type Channel, type RobotRequest } from './robots.ts';

export const RATE = { messages: 20, perMs: 60_000 };

/** Waits, when needed, so that no robot gets more than RATE.messages in any RATE.perMs. */
export class RateLimit {
  private readonly sent = new Map<string, number[]>();
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    clock: () => number = Date.now,
    sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  ) {
    this.clock = clock;
    this.sleep = sleep;
  }

  /** Resolves once a message may go to the robot at `url` (its address without the query's signature). */
  async take(url: string): Promise<void> {
    const robot = url.replace(/[?&](timestamp|sign)=[^&]*/g, '');
    const times = (this.sent.get(robot) ?? []).filter((t) => this.clock() - t < RATE.perMs);
    if (times.length >= RATE.messages) await this.sleep(RATE.perMs - (this.clock() - times[0]!));
    this.sent.set(robot, [...times.filter((t) => this.clock() - t < RATE.perMs), this.clock()]);
  }
}

/** Sends one request; never throws: a timeout or a refused connection is a Chinese reason too. */
export async function deliver(
  channel: Channel,
  request: RobotRequest,
  timeoutMs = 10_000,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return robotVerdict(channel, response.status, await response.text());
  } catch (error) {
    const name = (error as Error).name;
    return {
      ok: false,
      reason:
        name === 'TimeoutError'
          ? `机器人 ${timeoutMs / 1000} 秒内没有应答（超时）`
          : `连不上机器人：${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`,
    };
  }
}
