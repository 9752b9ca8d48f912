import type { Table } from 'dexie'
import type { z } from 'zod'
import type { RecordMeta } from '../../shared/domain/entities'
import { parseAt } from '../../shared/domain/validation'
import type { AppError, Result } from '../../shared/kernel/errors'
import type { ChangeEntry, HervatDb } from './db'

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

/** The fields whose values differ, compared as JSON (values are plain data). */
export function diffFields(before: object, after: object): Record<string, unknown> {
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'updatedAt') continue
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out[key] = b[key] ?? null
  }
  return out
}

export function change(
  ctx: StoreContext,
  table: string,
  op: ChangeEntry['op'],
  record: { id: string; dossierId?: string },
  fields: Record<string, unknown>,
): ChangeEntry {
  const dossierId = record.dossierId ?? (table === 'dossiers' ? record.id : undefined)
  return {
    id: ctx.newId(),
    table,
    recordId: record.id,
    ...(dossierId ? { dossierId } : {}),
    op,
    fields,
    at: ctx.clock().toISOString(),
  }
}

/** Drops keys whose value is undefined, so stored rows and exports have one shape. */
export function compact<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/**
 * Creates or replaces a record and appends its change entry in ONE transaction: either both
 * land or neither does.
 */
export async function putWithChange<T extends RecordMeta & { dossierId?: string }>(
  ctx: StoreContext,
  table: Table<T, string>,
  record: T,
  before: T | undefined,
): Promise<T> {
  const fields = before ? diffFields(before, record) : { ...record }
  await ctx.db.transaction('rw', table, ctx.db.changes, async () => {
    await table.put(record)
    await ctx.db.changes.add(change(ctx, table.name, before ? 'update' : 'create', record, fields))
  })
  return record
}

export function stamp(ctx: StoreContext, existing?: RecordMeta): RecordMeta {
  const now = ctx.clock().toISOString()
  return { id: existing?.id ?? ctx.newId(), createdAt: existing?.createdAt ?? now, updatedAt: now }
}
