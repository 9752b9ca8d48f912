import {
  dossierRefOf,
  GENESIS_HASH,
  sealEntry,
  verifyChain,
  type AuditAction,
  type AuditEntry,
  type AuditOutcome,
  type ChainReport,
} from '../../shared/audit/chain'
import { DecryptionError } from './crypto/envelope'
import type { ChangeEntry, HervatDb } from './db'
import { userNameOf } from './settings'
import { recordSyncChange, syncTablesOf } from './sync-log'
import type { StoreContext } from './write'

/** What a feature reports to the audit trail; who, when, where and the chain are added here. */
export type AuditEvent = {
  readonly action: AuditAction
  readonly objectType: string
  readonly objectId?: string
  readonly dossierId?: string
  /** Set only by the retention erasure: the stub refers to the dossier by hash, not by id. */
  readonly dossierRef?: string
  readonly outcome?: AuditOutcome
  readonly detail?: string
}

const DEVICE_KEY = 'device'
/** Shown as "wie" until the user has entered a name under Gegevens. */
export const UNNAMED_USER = 'Onbekende gebruiker (naam niet ingesteld)'

/** The tables an audit write needs besides its own work: the trail, the device identity, the outbox. */
export const auditScope = (db: HervatDb) => [
  db.audit,
  db.meta,
  // The user's name, the entry's "wie" (sealed since v10).
  db.sealedMeta,
  ...syncTablesOf(db),
]

/** This computer's device id, created once and kept in `meta`. Call inside a rw transaction. */
async function deviceIdOf(ctx: StoreContext): Promise<string> {
  const row = await ctx.db.meta.get(DEVICE_KEY)
  const value = row?.value as { deviceId?: unknown } | undefined
  if (typeof value?.deviceId === 'string' && value.deviceId) return value.deviceId
  const deviceId = ctx.newId()
  await ctx.db.meta.put({
    key: DEVICE_KEY,
    value: { deviceId, createdAt: ctx.clock().toISOString() },
  })
  return deviceId
}

/**
 * Appends one entry to this device's chain. Call ONLY inside a read-write transaction that
 * includes `auditScope(db)`: the last entry is read, the new one hashed (synchronously, so the
 * transaction stays alive) and added in that same transaction, together with the change it
 * records. The unique [deviceId+seq] index refuses a second entry at the same place.
 */
