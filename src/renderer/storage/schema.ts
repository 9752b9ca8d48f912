import type Dexie from 'dexie'
import { upgradeToV2 } from './migrations/v2-normalise-postcodes'
import { upgradeToV3 } from './migrations/v3-change-sequence'
import { upgradeToV5 } from './migrations/v5-sync-outbox'
import { upgradeToV7 } from './migrations/v7-encryption'
import { upgradeToV8 } from './migrations/v8-sealed-sync-session'
import { upgradeToV10 } from './migrations/v10-sealed-user-name'

/**
 * Every version of the local database, append-only (style.md rule 8). A new version adds a
 * `db.version(n)` line here and its upgrade in `migrations/`, with a fixture test. Never edit a
 * released version: a user's laptop may still hold it.
 */
export const SCHEMA_V1 = {
  employers: 'id, name',
  employees: 'id, employerId, lastName',
  dossiers: 'id, employerId, employeeId, status',
  sickPeriods: 'id, dossierId, start',
  partialRecoveries: 'id, dossierId',
  leaves: 'id, dossierId',
  contacts: 'id, dossierId, date',
  interventions: 'id, dossierId',
  appointments: 'id, dossierId',
  attachments: 'id, dossierId, sha256',
  blobs: 'sha256',
  changes: 'id, at',
  meta: 'key',
} as const

/** v2: milestone marks (done / waived with motivation) and a per-dossier contact index. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  contacts: 'id, dossierId, date, [dossierId+date]',
  milestoneMarks: 'id, dossierId, [dossierId+key]',
} as const

/**
 * v3: change entries get a gap-free commit order (`seq`, unique) and are found by record and by
 * dossier (a record's history; a dossier's entries when it is erased after its retention term).
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  changes: 'id, &seq, at, recordId, dossierId',
} as const

/**
 * v4: dossier documents (issue 4), one record per version, and their signatures (append-only;
 * the drawing by content hash in `blobs`). New tables only: nothing to migrate.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  documents: 'id, dossierId, type',
  documentSignatures: 'id, dossierId, documentId',
} as const

/**
 * v5 (sync client, docs/adr/0005): the outbox of field-level changes still to push (by HLC and by
 * dossier) and the merged state of every field (winner + conflict records, per record and per
 * dossier). The upgrade records every existing record once in both, so a first sync uploads it.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  outbox: 'id, hlc, dossierId',
  fieldStates: 'key, [table+recordId], dossierId, openConflicts',
} as const

/**
 * v6: the audit trail, append-only and hash-chained per device (`&[deviceId+seq]`: one entry per
 * place in a device's chain), found per dossier and per object (a dossier's werknemer).
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  audit: 'id, &[deviceId+seq], dossierId, objectId, at',
} as const

/**
 * v7: encryption at rest (docs/adr/0006). A werknemer's last name is no longer indexed (it is
 * encrypted); a BSN is found by its keyed hash `bsnHash`. Rows are encrypted on the first unlock.
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  employees: 'id, employerId, bsnHash',
} as const

/**
 * v8: sealed settings (docs/adr/0006): `sealedMeta` is `meta` under the encryption policy, for what
 * is only needed while unlocked and must not lie readable on disk: the sync login (tokens,
 * server, user). The upgrade moves it out of plaintext `meta`.
 */
export const SCHEMA_V8 = {
  ...SCHEMA_V7,
  sealedMeta: 'key',
} as const

/**
 * v9 (a dossier reassigned away, docs/adr/0005): changes the server refused because their dossier
 * was transferred to another casemanager, kept aside (encrypted) until the user exported them.
 * New table only: nothing to migrate.
 */
export const SCHEMA_V9 = {
  ...SCHEMA_V8,
  refusedChanges: 'id, dossierId',
} as const

/**
 * v10 (docs/adr/0006): the user's name moves from the plaintext settings in `meta` to
 * `sealedMeta`. No store changes.
 */
export const SCHEMA_V10 = SCHEMA_V9

export const CURRENT_VERSION = 10

export function declareSchema(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1)
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2)
  db.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3)
  db.version(4).stores(SCHEMA_V4)
  db.version(5).stores(SCHEMA_V5).upgrade(upgradeToV5)
  db.version(6).stores(SCHEMA_V6)
  db.version(7).stores(SCHEMA_V7).upgrade(upgradeToV7)
  db.version(8).stores(SCHEMA_V8).upgrade(upgradeToV8)
  db.version(9).stores(SCHEMA_V9)
  db.version(10).stores(SCHEMA_V10).upgrade(upgradeToV10)
}
