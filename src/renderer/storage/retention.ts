import { dossierRefOf } from '../../shared/audit/chain'
import { employeeFullName, type Dossier } from '../../shared/domain/entities'
import { legalHoldInputSchema, LEGAL_HOLD_LABELS } from '../../shared/domain/legal-hold'
import type { Result } from '../../shared/kernel/errors'
import type { IsoDate } from '../../shared/kernel/iso-date'
import { retentionOfDossier } from '../../shared/rules/retention-dossier'
import type { Retention } from '../../shared/rules/retention'
import { appendAudit, auditScope } from './audit'
import { DATA_TABLES } from './db'
import {
  appendChange,
  invalid,
  notFound,
  putWithChange,
  stamp,
  validate,
  writeTransaction,
  type StoreContext,
} from './write'

export type RetentionRow = {
  readonly dossierId: string
  readonly employeeName: string
  readonly employerName: string
  readonly retention: Retention
}

export type Erasure = { readonly records: number; readonly blobs: number; readonly changes: number }

/** The dossier's own child tables (everything with a `dossierId`). */
const CHILD_TABLES = DATA_TABLES.filter((t) => !['employers', 'employees', 'dossiers'].includes(t))

const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl') ===
  b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl')

/**
 * Retention (domain §5.6): which dossiers are past their term, legal holds, and erasure. Erasure
 * deletes the dossier, its records, its attachments' contents no other attachment uses, its
 * change entries, and the werknemer when no other dossier is theirs; it leaves content-free
 * delete markers for the sync engine and ONE audit stub that names the dossier only by the hash
 * of its id. A legal hold, a term that has not passed, or a wrong confirmation refuses it.
 */
