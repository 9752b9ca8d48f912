import { liveQuery } from 'dexie'
import type { Result } from '../../shared/kernel/errors'
import {
  changesToApply,
  DELETED_FIELD,
  fieldKey,
  mergeField,
  parseHlc,
  SYNC_TABLES,
  tableScope,
  versionOf,
  type FieldVersion,
  type Json,
  type PulledChange,
  type SyncChange,
  type SyncTable,
} from '../../shared/sync'
import { DATA_TABLES } from './db'
import {
  ACCOUNT_KEY,
  CLOCK_KEY,
  CURSOR_KEY,
  LEGACY_EMBEDDED_OPT_OUT_KEY,
  loadClock,
  openConflicts,
  receiveClock,
  SESSION_KEY,
  settledAfter,
  stateRow,
  type FieldStateRow,
} from './sync-log'
import {
  removalScope,
  removeTransferredDossier,
  type RefusalReason,
  type Removal,
} from './revocation'
import { appendChange, notFound, writeTransaction, type StoreContext } from './write'
import { isRemoved, REMOVABLE_FIELDS } from '../../shared/privacy/corrections'
import { scrubRemovedText, type RemovableTable } from './corrections'

export type ConflictView = {
  readonly key: string
  readonly table: SyncTable
  readonly recordId: string
  readonly dossierId: string | null
  readonly field: string
  readonly current: FieldVersion
  readonly others: readonly FieldVersion[]
}

type Row = Record<string, unknown> & { id: string }

const hlcIso = (hlc: string): string | undefined => {
  const p = parseHlc(hlc)
  return p ? new Date(p.wallMs).toISOString() : undefined
}

/** Stored rows leave a cleared field out (see `compact`); the protocol says null. */
function setField(row: Row, field: string, value: Json): void {
  if (value === null) delete row[field]
  else row[field] = value
}

/**
 * The sync client's door to the local database (docs/adr/0005): what to push, acknowledging a
 * push, applying a pulled page, the sync bookkeeping in `meta`, conflicts and their resolution.
 */
