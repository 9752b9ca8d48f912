import type { Table } from 'dexie'
import type { z } from 'zod'
import type { RecordMeta } from '../../shared/domain/entities'
import type { Result } from '../../shared/kernel/errors'
import { auditConfirmations, guardMedicalText } from './medical-text'
import {
  compact,
  deleteWithChange,
  notFound,
  putWithChange,
  stamp,
  validate,
  writeTransaction,
  type StoreContext,
} from './write'

type Child = RecordMeta & { dossierId: string; nonMedical?: Readonly<Record<string, string>> }

/** Extra rule across the records of one dossier (e.g. sick periods may not overlap). */
export type CrossCheck<T extends Child> = (candidate: T, siblings: readonly T[]) => Result<true>

const missingDossier = () => notFound('Dit dossier bestaat niet (meer).')
const missingRecord = () => notFound('Dit gegeven bestaat niet (meer).')

/**
 * A repository for records that belong to one dossier: validated with the shared schema at the
 * boundary; the dossier check, the cross-record rule, the write and its change entry all run in
 * one transaction.
 */
export function childRepository<T extends Child, S extends z.ZodType>(
  ctx: StoreContext,
  table: Table<T, string>,
  schema: S,
  options: { readonly sort?: (a: T, b: T) => number; readonly check?: CrossCheck<T> } = {},
) {
  const { db } = ctx
  const listByDossier = async (dossierId: string): Promise<T[]> => {
    const rows = await table.where('dossierId').equals(dossierId).toArray()
    return options.sort ? rows.sort(options.sort) : rows
  }

  /** `target`: the dossier for a new record, or the id of the record to update. */
  const save = async (
    input: unknown,
    target: { dossierId: string } | { id: string },
  ): Promise<Result<T>> => {
    const parsed = validate(schema, input)
    if (!parsed.ok) return parsed
    const guarded = guardMedicalText(parsed.value as object)
    if (!guarded.ok) return guarded
    return writeTransaction(ctx, [table, db.dossiers], async () => {
      const existing = 'id' in target ? await table.get(target.id) : undefined
      if ('id' in target && !existing) return missingRecord()
      const dossierId = existing?.dossierId ?? ('dossierId' in target ? target.dossierId : '')
      if (!(await db.dossiers.get(dossierId))) return missingDossier()
      const record = compact({
        ...(parsed.value as object),
        nonMedical: guarded.value,
        dossierId,
        ...stamp(ctx, existing),
      }) as T
      if (options.check) {
        const siblings = (await listByDossier(dossierId)).filter((s) => s.id !== record.id)
        const checked = options.check(record, siblings)
        if (!checked.ok) return checked
      }
      const saved = await putWithChange(ctx, table, record, existing)
      if (saved === record)
        await auditConfirmations(ctx, table.name, record, existing?.nonMedical, record.nonMedical)
      return { ok: true, value: saved }
    })
  }

  return {
    listByDossier,
    get: (id: string) => table.get(id),
    create: (dossierId: string, input: unknown) => save(input, { dossierId }),
    /** Replaces the record's fields; the change entry keeps the values it replaced. */
    update: (id: string, input: unknown) => save(input, { id }),
    /** Deletes the record; its change entry keeps the whole record. */
    remove: (id: string): Promise<Result<void>> =>
      writeTransaction(ctx, [table], async () => {
        const existing = await table.get(id)
        if (!existing) return missingRecord()
        await deleteWithChange(ctx, table, existing)
        return { ok: true, value: undefined }
      }),
  }
}
