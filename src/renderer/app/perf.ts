/**
 * Performance marks read by `npm run bench` (scripts/bench.mjs). Marks are cheap and harmless in
 * normal use; they let the benchmark time the real app instead of a copy of it.
 */
export const PERF = {
  /** The database is open and unlocked (the key is derived): from here on it is decrypting. */
  dbOpen: 'hervat:db-open',
  /** The user submitted the passphrase. */
  unlockStart: 'hervat:unlock-start',
  /** The caseload rows are read and decrypted (repos.caseload.list resolved). */
  caseloadRead: 'hervat:caseload-read',
  /** Every dossier's timeline and urgency computed and the rows ranked. */
  caseloadRanked: 'hervat:caseload-ranked',
  caseloadRendered: 'hervat:caseload-rendered',
} as const

export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name)
}
