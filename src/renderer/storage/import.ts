import {
  employeeInputSchema,
  employerInputSchema,
  type RecordMeta,
} from '../../shared/domain/entities'
import type { ImportPlan } from '../../shared/import/plan'
import type { Result } from '../../shared/kernel/errors'
import { appendAudit } from './audit'
import type { ChangeEntry } from './db'
import { recordSyncChanges } from './sync-log'
import { compact, diffFields, stamp, validate, writeTransaction, type StoreContext } from './write'

/** A row the plan promised that no longer holds inside the transaction: the import is undone. */
class ImportChanged extends Error {
  override name = 'ImportChanged'
}

export type ImportOutcome = { readonly created: number; readonly updated: number }

/**
 * Applies an import plan: every valid row in ONE transaction with its change entries and
 * outbox, and one audit entry for the import (the change log keeps every record's values), or
 * nothing at all. Written in bulk (one call per table), so 5,000 werknemers take seconds. Rows the plan marked invalid are left
 * out (the casemanager saw them in the preview); rows that would update an existing record are
 * applied only when `updateExisting` is set (the confirmation). Each row is validated again with
 * the shared schema, and what the plan matched is read again inside the transaction: a record
 * changed or removed since the preview undoes the whole import, with a Dutch message.
 */
export function importRepository(ctx: StoreContext) {
  const { db } = ctx
  return {
    apply: async (
      plan: ImportPlan,
      opts: { readonly updateExisting: boolean; readonly fileName: string },
    ): Promise<Result<ImportOutcome>> => {
      const rows = plan.rows.filter(
        (r) => r.action === 'create' || (opts.updateExisting && r.action === 'update'),
      )
      if (rows.length === 0) return { ok: true, value: { created: 0, updated: 0 } }
      const schema = plan.kind === 'werkgevers' ? employerInputSchema : employeeInputSchema
      const table = plan.kind === 'werkgevers' ? db.employers : db.employees
      let created = 0
      let updated = 0
      const r = await writeTransaction<ImportOutcome>(
        ctx,
        [db.employers, db.employees],
        async () => {
          // Read what the plan matched once, inside the transaction.
          const before = await table.bulkGet(rows.map((row) => row.existingId ?? ''))
          if (plan.kind === 'werknemers') {
            const ids = [...new Set(rows.map((row) => String(row.input?.['employerId'])))]
            const found = await db.employers.bulkGet(ids)
            const missing = ids.find((_id, i) => !found[i])
            const row = rows.find((x) => String(x.input?.['employerId']) === missing)
            if (row) throw new ImportChanged(`regel ${row.line}: de werkgever bestaat niet meer`)
          }
          const records: Record<string, unknown>[] = []
          const entries: {
            table: string
            recordId: string
            op: ChangeEntry['op']
            fields: Record<string, unknown>
            previous?: Record<string, unknown>
          }[] = []
          rows.forEach((row, i) => {
            const parsed = validate(schema, row.input)
            if (!parsed.ok) throw new ImportChanged(`regel ${row.line}: ${parsed.error.message}`)
            const existing = before[i] as (RecordMeta & Record<string, unknown>) | undefined
            if (row.action === 'update' && !existing)
              throw new ImportChanged(`regel ${row.line}: de bestaande gegevens zijn verwijderd`)
            const record = compact({ ...(parsed.value as object), ...stamp(ctx, existing) })
            const base = { table: table.name, recordId: record.id }
            if (!existing) {
              records.push(record)
              entries.push({ ...base, op: 'create', fields: { ...record } })
              created++
              return
            }
            const { fields, previous } = diffFields(existing, record)
            if (Object.keys(fields).length === 0) return
            records.push(record)
            entries.push({ ...base, op: 'update', fields, previous })
            updated++
          })
          await (table as typeof db.employers).bulkPut(records as never[])
          const last = await db.changes.orderBy('seq').last()
          const at = ctx.clock().toISOString()
          await db.changes.bulkAdd(
            entries.map((e, i) => ({ id: ctx.newId(), seq: (last?.seq ?? 0) + 1 + i, ...e, at })),
          )
          await recordSyncChanges(db, entries, ctx.clock().getTime(), () => crypto.randomUUID())
          await appendAudit(ctx, {
            action: 'import',
            objectType: plan.kind === 'werkgevers' ? 'employers' : 'employees',
            detail: `${opts.fileName}: ${created} nieuw, ${updated} bijgewerkt`,
          })
          return { ok: true, value: { created, updated } }
        },
      )
      if (!r.ok && r.error.kind === 'internal') {
        const changed = /ImportChanged: (.*)\)$/.exec(r.error.message)?.[1]
        return {
          ok: false,
          error: {
            kind: 'internal',
            message: changed
              ? `Er is niets geïmporteerd: ${changed}. Lees het bestand opnieuw in.`
              : `Er is niets geïmporteerd. ${r.error.message}`,
          },
        }
      }
      return r
    },
  }
}
