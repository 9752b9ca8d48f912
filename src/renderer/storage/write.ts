import type { Table } from 'dexie'
import type { z } from 'zod'
import type { RecordMeta } from '../../shared/domain/entities'
import { parseAt } from '../../shared/domain/validation'
import type { AppError, Result } from '../../shared/kernel/errors'
import { appendAudit, auditOfChange, auditScope } from './audit'
import type { ChangeEntry, HervatDb } from './db'
import { recordSyncChange, syncTablesOf } from './sync-log'

/** What every repository needs from its surroundings: the db, a clock and an id source. */
export type StoreContext = {
  readonly db: HervatDb
  readonly clock: () => Date
  readonly newId: () => string
}

export type Validation = Extract<AppError, { kind: 'validation' }>

export const invalid = (field: string, message: string): Result<never> => ({
  ok: false,
  error: { kind: 'validation', field, message },
})

export const notFound = (message: string): Result<never> => ({
  ok: false,
  error: { kind: 'not-found', message },
})

/** Parses input at the boundary; the error names the field as the form knows it. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Result<z.output<S>, Validation> {
  const r = parseAt(schema, input)
  if (r.ok) return r
  const prefix = `${r.error.field}: `
  return {
    ok: false,
    error: {
      ...r.error,
      message: r.error.message.startsWith(prefix)
        ? r.error.message.slice(prefix.length)
        : r.error.message,
    },
  }
}

/**
 * The fields whose values differ (compared as JSON; values are plain data), with their new and
 * their old values. A cleared field is `null` on its side. `updatedAt` is bookkeeping, not a change.
 */
export function diffFields(
  before: object,
  after: object,
): { fields: Record<string, unknown>; previous: Record<string, unknown> } {
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  const fields: Record<string, unknown> = {}
  const previous: Record<string, unknown> = {}
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'updatedAt') continue
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) {
      fields[key] = b[key] ?? null
      previous[key] = a[key] ?? null
    }
  }
  return { fields, previous }
}

type NewChange = Omit<ChangeEntry, 'id' | 'seq' | 'at'>

/**
 * Appends a change entry, its audit entry (the edit, who, when, which device) and, for a local
 * write of a synced table, its sync outbox entries. Call it only inside a read-write
 * transaction that includes `db.changes`, the audit scope and the sync tables (as
 * `writeTransaction` does): the next `seq` is read and written in that same transaction
 * (docs/adr/0005). `sync: false` is for changes that came from the server: they are history
 * here, never pushed back, and their audit entry is the one made on the device that wrote them.
 * `audit: false` only for writes that record their own, single audit entry (retention erasure).
 */
export async function appendChange(
  ctx: StoreContext,
  entry: NewChange,
  opts: {
    readonly audit?: boolean
    readonly sync?: boolean
    readonly resolution?: boolean
  } = {},
): Promise<ChangeEntry> {
  const last = await ctx.db.changes.orderBy('seq').last()
  const full: ChangeEntry = {
    id: ctx.newId(),
    seq: (last?.seq ?? 0) + 1,
    ...entry,
    at: ctx.clock().toISOString(),
  }
  await ctx.db.changes.add(full)
  if (opts.audit !== false && opts.sync !== false) await appendAudit(ctx, auditOfChange(full))
  if (opts.sync !== false)
    await recordSyncChange(
      ctx.db,
      entry,
      ctx.clock().getTime(),
      () => crypto.randomUUID(),
      opts.resolution,
    )
  return full
}

const dossierIdOf = (table: string, record: { id: string; dossierId?: string }) =>
  record.dossierId ?? (table === 'dossiers' ? record.id : undefined)

/** Drops keys whose value is undefined, so stored rows and exports have one shape. */
export function compact<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/**
 * Runs one write as ONE read-write transaction over `tables` and the change log: the checks read
 * inside it, so what they saw is what the write changes. `work` returns a failed Result before
 * writing anything; anything that throws aborts the transaction, so neither the record nor its
 * change entry lands, and comes back as an `internal` error rather than a rejected promise.
 */
export async function writeTransaction<T>(
  ctx: StoreContext,
  tables: readonly Table[],
  work: () => Promise<Result<NoInfer<T>>>,
): Promise<Result<T>> {
  const scope = [
    ...new Set([...tables, ctx.db.changes, ...auditScope(ctx.db), ...syncTablesOf(ctx.db)]),
  ]
  try {
    return await ctx.db.transaction('rw', scope, work)
  } catch (e) {
    const detail = e instanceof Error ? ` (${e.name}: ${e.message})` : ''
    return {
      ok: false,
      error: { kind: 'internal', message: `Opslaan is mislukt; er is niets gewijzigd.${detail}` },
    }
  }
}

/**
 * Creates (`before` undefined) or replaces a record and appends its change entry. Call inside
 * `writeTransaction`. An update that changes nothing writes nothing and returns `before`.
 */
export async function putWithChange<T extends RecordMeta & { dossierId?: string }>(
  ctx: StoreContext,
  table: Table<T, string>,
  record: T,
  before: T | undefined,
): Promise<T> {
  const dossierId = dossierIdOf(table.name, record)
  const base = { table: table.name, recordId: record.id, ...(dossierId ? { dossierId } : {}) }
  if (!before) {
    await table.add(record)
    await appendChange(ctx, { ...base, op: 'create', fields: { ...record } })
    return record
  }
  const { fields, previous } = diffFields(before, record)
  if (Object.keys(fields).length === 0) return before
  await table.put(record)
  await appendChange(ctx, { ...base, op: 'update', fields, previous })
  return record
}

/** Deletes a record and appends its change entry, which keeps the whole record as `previous`. */
export async function deleteWithChange<T extends RecordMeta & { dossierId?: string }>(
  ctx: StoreContext,
  table: Table<T, string>,
  existing: T,
): Promise<void> {
  const dossierId = dossierIdOf(table.name, existing)
  await table.delete(existing.id)
  await appendChange(ctx, {
    table: table.name,
    recordId: existing.id,
    ...(dossierId ? { dossierId } : {}),
    op: 'delete',
    fields: {},
    previous: { ...existing },
  })
}

export function stamp(ctx: StoreContext, existing?: RecordMeta): RecordMeta {
  const now = ctx.clock().toISOString()
  return { id: existing?.id ?? ctx.newId(), createdAt: existing?.createdAt ?? now, updatedAt: now }
}