export async function appendAudit(ctx: StoreContext, event: AuditEvent): Promise<AuditEntry> {
  const deviceId = await deviceIdOf(ctx)
  const userName = await userNameOf(ctx.db)
  const last = await ctx.db.audit
    .where('[deviceId+seq]')
    .between([deviceId, 0], [deviceId, Number.MAX_SAFE_INTEGER])
    .last()
  const entry = sealEntry({
    id: ctx.newId(),
    deviceId,
    seq: (last?.seq ?? 0) + 1,
    at: ctx.clock().toISOString(),
    actorName: userName || UNNAMED_USER,
    action: event.action,
    objectType: event.objectType,
    ...(event.objectId ? { objectId: event.objectId } : {}),
    ...(event.dossierId ? { dossierId: event.dossierId } : {}),
    ...(event.dossierRef ? { dossierRef: event.dossierRef } : {}),
    outcome: event.outcome ?? 'success',
    ...(event.detail ? { detail: event.detail } : {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  })
  await ctx.db.audit.add(entry)
  // The trail syncs like other append-only records (issue 6): the entry enters the outbox in
  // this same transaction; `createdAt` is sync bookkeeping only (dropped again where it lands).
  await recordSyncChange(
    ctx.db,
    { table: 'audit', recordId: entry.id, op: 'create', fields: { ...entry, createdAt: entry.at } },
    ctx.clock().getTime(),
    () => crypto.randomUUID(),
  )
  return entry
}

/** The audit event of a change entry: every edit is logged with the change, in its transaction. */
export function auditOfChange(change: ChangeEntry): AuditEvent {
  const base = change.dossierId ? { dossierId: change.dossierId } : {}
  if (change.table === 'backup')
    return { action: 'import', objectType: 'backup', objectId: change.recordId }
  if (change.table === 'changes')
    return { action: 'redact', objectType: 'changes', objectId: change.recordId, ...base }
  return { action: change.op, objectType: change.table, objectId: change.recordId, ...base }
}

/**
 * Every entry one by one, for the chain check after a whole read failed to decrypt: an entry whose
 * envelope no longer verifies (changed outside the app) cannot be read, but its place in the chain
 * (device and seq are plaintext index fields, bound to the envelope) can, so the check names it.
 */
async function readEachEntry(db: HervatDb): Promise<{ rows: unknown[]; altered: Set<string> }> {
  return db.transaction('r', db.audit, async () => {
    const byPlace = db.audit.orderBy('[deviceId+seq]')
    const places = await byPlace.keys()
    const ids = await byPlace.primaryKeys()
    const altered = new Set<string>()
    const rows = await Promise.all(
      ids.map(async (id, i): Promise<unknown> => {
        try {
          return await db.audit.get(id)
        } catch (e) {
          if (!(e instanceof DecryptionError)) throw e
          altered.add(id)
          const place = places[i]
          const [deviceId, seq] = Array.isArray(place) ? place : []
          return { id, deviceId, seq }
        }
      }),
    )
    return { rows, altered }
  })
}

const newestFirst = (a: AuditEntry, b: AuditEntry) =>
  a.at !== b.at ? (a.at < b.at ? 1 : -1) : b.seq - a.seq

/**
 * The audit trail. There is deliberately no update or delete: entries are only ever appended
 * (every repository write appends through `appendAudit`; features report views, exports, prints,
 * generated documents and syncs through `record`).
 */
export function auditRepository(ctx: StoreContext) {
  const { db } = ctx
  /**
   * Reads entries; when one was changed outside the app (its envelope no longer decrypts), the
   * others are still shown and the changed one is left out: the chain check names it.
   */
  const readable = async (read: () => Promise<AuditEntry[]>, keep: (e: AuditEntry) => boolean) => {
    try {
      return await read()
    } catch (e) {
      if (!(e instanceof DecryptionError)) throw e
      const { rows, altered } = await readEachEntry(db)
      return (rows as AuditEntry[]).filter((r) => !altered.has(r.id) && keep(r))
    }
  }
  const record = (event: AuditEvent): Promise<AuditEntry> =>
    db.transaction('rw', auditScope(db), () => appendAudit(ctx, event))
  return {
    record,
    /** Several events in one transaction (a backup export: one entry per dossier in it). */
    recordMany: (events: readonly AuditEvent[]): Promise<AuditEntry[]> =>
      db.transaction('rw', auditScope(db), async () => {
        const out: AuditEntry[] = []
        for (const e of events) out.push(await appendAudit(ctx, e))
        return out
      }),
    /** The hook for the sync client: one entry per sync run, with its outcome and counts. */
    recordSync: (outcome: AuditOutcome, detail?: string) =>
      record({ action: 'sync', objectType: 'sync', outcome, ...(detail ? { detail } : {}) }),
    /**
     * Every entry about one dossier and its werknemer, newest first: views, edits, exports, with
     * who and where.
     */
    forDossier: async (dossierId: string): Promise<AuditEntry[]> => {
      // The werknemer's record is not a child of the dossier, but it is this dossier's data.
      const employeeId = (await db.dossiers.get(dossierId))?.employeeId
      const own = await readable(
        () => db.audit.where('dossierId').equals(dossierId).toArray(),
        (e) => e.dossierId === dossierId,
      )
      const employee = employeeId
        ? await readable(
            () => db.audit.where('objectId').equals(employeeId).toArray(),
            (e) => e.objectId === employeeId,
          )
        : []
      return [...own, ...employee].sort(newestFirst)
    },
    /** Every entry, newest first. */
    list: async (): Promise<AuditEntry[]> =>
      (
        await readable(
          () => db.audit.toArray(),
          () => true,
        )
      ).sort(newestFirst),
    count: () => db.audit.count(),
    /** Walks every device's chain and reports the first broken entry of each. */
    verify: async (): Promise<ChainReport> => {
      try {
        return verifyChain(await db.audit.toArray())
      } catch (e) {
        if (!(e instanceof DecryptionError)) throw e
        const { rows, altered } = await readEachEntry(db)
        return verifyChain(rows, altered)
      }
    },
    /** This computer's device id (created on first use). */
    deviceId: (): Promise<string> => db.transaction('rw', [db.meta], () => deviceIdOf(ctx)),
    dossierRefOf,
  }
}
