/**
 * Seeded pseudo-random numbers from seedrandom (Alea). Never Math.random: the same seed gives the same stream.
 * `fork(label)` derives an independent stream, so one part of the sample does not shift another.
 */
import seedrandom from 'seedrandom';

export class Rng {
  readonly #seed: string;
  readonly #prng: seedrandom.PRNG;

  constructor(seed: string) {
    this.#seed = seed;
    this.#prng = seedrandom.alea(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.#prng();
  }

  /** An independent stream named by `label`. */
  fork(label: string): Rng {
    return new Rng(`${this.#seed}/${label}`);
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** A float in [lo, hi). */
  float(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks with weights (same length as items). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i] ?? 0;
      if (x < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** `count` distinct items (fewer when the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length);
  }

  /** A whole count around `mean`: floor or ceil with the right odds, then ±spread. */
  count(mean: number, spread = 0): number {
    const base = Math.floor(mean) + (this.chance(mean - Math.floor(mean)) ? 1 : 0);
    const jitter = spread > 0 ? this.int(-spread, spread) : 0;
    return Math.max(0, base + jitter);
  }
}
