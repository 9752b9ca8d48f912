import type { Transaction } from 'dexie'
import {
  fieldKey,
  hlcClock,
  isSyncField,
  recordLocalWrite,
  type Json,
  type SyncChange,
  type SyncTable,
} from '../../../shared/sync'
import { CLOCK_KEY, type FieldStateRow } from '../sync-log'

/**
 * v3 → v5 (sync client, docs/adr/0005). From v5 every local write also lands in the outbox with
 * HLC timestamps. Records written before v5 have no outbox entries, so the upgrade records each
 * existing record once, as a create (fields in stored order, `createdAt` last), with one new node
 * id for this device. A later first sync then uploads everything made before it existed.
 */
/**
 * The synced tables as of v5, frozen: later versions add synced tables of their own (v6: audit)
 * that do not exist yet while this upgrade runs.
 */
const V5_SYNCED_TABLES: readonly SyncTable[] = [
  'employers',
  'employees',
  'dossiers',
  'sickPeriods',
  'partialRecoveries',
  'leaves',
  'contacts',
  'interventions',
  'appointments',
  'attachments',
  'milestoneMarks',
  'documents',
  'documentSignatures',
]

export async function upgradeToV5(tx: Transaction, nowMs: number = Date.now()): Promise<void> {
  const meta = tx.table<{ key: string; value: unknown }, string>('meta')
  const bytes = crypto.getRandomValues(new Uint8Array(9))
  let clock = hlcClock(`n${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`)
  const outbox: SyncChange[] = []
  const states: FieldStateRow[] = []
  for (const table of V5_SYNCED_TABLES) {
    const rows = await tx.table<Record<string, unknown>, string>(table).toArray()
    for (const row of rows) {
      const id = String(row.id)
      const dossierId =
        table === 'dossiers' ? id : typeof row.dossierId === 'string' ? row.dossierId : null
      const fields: Record<string, Json> = {}
      for (const [k, v] of Object.entries(row)) {
        if (k !== 'createdAt' && isSyncField(table, k)) fields[k] = (v ?? null) as Json
      }
      if ('createdAt' in row) fields.createdAt = row.createdAt as Json
      const out = recordLocalWrite(
        { table, recordId: id, dossierId, fields },
        { clock, nowMs, newId: () => crypto.randomUUID(), currentHlc: () => undefined },
      )
      clock = out.clock
      for (const c of out.changes) {
        outbox.push(c)
        states.push({
          key: fieldKey(table, id, c.field),
          table,
          recordId: id,
          dossierId,
          field: c.field,
          winner: { value: c.value, hlc: c.hlc, baseHlc: null, changeId: c.id },
          conflicts: [],
          openConflicts: 0,
        })
      }
    }
  }
  await tx.table('outbox').bulkAdd(outbox)
  await tx.table('fieldStates').bulkAdd(states)
  await meta.put({ key: CLOCK_KEY, value: clock })
}
