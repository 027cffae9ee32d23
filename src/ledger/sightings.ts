/** The ledger as the rules read it: first sightings by collection and entry id (src/rules/sightings.ts). */
import type { Temporal } from 'temporal-polyfill';
import { classify } from '../load/files.ts';
import type { Sightings } from '../rules/sightings.ts';
import { sightingKey } from '../rules/sightings.ts';
import { readLedger, repoPrefix } from './ledger.ts';
import type { Ledger } from './tsv.ts';

/**
 * The sightings of the entries under a content folder at `prefix` (its path from the repository root, such
 * as `content/`). Paths the loader would not read as entries are left out.
 */
export function ledgerSightings(ledger: Ledger, prefix: string): Sightings {
  const sightings = new Map<string, { firstSeen: Temporal.Instant; baseline: boolean }>();
  for (const [path, { firstSeen, baseline }] of ledger) {
    if (!path.startsWith(prefix)) continue;
    const role = classify(path.slice(prefix.length));
    if (role.kind === 'entry') sightings.set(sightingKey(role.collection, role.id), { firstSeen, baseline });
  }
  return sightings;
}

/** The sightings for the content folder `dir` from its repository's ledger; undefined when there is none. */
export function readSightings(dir: string): Sightings | undefined {
  const ledger = readLedger(dir);
  return ledger && ledgerSightings(ledger, repoPrefix(dir));
}
