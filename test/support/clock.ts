/**
 * A clock for tests of the stamp caches (src/build/file-stamp.ts): Date is faked, and `settle()` moves it to
 * well after every file written so far has settled; real time goes on underneath, so files written later are
 * recent again until the next settle(). Call at the top of a describe block.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { SETTLE_MS } from '../../src/build/file-stamp.ts';

/** The wall clock, which faking Date leaves alone (file times come from it; performance.now() drifts). */
const realNow = Date.now.bind(Date);

export function useSettlingClock(): { settle(): void } {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => void vi.useRealTimers());
  return { settle: () => vi.setSystemTime(realNow() + 2 * SETTLE_MS) };
}
