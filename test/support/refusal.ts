/** The Refusal a synchronous gate check throws, for unit tests; any other error is rethrown. */
import { Refusal } from '../../src/gate/refusal.ts';

export function refusalOf(f: () => unknown): Refusal {
  try {
    f();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('not refused');
}
