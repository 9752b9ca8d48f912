import { z } from 'zod'
import {
  APPEND_ONLY_TABLES,
  DELETED_FIELD,
  fieldKey,
  formatHlc,
  hlcNow,
  HLC_MAX_COUNTER,
  isSyncField,
  isSyncTable,
  mergeField,
  syncChangeSchema,
  type FieldState,
  type FieldVersion,
  type Hlc,
  type Json,
  type SyncChange,
  type SyncTable,
} from '../../shared/sync'
import { issuePath } from '../../shared/domain/validation'
import type { Result } from '../../shared/kernel/errors'
import { DATA_TABLES, type DataTable, type HervatDb } from './db'
import {
  CLOCK_KEY,
  CURSOR_KEY,
  loadClock,
  newNodeId,
  openConflicts,
  receiveClock,
  type FieldStateRow,
} from './sync-log'

/**
 * Restoring a backup as a sync change (docs/adr/0005, "Restoring a backup"). A backup carries,
 * next to the rows, the sync state of every field (`sync.fieldStates`: the winning version with
 * its HLC, change id and base, and the kept conflict versions). A restore puts every one of those
 * versions into the outbox unchanged, so last-writer-wins by HLC decides as if the backup's device
 * had pushed them itself: the server ignores a change id it has (a value it already holds costs
 * nothing), takes a version it lacks (made offline, device lost), and a value edited elsewhere
 * after the backup keeps winning (its HLC is newer).
 */

type Row = Record<string, unknown> & { id: string }

/** One field's sync state as a backup holds it (a `FieldStateRow` without derived fields). */
export type BackupFieldState = {
  readonly table: DataTable
  readonly recordId: string
  readonly dossierId: string | null
  readonly field: string
  readonly winner: FieldVersion
  readonly conflicts: readonly FieldVersion[]
  readonly settled?: Hlc
}

const SYNCED_DATA_TABLES: readonly DataTable[] = DATA_TABLES.filter((t) => isSyncTable(t))
const recordKey = (table: string, id: string) => `${table}\u0000${id}`

/**
 * The field states a backup carries: every field of every record in it (the winner and the
 * conflicts still open), and the delete marker of a record deleted on this device (content-free),
 * so a deletion made offline reaches the server too. Nothing else: an erased or deleted record's
 * old values, and conflicts already settled, never go into a backup.
 */
export async function exportFieldStates(
  db: HervatDb,
  rows: Readonly<Record<string, readonly { id: string }[]>>,
): Promise<BackupFieldState[]> {
  const present = new Set<string>()
  for (const t of SYNCED_DATA_TABLES) for (const r of rows[t] ?? []) present.add(recordKey(t, r.id))
  const out: BackupFieldState[] = []
  for (const t of SYNCED_DATA_TABLES) {
    const states = await db.fieldStates
      .where(':id')
      .between(`${t}\u0000`, `${t}\u0001`, true, false)
      .toArray()
    for (const s of states) {
      const keep =
        present.has(recordKey(s.table, s.recordId)) ||
        (s.field === DELETED_FIELD && s.winner.value === true)
      if (!keep) continue
      out.push({
        table: t,
        recordId: s.recordId,
        dossierId: s.dossierId,
        field: s.field,
        winner: s.winner,
        // Open conflicts only: a settled one is an old value the casemanager already decided on.
        conflicts: openConflicts(s),
        ...(s.settled ? { settled: s.settled } : {}),
      })
    }
  }
  return out
}

const versionSchema = z.object({
  value: z.unknown(),
  hlc: z.string(),
  baseHlc: z.string().nullable(),
  changeId: z.string(),
})
const stateSchema = z.object({
  table: z.enum(SYNCED_DATA_TABLES as [DataTable, ...DataTable[]]),
  recordId: z.string().min(1),
  dossierId: z.string().min(1).nullable(),
  field: z.string().min(1),
  winner: versionSchema,
  conflicts: z.array(versionSchema),
  settled: z.string().optional(),
})
export const backupSyncSchema = z.object({ fieldStates: z.array(z.unknown()) })

/** Where a version belongs: one field of one record. */
type Place = {
  readonly table: DataTable
  readonly recordId: string
  readonly dossierId: string | null
  readonly field: string
}

const asChange = (s: Place, v: FieldVersion): SyncChange => ({
  id: v.changeId,
  table: s.table as SyncTable,
  recordId: s.recordId,
  dossierId: s.dossierId,
  field: s.field,
  value: v.value,
  hlc: v.hlc,
  baseHlc: v.baseHlc,
})

