import {
  applyChanges,
  DELETED_FIELD,
  fieldKey,
  hlcClock,
  hlcReceive,
  isNodeId,
  isSyncField,
  isSyncTable,
  mergeField,
  recordLocalWrite,
  versionOf,
  type FieldState,
  type FieldVersion,
  type Hlc,
  type HlcClock,
  type Json,
  type PulledChange,
  type SyncChange,
  type SyncTable,
} from '../../shared/sync'
import type { HervatDb } from './db'

/**
 * The local half of the sync protocol (docs/adr/0005): every local write of a synced table becomes
 * field-level changes with HLC timestamps in the outbox, and the merged state of each field is
 * kept next to the data, in the SAME transaction as the write. Pulled changes go through the
 * shared merge (src/shared/sync/merge.ts) and never enter the outbox.
 */

/** An outbox entry: a change exactly as it is pushed; deleted once a push answered 200. */
export type OutboxRow = SyncChange

/** The merged state of one field on this device: the winning version and the conflict records. */
export type FieldStateRow = {
  readonly key: string
  readonly table: SyncTable
  readonly recordId: string
  readonly dossierId: string | null
  readonly field: string
  readonly winner: FieldVersion
  readonly conflicts: readonly FieldVersion[]
  /** The newest conflict resolution merged for this field: conflicts up to it are settled. */
  readonly settled?: Hlc
  /** How many conflicts are open (`openConflicts`), indexed so screens find them without a scan. */
  readonly openConflicts: number
}

/**
 * A casemanager's choice on the conflict screen is an ordinary change of the field whose id
 * carries this prefix; every device that merges it settles the conflict records older than it.
 */
export const RESOLUTION_PREFIX = 'resolve-'

/** The settled mark after merging `change` into a field whose mark was `settled`. */
export function settledAfter(settled: Hlc | undefined, change: SyncChange): Hlc | undefined {
  if (!change.id.startsWith(RESOLUTION_PREFIX)) return settled
  return settled === undefined || change.hlc > settled ? change.hlc : settled
}

/** meta key of the pull cursor (the last server log position applied here). */
export const CURSOR_KEY = 'sync.cursor'

/** meta key of the device's hybrid logical clock (its node id included). */
export const CLOCK_KEY = 'sync.clock'

/**
 * `sealedMeta` keys of the sync login (docs/adr/0006): the session (server URL, access and
 * refresh token, device id, user) and the account it syncs (server URL and user id). Sealed at
 * rest, so only readable while unlocked; sync only runs then.
 */
export const SESSION_KEY = 'sync.session'
export const ACCOUNT_KEY = 'sync.account'
/**
 * Plaintext `meta` key of versions before docs/adr/0008: the user signed out of the in-app sync
 * server. Read by nothing now; removed with the retired session.
 */
export const LEGACY_EMBEDDED_OPT_OUT_KEY = 'syncpref.embeddedOptOut'
/** What v8 moved from plaintext `meta` to `sealedMeta`. */
export const SEALED_SYNC_KEYS = [SESSION_KEY, ACCOUNT_KEY] as const

/** Tables every local write must include, so its outbox entry lands atomically with it. */
export const syncTablesOf = (db: HervatDb) => [db.outbox, db.fieldStates, db.meta]

/** A fresh random node id (a new database, or a device that restored a backup). */
export function newNodeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9))
  return `n${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`
}

function isClock(v: unknown): v is HlcClock {
  if (typeof v !== 'object' || v === null) return false
  const c = v as Record<string, unknown>
  return (
    typeof c.wallMs === 'number' &&
    typeof c.counter === 'number' &&
    typeof c.nodeId === 'string' &&
    isNodeId(c.nodeId)
  )
}

/** The device's clock; a device that never wrote gets a fresh random node id. */
export async function loadClock(db: HervatDb): Promise<HlcClock> {
  const row = await db.meta.get(CLOCK_KEY)
  return isClock(row?.value) ? row.value : hlcClock(newNodeId())
}

export const stateRow = (
  change: SyncChange,
  state: FieldState,
  dossierId: string | null,
  settled: Hlc | undefined,
): FieldStateRow => ({
  ...(settled ? { settled } : {}),
  key: fieldKey(change.table, change.recordId, change.field),
  table: change.table,
  recordId: change.recordId,
  dossierId,
  field: change.field,
  winner: state.winner,
  conflicts: state.conflicts,
  openConflicts: openConflicts({ conflicts: state.conflicts, settled }).length,
})

/**
 * Conflict records the casemanager still has to look at: every overwritten concurrent value
 * newer than the last resolution of the field. The records themselves stay (the server keeps
 * them too); an ordinary edit never hides one.
 */
export function openConflicts(state: Pick<FieldStateRow, 'conflicts' | 'settled'>): FieldVersion[] {
  const { settled } = state
  return state.conflicts.filter((c) => settled === undefined || c.hlc > settled)
}

export type LocalWriteEntry = {
  readonly table: string
  readonly recordId: string
  readonly dossierId?: string
  readonly op: 'create' | 'update' | 'delete'
  readonly fields: Record<string, unknown>
}

