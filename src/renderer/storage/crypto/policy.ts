import { normalizeBsn } from '../../../shared/domain/bsn'

/**
 * Which fields are encrypted, per table: ONE declaration for the whole database (docs/adr/0006).
 *
 * Default-deny: every field is sealed unless it is the primary key, part of an index (IndexedDB
 * must read those), or listed in `plain`. A new table therefore gets encryption without a line
 * here; a line is needed only to leave a non-indexed field readable, to add a keyed hash, or to
 * declare a table wholly plaintext. Never index a sensitive field directly: index its keyed hash.
 */
export type TablePolicy =
  | { readonly plaintext: true; readonly reason: string }
  | {
      readonly plaintext?: false
      /** Non-indexed fields that may stay readable (not personal, needed without the key). */
      readonly plain?: readonly string[]
      /** Indexed keyed hashes: `{ bsnHash: { from: 'bsn', normalise } }` → HMAC of the value. */
      readonly blindIndexes?: Readonly<
        Record<string, { readonly from: string; readonly normalise: (v: string) => string }>
      >
    }

export const ENCRYPTION_POLICY: Readonly<Record<string, TablePolicy>> = {
  // The settings needed before unlocking and the wrapped key itself. Anything personal that is
  // only read while unlocked goes to `sealedMeta` (the sync login, v8; the user's name, v10).
  meta: { plaintext: true, reason: 'instellingen en de verpakte sleutel; nodig vóór ontgrendelen' },
  employees: { blindIndexes: { bsnHash: { from: 'bsn', normalise: normalizeBsn } } },
}

const DEFAULT_POLICY: TablePolicy = {}

export function policyFor(table: string): TablePolicy {
  return ENCRYPTION_POLICY[table] ?? DEFAULT_POLICY
}

/** The value of a keyed-hash index for a lookup, e.g. `blindIndexValue(keys, 'employees', 'bsnHash', bsn)`. */
export function blindIndexSpec(table: string, field: string) {
  const policy = policyFor(table)
  const spec = policy.plaintext === true ? undefined : policy.blindIndexes?.[field]
  if (!spec) throw new Error(`Geen sleutel-hash ${table}.${field} in het versleutelingsbeleid.`)
  return spec
}

/** The purpose string of a keyed hash: table and field, so hashes differ across uses. */
export const blindIndexPurpose = (table: string, field: string) => `${table}.${field}`