const fail = (field: string, message: string): Result<never> => ({
  ok: false,
  error: { kind: 'validation', field, message: `${field}: ${message}` },
})

/**
 * Checks the field states of a backup: each version must be a change the server would take (the
 * shared protocol schema), each field appears once, and an append-only record (contactmoment,
 * bijlage, handtekening) must hold exactly the value its version recorded — the server refuses
 * any other version of it, which would block every later push.
 */
export function parseFieldStates(
  raw: readonly unknown[],
  rows: Readonly<Record<DataTable, readonly Row[]>>,
): Result<BackupFieldState[]> {
  const DUTCH = { error: () => 'Ontbreekt of is ongeldig.' }
  const out: BackupFieldState[] = []
  const seen = new Set<string>()
  for (const [i, item] of raw.entries()) {
    const at = `sync.fieldStates[${i}]`
    const s = stateSchema.safeParse(item, DUTCH)
    if (!s.success) {
      const issue = s.error.issues[0]
      return fail(`${at}${issue ? `.${issuePath(issue.path)}` : ''}`, issue?.message ?? 'ongeldig')
    }
    // Shape checked here; every version is checked as a pushable change just below.
    const state = s.data as unknown as BackupFieldState
    for (const [j, v] of [state.winner, ...state.conflicts].entries()) {
      const c = syncChangeSchema.safeParse(asChange(state, v), DUTCH)
      if (!c.success) {
        const issue = c.error.issues[0]
        return fail(
          `${at}.${j === 0 ? 'winner' : `conflicts[${j - 1}]`}`,
          `${issue ? `${issuePath(issue.path)}: ` : ''}${issue?.message ?? 'ongeldig'}`,
        )
      }
    }
    const key = fieldKey(state.table, state.recordId, state.field)
    if (seen.has(key)) return fail(at, 'Dit veld komt twee keer voor.')
    seen.add(key)
    out.push(state)
  }
  for (const t of SYNCED_DATA_TABLES) {
    if (!APPEND_ONLY_TABLES.has(t as SyncTable)) continue
    const byKey = new Map(
      out.filter((s) => s.table === t).map((s) => [recordKey(t, s.recordId) + s.field, s]),
    )
    for (const [i, row] of rows[t].entries()) {
      for (const field of Object.keys(row)) {
        const s = byKey.get(recordKey(t, row.id) + field)
        if (s && field !== 'updatedAt' && !sameValue(s.winner.value, row[field]))
          return fail(
            `${t}[${i}].${field}`,
            'Wijkt af van de vastgelegde versie; dit record kan niet worden gewijzigd.',
          )
      }
    }
  }
  return { ok: true, value: out }
}

const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The dossier a record's changes carry (as `recordSyncChange` sets it). */
const dossierOf = (table: DataTable, row: Row): string | null =>
  table === 'dossiers' ? row.id : typeof row['dossierId'] === 'string' ? row['dossierId'] : null

/**
 * Records a restore in the sync state, inside the restore's own transaction (which must include
 * `outbox`, `fieldStates` and `meta`):
 *
 * - every version of the backup's field states goes into the outbox as it was (same change id,
 *   HLC and base) and becomes this device's field state;
 * - a field the backup has no state for (a backup from before v8) gets a version timed at its
 *   record's `updatedAt`, so anything written elsewhere later still wins; append-only records
 *   without states are left out (the server would refuse a second version of one it has);
 * - a value that differs from its recorded version (an edited file) is a new edit, based on it;
 * - the device takes a new node id and pulls the server's log again from the start, so what it
 *   wrote before the restore, and everything newer elsewhere, is merged back over the restored
 *   state by the same rule on the next sync. Unsent edits stay in the outbox.
 */