export function syncRepository(ctx: StoreContext) {
  const { db } = ctx
  const dataTables = () => DATA_TABLES.map((t) => db.table(t))

  /**
   * Rebuilds the local rows of the records a pulled page touched from their field states: a
   * tombstone deletes the row; an existing row takes the winning values; a record new to this
   * device appears once its `createdAt` arrived (a create pushes it last, and one push is
   * contiguous in the server log, so the record is then complete).
   */
  async function materialise(table: SyncTable, recordId: string): Promise<void> {
    const states = await db.fieldStates
      .where('[table+recordId]')
      .equals([table, recordId])
      .toArray()
    const t = db.table<Row, string>(table)
    const before = await t.get(recordId)
    const dossierId = states.find((s) => s.dossierId)?.dossierId ?? null
    const deleted = states.some((s) => s.field === DELETED_FIELD && s.winner.value === true)
    const base = {
      table,
      recordId,
      ...(dossierId && table !== 'employers' && table !== 'employees' ? { dossierId } : {}),
    }
    if (deleted) {
      if (!before) return
      await t.delete(recordId)
      if (table === 'attachments' && typeof before.sha256 === 'string') {
        const used = await db.attachments.where('sha256').equals(before.sha256).count()
        if (used === 0) await db.blobs.delete(before.sha256)
      }
      await appendChange(
        ctx,
        { ...base, op: 'delete', fields: {}, previous: before },
        { sync: false },
      )
      return
    }
    if (!before && !states.some((s) => s.field === 'createdAt')) return
    if (table === 'audit') {
      // Another device's audit entry (issue 6): written once, never changed, and stored exactly as
      // it was hashed, without the sync bookkeeping field `createdAt`, so its chain verifies here.
      if (before) return
      const entry: Row = { id: recordId }
      for (const s of states)
        if (s.field !== 'createdAt' && s.field !== DELETED_FIELD)
          setField(entry, s.field, s.winner.value)
      await t.put(entry)
      return
    }
    const row: Row = before
      ? { ...before }
      : {
          id: recordId,
          ...(tableScope(table) === 'dossier-child' && dossierId ? { dossierId } : {}),
        }
    for (const s of states) if (s.field !== DELETED_FIELD) setField(row, s.field, s.winner.value)
    // `updatedAt` is bookkeeping: an update does not sync it (diffFields), so the synced value is
    // the creation's. "Last changed" is the newest of this row's own stamp and every field's HLC.
    const stamps = [before?.updatedAt, row.updatedAt, ...states.map((s) => hlcIso(s.winner.hlc))]
    const newest = stamps
      .filter((x): x is string => typeof x === 'string')
      .sort()
      .at(-1)
    if (newest) row.updatedAt = newest
    const fields: Record<string, unknown> = {}
    const previous: Record<string, unknown> = {}
    for (const k of new Set([...Object.keys(row), ...Object.keys(before ?? {})])) {
      if (JSON.stringify(row[k]) !== JSON.stringify(before?.[k])) {
        fields[k] = row[k] ?? null
        previous[k] = before?.[k] ?? null
      }
    }
    if (before && Object.keys(fields).length === 0) return
    await t.put(row)
    await appendChange(
      ctx,
      before ? { ...base, op: 'update', fields, previous } : { ...base, op: 'create', fields: row },
      { sync: false },
    )
  }

  const allConflicts = async (dossierId?: string): Promise<ConflictView[]> => {
    const rows: FieldStateRow[] =
      dossierId === undefined
        ? await db.fieldStates.where('openConflicts').above(0).toArray()
        : await db.fieldStates.where('dossierId').equals(dossierId).toArray()
    return rows
      .map((s) => ({ s, open: openConflicts(s) }))
      .filter((x) => x.open.length > 0)
      .map(({ s, open }) => ({
        key: s.key,
        table: s.table,
        recordId: s.recordId,
        dossierId: s.dossierId,
        field: s.field,
        current: s.winner,
        others: open,
      }))
  }

  return {
    getMeta: async <T>(key: string): Promise<T | undefined> =>
      (await db.meta.get(key))?.value as T | undefined,
    setMeta: async (key: string, value: unknown): Promise<void> => {
      await db.meta.put({ key, value })
    },
    deleteMeta: async (key: string): Promise<void> => {
      await db.meta.delete(key)
    },
    /** The sync login (`SESSION_KEY`, `ACCOUNT_KEY`): sealed at rest, readable only unlocked. */
    getSealed: async <T>(key: string): Promise<T | undefined> =>
      (await db.sealedMeta.get(key))?.value as T | undefined,
    setSealed: async (key: string, value: unknown): Promise<void> => {
      await db.sealedMeta.put({ key, value })
    },
    deleteSealed: async (key: string): Promise<void> => {
      await db.sealedMeta.delete(key)
    },
    nodeId: async (): Promise<string> => (await loadClock(db)).nodeId,
    pendingCount: (): Promise<number> => db.outbox.count(),
    /** Calls `listener` with the outbox size now and after every write that changes it. */
    watchPending: (listener: (pending: number) => void): (() => void) => {
      const sub = liveQuery(() => db.outbox.count()).subscribe({ next: listener })
      return () => sub.unsubscribe()
    },
    pendingForDossier: (dossierId: string): Promise<number> =>
      db.outbox.where('dossierId').equals(dossierId).count(),
    /** The oldest pending changes, in HLC order (the order they were written on this device). */
    nextBatch: (limit: number): Promise<SyncChange[]> =>
      db.outbox.orderBy('hlc').limit(limit).toArray(),
    /** A push answered 200: these changes are on the server; a retry would be a no-op anyway. */
    acknowledge: async (ids: readonly string[]): Promise<void> => {
      await db.outbox.bulkDelete([...ids])
    },
    /**
     * Applies one pulled page and moves the cursor, in ONE transaction: the shared merge per field
     * (last writer wins by HLC; an overwritten concurrent value is kept as a conflict record),
     * then the touched rows. This device's own changes (echoed by the server) are skipped; pulled
     * changes never enter the outbox, and a pending local edit stays in it, whoever wins.
     */
    applyPulled: async (
      page: readonly PulledChange[],
      cursorKey: string,
      cursor: number,
      revoked: readonly string[] = [],
    ): Promise<{ applied: number; conflicts: number; removed: Removal[] }> => {
      let applied = 0
      let conflicts = 0
      const removed: Removal[] = []
      await db.transaction(
        'rw',
        [
          ...dataTables(),
          db.audit,
          db.blobs,
          db.changes,
          db.fieldStates,
          db.meta,
          db.outbox,
          db.refusedChanges,
          // auditScope: the audit entry of a removal reads the user's name (sealed since v10).
          db.sealedMeta,
        ],
        async () => {
          const clock = await loadClock(db)
          const touched = new Map<string, [SyncTable, string]>()
          const states = await db.fieldStates.bulkGet(
            page.map((c) => fieldKey(c.table, c.recordId, c.field)),
          )
          const byKey = new Map<string, FieldStateRow>()
          states.forEach((s) => s && byKey.set(s.key, s))
          // Own echoes were merged when they were written, unless this device no longer has the
          // field (a dossier removed as transferred and then assigned back, or a local wipe):
          // then they are merged like anyone else's.
          const others = new Set(changesToApply(page, clock.nodeId))
          const mine = page.filter(
            (c) => others.has(c) || !byKey.has(fieldKey(c.table, c.recordId, c.field)),
          )
          for (const c of mine) {
            const key = fieldKey(c.table, c.recordId, c.field)
            const out = mergeField(byKey.get(key), versionOf(c))
            if (!out.changed) continue
            applied++
            if (out.newConflict) conflicts++
            byKey.set(
              key,
              stateRow(c, out.state, c.dossierId, settledAfter(byKey.get(key)?.settled, c)),
            )
            touched.set(`${c.table}\u0000${c.recordId}`, [c.table, c.recordId])
          }
          await db.fieldStates.bulkPut([...byKey.values()])
          await db.meta.put({
            key: CLOCK_KEY,
            value: receiveClock(clock, mine, ctx.clock().getTime()),
          })
          // Parents before children, so a child never points at a dossier not yet here.
          const order = (t: SyncTable) => (DATA_TABLES as readonly string[]).indexOf(t)
          const list = [...touched.values()].sort((a, b) => order(a[0]) - order(b[0]))
          for (const [table, recordId] of list) await materialise(table, recordId)
          // A text removed elsewhere (AVG art. 16/17) leaves no copy here either (docs/adr/0009).
          for (const [table, recordId] of list) {
            if (!Object.hasOwn(REMOVABLE_FIELDS, table)) continue
            const row = await db.table<Row, string>(table).get(recordId)
            if (row && isRemoved(table, row))
              await scrubRemovedText(db, table as RemovableTable, recordId)
          }
          // Dossiers reassigned away leave this device in the same transaction as the cursor.
          for (const dossierId of revoked) {
            const r = await removeTransferredDossier(ctx, dossierId)
            if (r) removed.push(r)
          }
          await db.meta.put({ key: cursorKey, value: cursor })
        },
      )
      return { applied, conflicts, removed }
    },
    /**
     * A push refused for a dossier the server confirms is no longer this user's: it leaves this
     * device and its unsent changes are set aside, as for a pulled revocation.
     */
    setAsideTransferred: (dossierId: string): Promise<Removal | null> =>
      db.transaction('rw', removalScope(db), () => removeTransferredDossier(ctx, dossierId)),
    /**
     * A push the server refused for good because of this one change (docs/adr/0005, "Refused
     * changes"): it leaves the outbox for `refusedChanges`, with the reason, in one transaction, so
     * the rest can be pushed again. The local record keeps the value as the user entered it.
     * False when the change is no longer in the outbox.
     */
    setAsideRefused: (
      change: SyncChange,
      reason: RefusalReason,
      server: { readonly code: string; readonly message: string },
    ): Promise<boolean> =>
      db.transaction('rw', [db.outbox, db.refusedChanges], async () => {
        if (!(await db.outbox.get(change.id))) return false
        await db.refusedChanges.put({
          id: change.id,
          dossierId: change.dossierId,
          change,
          refusedAt: ctx.clock().toISOString(),
          reason,
          serverCode: server.code,
          serverMessage: server.message,
        })
        await db.outbox.delete(change.id)
        return true
      }),
    /** Changes the server refused for good (see revocation.ts): kept aside until exported. */
    refusedCount: (): Promise<number> => db.refusedChanges.count(),
    conflicts: allConflicts,
    conflictCount: async (dossierId?: string): Promise<number> =>
      (await allConflicts(dossierId)).reduce((n, c) => n + c.others.length, 0),
    /**
     * The casemanager's choice: the chosen value becomes a new local change of the field, made
     * with the current winner as its base (so every device that merges it settles the conflict),
     * written to the record and the outbox like any edit.
     */
    resolveConflict: (key: string, chosen: Json): Promise<Result<void>> =>
      writeTransaction(ctx, dataTables(), async () => {
        const state = await db.fieldStates.get(key)
        if (!state) return notFound('Dit conflict bestaat niet (meer).')
        const t = db.table<Row, string>(state.table)
        const row = await t.get(state.recordId)
        if (row) {
          const next = { ...row, updatedAt: ctx.clock().toISOString() }
          setField(next, state.field, chosen)
          await t.put(next)
        }
        await appendChange(
          ctx,
          {
            table: state.table,
            recordId: state.recordId,
            ...(state.dossierId ? { dossierId: state.dossierId } : {}),
            op: 'update',
            fields: { [state.field]: chosen },
            previous: { [state.field]: row?.[state.field] ?? null },
          },
          { resolution: true },
        )
        return { ok: true, value: undefined }
      }),
    /** Attachments whose content is not on this device yet (pulled records, bytes to fetch). */
    missingBlobs: async (): Promise<string[]> => {
      const hashes = new Set((await db.attachments.toArray()).map((a) => a.sha256))
      const have = await db.blobs.bulkGet([...hashes])
      return [...hashes].filter((_h, i) => !have[i])
    },
    getBlob: async (sha256: string) => (await db.blobs.get(sha256))?.data,
    putBlob: async (sha256: string, data: Uint8Array): Promise<void> => {
      await db.blobs.put({ sha256, data, size: data.length })
    },
    /**
     * Retires a session on the in-app sync server of versions before docs/adr/0008, which no
     * longer exists: the session, the account and the cursor go, and every field's current version
     * (the winner, with its own change id, HLC and base) goes back into the outbox, so the
     * organisation's server receives all of it once the user signs in there, also what the in-app
     * server had already acknowledged. Records deleted here send only their delete marker; open
     * conflicts stay on this device for the casemanager to decide. The server skips a change id
     * it already has, so nothing arrives twice. One transaction; returns the changes queued.
     */
    retireEmbeddedSession: async (): Promise<number> => {
      const recordTables = SYNC_TABLES.map((t) => db.table(t))
      return db.transaction(
        'rw',
        [db.outbox, db.fieldStates, db.meta, db.sealedMeta, ...recordTables],
        async () => {
          const present = new Map<string, Set<string>>()
          for (const t of SYNC_TABLES)
            present.set(t, new Set((await db.table(t).toCollection().primaryKeys()).map(String)))
          const queued: SyncChange[] = []
          await db.fieldStates.each((s) => {
            const deleted = s.field === DELETED_FIELD && s.winner.value === true
            if (!deleted && !present.get(s.table)?.has(s.recordId)) return
            queued.push({
              id: s.winner.changeId,
              table: s.table,
              recordId: s.recordId,
              dossierId: s.dossierId,
              field: s.field,
              value: s.winner.value,
              hlc: s.winner.hlc,
              baseHlc: s.winner.baseHlc,
            })
          })
          await db.outbox.bulkPut(queued)
          await db.sealedMeta.bulkDelete([SESSION_KEY, ACCOUNT_KEY])
          await db.meta.bulkDelete([CURSOR_KEY, LEGACY_EMBEDDED_OPT_OUT_KEY])
          return queued.length
        },
      )
    },
    /**
     * Sign out with wipe: every record, the outbox, the field states and the sync bookkeeping,
     * the login (tokens) included.
     */
    wipeAll: async (): Promise<void> => {
      const all = [
        ...dataTables(),
        db.blobs,
        db.changes,
        db.outbox,
        db.fieldStates,
        db.refusedChanges,
        db.meta,
        db.sealedMeta,
      ]
      await db.transaction('rw', all, async () => {
        for (const t of all) {
          if (t === db.meta || t === db.sealedMeta) {
            for (const k of await t.toCollection().primaryKeys())
              if (String(k).startsWith('sync.')) await t.delete(String(k))
          } else await t.clear()
        }
      })
    },
  }
}

export type SyncRepository = ReturnType<typeof syncRepository>