/** The synced fields of a local write; on a create `createdAt` comes last (see `applyPulled`). */
function syncedFields(table: SyncTable, entry: LocalWriteEntry): Record<string, Json> {
  if (entry.op === 'delete') return { [DELETED_FIELD]: true }
  const out: Record<string, Json> = {}
  for (const [k, v] of Object.entries(entry.fields)) {
    if (k === 'createdAt' || !isSyncField(table, k)) continue
    out[k] = (v ?? null) as Json
  }
  if (entry.op === 'create' && 'createdAt' in entry.fields)
    out.createdAt = entry.fields.createdAt as Json
  return out
}

/**
 * Records one local write in the outbox and the field states, and advances the clock. Call only
 * inside the write's own read-write transaction (which `writeTransaction` scopes to include the
 * outbox, field state and meta tables): the write and its outbox entries commit together or not at all.
 */
export async function recordSyncChange(
  db: HervatDb,
  entry: LocalWriteEntry,
  nowMs: number,
  newId: () => string,
  resolution = false,
): Promise<SyncChange[]> {
  if (!isSyncTable(entry.table)) return []
  const table = entry.table
  const fields = syncedFields(table, entry)
  const names = Object.keys(fields)
  if (names.length === 0) return []
  const dossierId = table === 'dossiers' ? entry.recordId : (entry.dossierId ?? null)
  const keys = names.map((f) => fieldKey(table, entry.recordId, f))
  const existing = await db.fieldStates.bulkGet(keys)
  const byField = new Map<string, FieldStateRow>()
  existing.forEach((row) => row && byField.set(row.field, row))
  const out = recordLocalWrite(
    { table, recordId: entry.recordId, dossierId, fields },
    {
      clock: await loadClock(db),
      nowMs,
      newId: resolution ? () => `${RESOLUTION_PREFIX}${newId()}` : newId,
      currentHlc: (_t, _r, field) => byField.get(field)?.winner.hlc,
    },
  )
  const rows = out.changes.map((c) => {
    const prev = byField.get(c.field)
    const merged = mergeField(prev, versionOf(c)).state
    return stateRow(c, merged, dossierId, settledAfter(prev?.settled, c))
  })
  await db.outbox.bulkAdd(out.changes)
  await db.fieldStates.bulkPut(rows)
  await db.meta.put({ key: CLOCK_KEY, value: out.clock })
  return out.changes
}

/** Advances the device clock past pulled timestamps; a remote clock far ahead is not followed. */
export function receiveClock(clock: HlcClock, changes: readonly SyncChange[], nowMs: number) {
  let c = clock
  for (const ch of changes) {
    try {
      c = hlcReceive(c, ch.hlc, nowMs)
    } catch {
      // A clock more than five minutes ahead (HlcError 'clock-drift'): merge the value, but do
      // not drag this device's clock along (peers-and-sync.md §D, actual #5010).
    }
  }
  return c
}

export { applyChanges }
export type { PulledChange }

/**
 * `recordSyncChange` for many writes at once (a bulk import): the field states are read in one
 * call, the clock is loaded and stored once, and the outbox and field states are written in one
 * call each. The outcome is the same as recording the writes one by one, in order.
 */
export async function recordSyncChanges(
  db: HervatDb,
  entries: readonly LocalWriteEntry[],
  nowMs: number,
  newId: () => string,
): Promise<SyncChange[]> {
  const writes = entries.flatMap((entry) => {
    if (!isSyncTable(entry.table)) return []
    const table = entry.table
    const fields = syncedFields(table, entry)
    if (Object.keys(fields).length === 0) return []
    const dossierId = table === 'dossiers' ? entry.recordId : (entry.dossierId ?? null)
    return [{ table, recordId: entry.recordId, dossierId, fields }]
  })
  if (writes.length === 0) return []
  const keys = writes.flatMap((w) =>
    Object.keys(w.fields).map((f) => fieldKey(w.table, w.recordId, f)),
  )
  const states = new Map<string, FieldStateRow>()
  for (const row of await db.fieldStates.bulkGet(keys)) if (row) states.set(row.key, row)
  let clock = await loadClock(db)
  const outbox: SyncChange[] = []
  for (const w of writes) {
    const out = recordLocalWrite(w, {
      clock,
      nowMs,
      newId,
      currentHlc: (t, r, field) => states.get(fieldKey(t, r, field))?.winner.hlc,
    })
    clock = out.clock
    for (const c of out.changes) {
      const prev = states.get(fieldKey(c.table, c.recordId, c.field))
      const merged = mergeField(prev, versionOf(c)).state
      states.set(
        fieldKey(c.table, c.recordId, c.field),
        stateRow(c, merged, w.dossierId, settledAfter(prev?.settled, c)),
      )
      outbox.push(c)
    }
  }
  await db.outbox.bulkAdd(outbox)
  await db.fieldStates.bulkPut(keys.map((k) => states.get(k)).filter((r) => r !== undefined))
  await db.meta.put({ key: CLOCK_KEY, value: clock })
  return outbox
}
