import { hlcNow, hlcReceive, parseHlc, type Hlc, type HlcClock } from './hlc'
import type { Json, SyncChange } from './protocol'
import type { SyncTable } from './tables'

/**
 * Client side of the protocol: turning a local write into outbox entries and taking pulled
 * changes in. The client stores `SyncChange` objects as they are in an outbox table (keyed by
 * `id`, ordered by `hlc`), pushes them in batches, and deletes them once a push answered 200.
 */

export type LocalWrite = {
  readonly table: SyncTable
  readonly recordId: string
  readonly dossierId: string | null
  /** Only the fields that changed. */
  readonly fields: Readonly<Record<string, Json>>
}

export type RecordWriteDeps = {
  readonly clock: HlcClock
  readonly nowMs: number
  /** Client-generated change ids (UUIDv7 recommended). */
  readonly newId: () => string
  /** The hlc of the value this replica currently holds for a field, if any. */
  readonly currentHlc: (table: SyncTable, recordId: string, field: string) => Hlc | undefined
}

/** Records one local write as field-level changes, each with its own HLC timestamp. */
export function recordLocalWrite(
  write: LocalWrite,
  deps: RecordWriteDeps,
): { clock: HlcClock; changes: SyncChange[] } {
  let clock = deps.clock
  const changes: SyncChange[] = []
  for (const [field, value] of Object.entries(write.fields)) {
    const next = hlcNow(clock, deps.nowMs)
    clock = next.clock
    changes.push({
      id: deps.newId(),
      table: write.table,
      recordId: write.recordId,
      dossierId: write.dossierId,
      field,
      value,
      hlc: next.hlc,
      baseHlc: deps.currentHlc(write.table, write.recordId, field) ?? null,
    })
  }
  return { clock, changes }
}

/**
 * Which pulled changes to merge: a replica applies each change once, and its own changes were
 * applied when it wrote them, so it skips those (the server echoes them in the log).
 */
export function changesToApply<T extends SyncChange>(pulled: readonly T[], ownNodeId: string): T[] {
  return pulled.filter((c) => parseHlc(c.hlc)?.nodeId !== ownNodeId)
}

/** Advances the local clock past every pulled timestamp, so later local writes sort after them. */
export function receiveAll(
  clock: HlcClock,
  pulled: readonly SyncChange[],
  nowMs: number,
): HlcClock {
  let c = clock
  for (const ch of pulled) c = hlcReceive(c, ch.hlc, nowMs)
  return c
}