export function retentionRepository(ctx: StoreContext) {
  const { db } = ctx

  const retentionOf = async (dossier: Dossier, today: IsoDate) => {
    const [employee, employer, sickPeriods] = await Promise.all([
      db.employees.get(dossier.employeeId),
      db.employers.get(dossier.employerId),
      db.sickPeriods.where('dossierId').equals(dossier.id).toArray(),
    ])
    if (!employee || !employer) return undefined
    return {
      employee,
      employer,
      retention: retentionOfDossier({ dossier, employee, employer, sickPeriods }, today),
    }
  }

  return {
    /** Every dossier with its retention state today, expired ones first. */
    list: (today: IsoDate): Promise<RetentionRow[]> =>
      db.transaction('r', [db.dossiers, db.employees, db.employers, db.sickPeriods], async () => {
        const rows: RetentionRow[] = []
        for (const d of await db.dossiers.toArray()) {
          const r = await retentionOf(d, today)
          if (!r) continue
          rows.push({
            dossierId: d.id,
            employeeName: employeeFullName(r.employee),
            employerName: r.employer.name,
            retention: r.retention,
          })
        }
        const rank = (r: RetentionRow) =>
          ['expired', 'hold', 'retained', 'open'].indexOf(r.retention.state)
        return rows.sort(
          (a, b) => rank(a) - rank(b) || a.employeeName.localeCompare(b.employeeName, 'nl'),
        )
      }),

    /** The retention of one dossier today (undefined when it does not exist). */
    get: async (dossierId: string, today: IsoDate): Promise<Retention | undefined> => {
      const d = await db.dossiers.get(dossierId)
      return d ? (await retentionOf(d, today))?.retention : undefined
    },

    /** Sets a legal hold (kind, reason, date) or lifts it (`null`); logged as a change. */
    setLegalHold: async (dossierId: string, input: unknown | null): Promise<Result<Dossier>> => {
      const parsed = input === null ? undefined : validate(legalHoldInputSchema, input)
      if (parsed && !parsed.ok) return parsed
      return writeTransaction(ctx, [db.dossiers], async () => {
        const existing = await db.dossiers.get(dossierId)
        if (!existing) return notFound('Dit dossier bestaat niet (meer).')
        const { legalHold: _old, ...rest } = existing
        const record: Dossier = {
          ...rest,
          ...(parsed ? { legalHold: parsed.value } : {}),
          ...stamp(ctx, existing),
        }
        return { ok: true, value: await putWithChange(ctx, db.dossiers, record, existing) }
      })
    },

    /**
     * Erases a dossier past its retention term. `confirmation` must be the werknemer's full name
     * (typed by the user). Refused, and logged as refused, while a legal hold stands.
     */
    erase: (dossierId: string, confirmation: string, today: IsoDate): Promise<Result<Erasure>> =>
      writeTransaction(
        ctx,
        [...DATA_TABLES.map((t) => db.table(t)), db.blobs, ...auditScope(db)],
        async () => {
          const dossier = await db.dossiers.get(dossierId)
          if (!dossier) return notFound('Dit dossier bestaat niet (meer).')
          const facts = await retentionOf(dossier, today)
          if (!facts) return notFound('Dit dossier bestaat niet (meer).')
          if (dossier.legalHold) {
            await appendAudit(ctx, {
              action: 'erase',
              objectType: 'dossiers',
              objectId: dossierId,
              dossierId,
              outcome: 'refused',
              detail: `Juridische blokkade: ${dossier.legalHold.kind}`,
            })
            return invalid(
              'legalHold',
              `Dit dossier kan niet worden gewist: er geldt een juridische blokkade (${LEGAL_HOLD_LABELS[dossier.legalHold.kind].toLowerCase()}). Hef de blokkade eerst op.`,
            )
          }
          const r = facts.retention
          if (r.state !== 'expired')
            return invalid(
              'retention',
              `De bewaartermijn van dit dossier is niet verstreken: ${r.reason}`,
            )
          if (!sameName(confirmation, employeeFullName(facts.employee)))
            return invalid(
              'confirmation',
              'Typ de naam van de werknemer precies over om het wissen te bevestigen.',
            )

          let records = 0
          const tombstones: { table: string; recordId: string }[] = []
          const shas = new Set<string>()
          for (const t of CHILD_TABLES) {
            const rows = (await db.table(t).where('dossierId').equals(dossierId).toArray()) as {
              id: string
              sha256?: string
            }[]
            for (const row of rows) {
              if (row.sha256) shas.add(row.sha256)
              tombstones.push({ table: t, recordId: row.id })
            }
            await db.table(t).bulkDelete(rows.map((x) => x.id))
            records += rows.length
          }
          let blobs = 0
          for (const sha of shas) {
            if ((await db.attachments.where('sha256').equals(sha).count()) === 0) {
              await db.blobs.delete(sha)
              blobs++
            }
          }
          await db.dossiers.delete(dossierId)
          tombstones.push({ table: 'dossiers', recordId: dossierId })
          records++
          const employeeId = dossier.employeeId
          const othersOfEmployee = await db.dossiers.where('employeeId').equals(employeeId).count()
          const changeIds = await db.changes.where('dossierId').equals(dossierId).primaryKeys()
          if (othersOfEmployee === 0) {
            await db.employees.delete(employeeId)
            tombstones.push({ table: 'employees', recordId: employeeId })
            records++
            changeIds.push(...(await db.changes.where('recordId').equals(employeeId).primaryKeys()))
          }
          await db.changes.bulkDelete(changeIds)
          // Content-free delete markers, so a sync engine can erase the server's copy too.
          for (const t of tombstones) {
            await appendChange(
              ctx,
              {
                table: t.table,
                recordId: t.recordId,
                ...(t.table === 'employees' ? {} : { dossierId }),
                op: 'delete',
                fields: {},
              },
              { audit: false },
            )
          }
          await appendAudit(ctx, {
            action: 'erase',
            objectType: 'dossiers',
            dossierRef: dossierRefOf(dossierId),
            detail: `Bewaartermijn verstreken sinds ${r.since}; ${records} records en ${blobs} bijlagen gewist`,
          })
          return { ok: true, value: { records, blobs, changes: changeIds.length } }
        },
      ),
  }
}
