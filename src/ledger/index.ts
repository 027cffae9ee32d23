/** The first-sighting ledger (docs/tamper-evidence.md): written by the gate and CI, read by the build. */
export { LEDGER_BRANCH, LEDGER_FILE, LEDGER_REF, readLedger, updateLedger } from './ledger.ts';
export { ledgerSightings, readSightings } from './sightings.ts';
export type { Ledger, LedgerEntry } from './tsv.ts';
