import { compareHlc, type Hlc } from './hlc'
import type { Json, SyncChange } from './protocol'

/**
 * The merge rule, used alike by the server and every client (style.md rule 9).
 *
 * Last writer wins per field, by HLC (a total order, so every replica picks the same winner). A
 * value that is overwritten without its writer having seen it (the new change's `baseHlc` is not
 * the overwritten value's `hlc`) is kept as a conflict record, never dropped (peers-and-sync.md
 * C.2 item 2). A later change whose `baseHlc` names a conflicting value resolves that conflict: its
 * writer saw it.
 *
 * Invariant (proved by the property test in merge.test.ts): given causal delivery — every replica
 * receives a change after the change its `baseHlc` names, which the server log guarantees — and each
 * change applied once per replica, the state of a field is a function of the *set* of changes:
 * winner = the highest hlc; conflicts = every other version that no received change names as base.
 */

export type FieldVersion = {
  readonly value: Json
  readonly hlc: Hlc
  readonly baseHlc: Hlc | null
  readonly changeId: string
}

export type FieldState = {
  readonly winner: FieldVersion
  /** Overwritten concurrent values, ordered by hlc. */
  readonly conflicts: readonly FieldVersion[]
}

export type MergeOutcome = {
  readonly state: FieldState
  /** False when the change was already known (idempotent re-apply). */
  readonly changed: boolean
  /** The version this change turned into a conflict, if any. */
  readonly newConflict: FieldVersion | null
}

export function versionOf(change: SyncChange): FieldVersion {
  return { value: change.value, hlc: change.hlc, baseHlc: change.baseHlc, changeId: change.id }
}

const byHlc = (a: FieldVersion, b: FieldVersion): number => compareHlc(a.hlc, b.hlc)

/** Merges one version of a field into its state. Pure; never mutates its arguments. */
export function mergeField(state: FieldState | undefined, incoming: FieldVersion): MergeOutcome {
  if (!state)
    return { state: { winner: incoming, conflicts: [] }, changed: true, newConflict: null }
  const { winner } = state
  if (winner.hlc === incoming.hlc || state.conflicts.some((c) => c.hlc === incoming.hlc)) {
    return { state, changed: false, newConflict: null }
  }
  const conflicts = state.conflicts.filter((c) => c.hlc !== incoming.baseHlc)
  let next: FieldVersion = winner
  let newConflict: FieldVersion | null = null
  if (compareHlc(incoming.hlc, winner.hlc) > 0) {
    next = incoming
    if (incoming.baseHlc !== winner.hlc) newConflict = winner
  } else if (winner.baseHlc !== incoming.hlc) {
    newConflict = incoming
  }
  if (newConflict) conflicts.push(newConflict)
  conflicts.sort(byHlc)
  return { state: { winner: next, conflicts }, changed: true, newConflict }
}

/** Key of one field of one record, for maps of field states. */
export function fieldKey(table: string, recordId: string, field: string): string {
  return `${table}\u0000${recordId}\u0000${field}`
}

/** A replica's merged view: every field's state. Used by tests, the bench and the client. */
export type ReplicaState = Map<string, FieldState>

/** Applies changes to a replica in order (mutates the map; each FieldState stays immutable). */
export function applyChanges(replica: ReplicaState, changes: readonly SyncChange[]): number {
  let conflicts = 0
  for (const c of changes) {
    const key = fieldKey(c.table, c.recordId, c.field)
    const out = mergeField(replica.get(key), versionOf(c))
    if (out.changed) replica.set(key, out.state)
    if (out.newConflict) conflicts++
  }
  return conflicts
}
