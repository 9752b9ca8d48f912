import { employeeInputSchema, employerInputSchema } from '../../shared/domain/entities'
import type { ImportPlan } from '../../shared/import/plan'
import type { Result } from '../../shared/kernel/errors'
import { appendAudit } from './audit'
import {
  compact,
  putWithChange,
  stamp,
  validate,
  writeTransaction,
  type StoreContext,
} from './write'

/** A row the plan promised that no longer holds inside the transaction: the import is undone. */
class ImportChanged extends Error {
  override name = 'ImportChanged'
}

export type ImportOutcome = { readonly created: number; readonly updated: number }

/**
 * Applies an import plan (docs/adr/0015): every valid row in ONE transaction with its change
 * entries, outbox and one audit entry, or nothing at all. Rows the plan marked invalid are left
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
          for (const row of rows) {
            const parsed = validate(schema, row.input)
            if (!parsed.ok) throw new ImportChanged(`regel ${row.line}: ${parsed.error.message}`)
            const value = parsed.value as Record<string, unknown>
            if (
              plan.kind === 'werknemers' &&
              !(await db.employers.get(String(value['employerId'])))
            )
              throw new ImportChanged(`regel ${row.line}: de werkgever bestaat niet meer`)
            const existing = row.existingId ? await table.get(row.existingId) : undefined
            if (row.action === 'update' && !existing)
              throw new ImportChanged(`regel ${row.line}: de bestaande gegevens zijn verwijderd`)
            const record = compact({ ...value, ...stamp(ctx, existing) })
            await putWithChange(ctx, table as never, record as never, existing as never)
            if (existing) updated++
            else created++
          }
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