export async function recordRestore(
  db: HervatDb,
  rows: Readonly<Record<DataTable, readonly Row[]>>,
  states: readonly BackupFieldState[] | undefined,
  nowMs: number,
  newId: () => string,
): Promise<{ versions: number }> {
  const byKey = new Map<string, BackupFieldState>()
  for (const s of states ?? []) byKey.set(fieldKey(s.table, s.recordId, s.field), s)
  const nodeId = newNodeId()
  const synthesized: (FieldVersion & Place)[] = []
  const edits: (Place & { key: string; value: Json; base: Hlc })[] = []
  const counters = new Map<number, number>()
  const stampAt = (ms: number): Hlc => {
    let wall = Math.min(Math.trunc(ms), nowMs)
    let counter = counters.get(wall) ?? 0
    while (counter > HLC_MAX_COUNTER) {
      wall += 1
      counter = counters.get(wall) ?? 0
    }
    counters.set(wall, counter + 1)
    return formatHlc({ wallMs: wall, counter, nodeId })
  }
  for (const table of SYNCED_DATA_TABLES) {
    const fieldsOfRecord = new Map<string, string[]>()
    for (const s of states ?? [])
      if (s.table === table) {
        const k = recordKey(table, s.recordId)
        fieldsOfRecord.set(k, [...(fieldsOfRecord.get(k) ?? []), s.field])
      }
    for (const row of rows[table]) {
      const dossierId = dossierOf(table, row)
      const names = new Set([
        ...Object.keys(row).filter((k) => isSyncField(table as SyncTable, k)),
        ...(fieldsOfRecord.get(recordKey(table, row.id)) ?? []),
      ])
      names.delete(DELETED_FIELD)
      // createdAt last, as on a create: a record appears elsewhere once it has arrived.
      const ordered = [...names].filter((f) => f !== 'createdAt')
      if (names.has('createdAt')) ordered.push('createdAt')
      const wall = Date.parse(String(row['updatedAt'] ?? row['createdAt'] ?? ''))
      for (const field of ordered) {
        const key = fieldKey(table, row.id, field)
        const value = (row[field] ?? null) as Json
        const recorded = byKey.get(key)
        if (recorded) {
          // `updatedAt` syncs on a create only; the row's own stamp moves on every edit.
          if (field !== 'updatedAt' && !sameValue(recorded.winner.value, value))
            edits.push({
              key,
              table,
              recordId: row.id,
              dossierId,
              field,
              value,
              base: recorded.winner.hlc,
            })
          continue
        }
        if (APPEND_ONLY_TABLES.has(table as SyncTable)) continue
        synthesized.push({
          table,
          recordId: row.id,
          dossierId,
          field,
          value,
          hlc: stampAt(Number.isFinite(wall) ? wall : nowMs),
          baseHlc: null,
          changeId: newId(),
        })
      }
    }
  }

  const final = new Map<string, FieldStateRow>()
  const put = (s: Place & { readonly settled?: Hlc }, state: FieldState) => {
    const key = fieldKey(s.table, s.recordId, s.field)
    final.set(key, {
      ...(s.settled ? { settled: s.settled } : {}),
      key,
      table: s.table as SyncTable,
      recordId: s.recordId,
      dossierId: s.dossierId,
      field: s.field,
      winner: state.winner,
      conflicts: state.conflicts,
      openConflicts: openConflicts({ conflicts: state.conflicts, settled: s.settled }).length,
    })
  }
  for (const s of states ?? []) put(s, { winner: s.winner, conflicts: s.conflicts })
  for (const v of synthesized) put(v, mergeField(undefined, v).state)

  // The clock: this device's, under a new node id, past every restored timestamp.
  const old = await loadClock(db)
  const restoredChanges: SyncChange[] = []
  for (const s of final.values())
    for (const v of [s.winner, ...s.conflicts]) restoredChanges.push(asChange(s as Place, v))
  let clock = receiveClock(
    { wallMs: old.wallMs, counter: old.counter, nodeId },
    restoredChanges,
    nowMs,
  )
  for (const e of edits) {
    const next = hlcNow(clock, nowMs)
    clock = next.clock
    const prev = final.get(e.key)
    const version: FieldVersion = {
      value: e.value,
      hlc: next.hlc,
      baseHlc: e.base,
      changeId: newId(),
    }
    const merged = mergeField(prev, version).state
    put({ ...e, ...(prev?.settled ? { settled: prev.settled } : {}) }, merged)
    restoredChanges.push(asChange(e, version))
  }

  for (const t of SYNCED_DATA_TABLES)
    await db.fieldStates.where(':id').between(`${t}\u0000`, `${t}\u0001`, true, false).delete()
  await db.fieldStates.bulkPut([...final.values()])
  await db.outbox.bulkPut(restoredChanges)
  await db.meta.put({ key: CLOCK_KEY, value: clock })
  await db.meta.put({ key: CURSOR_KEY, value: 0 })
  return { versions: restoredChanges.length }
}
