/**
 * Tamper evidence as the rules see it: when each entry was first seen on main (src/ledger keeps that record
 * in git), and which claimed time that makes doubtful. A time in the front matter is only what its author
 * wrote; the first sighting is when the portal (the gate or CI) first saw the file. Where the claim is
 * earlier than the sighting by more than the policy's tolerance, the entry is 时间存疑 and the sighting
 * counts instead. Pure: the edge reads the ledger and hands it in as data.
 */
import { Temporal } from 'temporal-polyfill';
import type { SubmissionName } from '../model/collections/index.ts';
import { formatDateTimeExact, instantOf } from '../model/time.ts';
import { DEFAULT_POLICY, type Policy } from './policy.ts';

export interface Sighting {
  /** When the entry's file was first seen on main. */
  firstSeen: Temporal.Instant;
  /** Already there when the ledger started: its first sighting says nothing about its claimed time. */
  baseline: boolean;
}

/** First sightings by `sightingKey(collection, id)`. */
export type Sightings = ReadonlyMap<string, Sighting>;

/** Entry ids are unique within a collection (the loader refuses duplicates), whatever sub-folder holds them. */
export function sightingKey(collection: SubmissionName, id: string): string {
  return `${collection}/${id}`;
}

/** The time that counts for a claimed time, and whether the claim is doubtful. */
export interface CountedTime {
  at: Temporal.Instant;
  /** Set only when suspect: the first sighting, which is then `at`. */
  firstSeen?: Temporal.Instant;
}

/**
 * The claimed time, or the first sighting when that is later by more than the tolerance (exactly the
 * tolerance is not suspect). Entries the ledger lacks, or holds as its baseline, keep their claim.
 */
export function countedTime(
  claimed: string,
  sighting: Sighting | undefined,
  policy: Policy = DEFAULT_POLICY,
): CountedTime {
  const at = instantOf(claimed);
  if (!sighting || sighting.baseline) return { at };
  const latest = at.add(Temporal.Duration.from(policy.firstSeenTolerance));
  return Temporal.Instant.compare(sighting.firstSeen, latest) > 0
    ? { at: sighting.firstSeen, firstSeen: sighting.firstSeen }
    : { at };
}

/**
 * A meeting as R7 judges it: its application time replaced by the first sighting where that is doubtful.
 * Pages that list meetings with what they lack use it, so that they agree with the counts.
 */
export function judgedMeeting<T extends { applied?: string }>(
  meeting: T,
  sighting: Sighting | undefined,
  policy: Policy = DEFAULT_POLICY,
): T {
  if (meeting.applied === undefined) return meeting;
  const { firstSeen } = countedTime(meeting.applied, sighting, policy);
  return firstSeen ? { ...meeting, applied: formatDateTimeExact(firstSeen) } : meeting;
}
