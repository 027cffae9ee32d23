import { describe, expect, it } from 'vitest';
import { RATE, RateLimit } from './send.ts';

describe('RateLimit', () => {
  it('lets 20 messages a minute through to one robot, then waits for the oldest to age out', async () => {
    let clock = 0;
    const waits: number[] = [];
    const limit = new RateLimit(
      () => clock,
      async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    );
    for (let i = 0; i < RATE.messages; i++) {
      await limit.take('https://robot/send?access_token=a&timestamp=1&sign=x');
      clock += 100;
    }
    expect(waits).toEqual([]);
    await limit.take('https://robot/send?access_token=a&timestamp=2&sign=y');
    expect(waits).toEqual([RATE.perMs - RATE.messages * 100]);
    // Another robot has its own budget.
    await limit.take('https://robot/send?access_token=b');
    expect(waits).toHaveLength(1);
  });
});
