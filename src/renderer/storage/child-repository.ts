import type { Table } from 'dexie'
import type { z } from 'zod'
import type { RecordMeta } from '../../shared/domain/entities'
import type { Result } from '../../shared/kernel/errors'
import {
  change,
  compact,
  notFound,
  putWithChange,
  stamp,
  validate,
  type StoreContext,
} from './write'

type Child = RecordMeta & { dossierId: string }

/** Extra rule across the records of one dossier (e.g. sick periods may not overlap). */
export type CrossCheck<T extends Child> = (candidate: T, siblings: readonly T[]) => Result<true>

/**
 * A repository for records that belong to one dossier: validated with the shared schema at the
 * boundary, every write in one transaction with its change entry.
 */
export function childRepository<T extends Child, S extends z.ZodType>(
  ctx: StoreContext,
  table: Table<T, string>,
  schema: S,
  options: { readonly sort?: (a: T, b: T) => number; readonly check?: CrossCheck<T> } = {},
) {
  const listByDossier = async (dossierId: string): Promise<T[]> => {
    const rows = await table.where('dossierId').equals(dossierId).toArray()
    return options.sort ? rows.sort(options.sort) : rows
  }

  const save = async (dossierId: string, input: unknown, existing?: T): Promise<Result<T>> => {
    const parsed = validate(schema, input)
    if (!parsed.ok) return parsed
    if (!(await ctx.db.dossiers.get(dossierId))) return notFound('Dit dossier bestaat niet (meer).')
    const record = compact({ ...(parsed.value as object), dossierId, ...stamp(ctx, existing) }) as T
    if (options.check) {
      const siblings = (await listByDossier(dossierId)).filter((s) => s.id !== record.id)
      const ok = options.check(record, siblings)
      if (!ok.ok) return ok
    }
    return { ok: true, value: await putWithChange(ctx, table, record, existing) }
  }

  return {
    listByDossier,
    get: (id: string) => table.get(id),
    create: (dossierId: string, input: unknown) => save(dossierId, input),
    update: async (id: string, input: unknown): Promise<Result<T>> => {
      const existing = await table.get(id)
      if (!existing) return notFound('Dit gegeven bestaat niet (meer).')
      return save(existing.dossierId, input, existing)
    },
    remove: async (id: string): Promise<Result<void>> => {
      const existing = await table.get(id)
      if (!existing) return notFound('Dit gegeven bestaat niet (meer).')
      await ctx.db.transaction('rw', table, ctx.db.changes, async () => {
        await table.delete(id)
        await ctx.db.changes.add(change(ctx, table.name, 'delete', existing, {}))
      })
      return { ok: true, value: undefined }
    },
  }
}
