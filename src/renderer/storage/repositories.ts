import {
  appointmentInputSchema,
  contactInputSchema,
  dossierInputSchema,
  employeeInputSchema,
  employerInputSchema,
  interventionInputSchema,
  leaveInputSchema,
  milestoneMarkInputSchema,
  partialRecoveryInputSchema,
  sickPeriodInputSchema,
  type Dossier,
  type Employee,
  type Employer,
} from '../../shared/domain/entities'
import { normalizeBsn } from '../../shared/domain/bsn'
import type { Result } from '../../shared/kernel/errors'
import { dateInAmsterdam } from '../../shared/kernel/iso-date'
import { dutchCollator } from '../../shared/kernel/text'
import { attachmentRepository } from './attachments'
import { auditRepository } from './audit'
import { backupRepository } from './backup'
import { caseloadRepository } from './caseload'
import { reportFactsRepository } from './report-facts'
import { importRepository } from './import'
import { childRepository } from './child-repository'
import { correctionRepository } from './corrections'
import { changesRepository } from './changes'
import { DATA_TABLES, type HervatDb } from './db'
import { documentRepository } from './documents'
import { retentionRepository } from './retention'
import { refusedChangesRepository } from './revocation'
import { blindIndex } from './crypto/keys'
import { blindIndexPurpose, blindIndexSpec } from './crypto/policy'
import { settingsRepository } from './settings'
import { syncRepository } from './sync-repository'
import { checkSickPeriods } from './sick-period-rules'
import {
  compact,
  invalid,
  notFound,
  putWithChange,
  stamp,
  validate,
  writeTransaction,
  type StoreContext,
} from './write'

const byStart = (a: { start: string }, b: { start: string }) =>
  a.start < b.start ? -1 : a.start > b.start ? 1 : 0
const byDate = (a: { date: string }, b: { date: string }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0
const byEmployeeName = (a: Employee, b: Employee) =>
  dutchCollator.compare(a.lastName, b.lastName) || dutchCollator.compare(a.firstName, b.firstName)
const newestFirst = (
  a: { date: string; createdAt: string },
  b: { date: string; createdAt: string },
) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1)

/**
 * The only door to the local database (style.md: repositories are the only place that touches
 * Dexie). Input is `unknown` and parsed with the shared schema; a failed Result names the form
 * field. Every write is one transaction with its change entry.
 */
export function createRepositories(
  db: HervatDb,
  clock: () => Date = () => new Date(),
  newId: () => string = () => crypto.randomUUID(),
) {
  const ctx: StoreContext = { db, clock, newId }

  const employers = {
    list: async (): Promise<Employer[]> =>
      (await db.employers.toArray()).sort((a, b) => dutchCollator.compare(a.name, b.name)),
    get: (id: string) => db.employers.get(id),
    create: (input: unknown) => saveEmployer(input),
    update: (id: string, input: unknown) => saveEmployer(input, id),
  }
  async function saveEmployer(input: unknown, id?: string): Promise<Result<Employer>> {
    const parsed = validate(employerInputSchema, input)
    if (!parsed.ok) return parsed
    return writeTransaction(ctx, [db.employers], async () => {
      const existing = id === undefined ? undefined : await db.employers.get(id)
      if (id !== undefined && !existing) return notFound('Deze werkgever bestaat niet (meer).')
      const record = compact({ ...parsed.value, ...stamp(ctx, existing) })
      return { ok: true, value: await putWithChange(ctx, db.employers, record, existing) }
    })
  }

  const employees = {
    list: async (): Promise<Employee[]> => (await db.employees.toArray()).sort(byEmployeeName),
    listByEmployer: async (employerId: string): Promise<Employee[]> =>
      (await db.employees.where('employerId').equals(employerId).toArray()).sort(byEmployeeName),
    get: (id: string) => db.employees.get(id),
    /** By BSN through the keyed-hash index (the BSN itself is encrypted); any notation. */
    findByBsn: async (bsn: string): Promise<Employee[]> => {
      if (!db.vault) return db.employees.filter((e) => e.bsn === normalizeBsn(bsn)).toArray()
      const { normalise } = blindIndexSpec('employees', 'bsnHash')
      const purpose = blindIndexPurpose('employees', 'bsnHash')
      const hash = await blindIndex(db.vault.keys(), purpose, normalise(bsn))
      return db.employees.where('bsnHash').equals(hash).toArray()
    },
    create: (input: unknown) => saveEmployee(input),
    /** A changed werkgever moves the werknemer's dossiers along (their copied employerId). */
    update: (id: string, input: unknown) => saveEmployee(input, id),
  }
  async function saveEmployee(input: unknown, id?: string): Promise<Result<Employee>> {
    const parsed = validate(employeeInputSchema, input)
    if (!parsed.ok) return parsed
    return writeTransaction(ctx, [db.employees, db.employers, db.dossiers], async () => {
      const existing = id === undefined ? undefined : await db.employees.get(id)
      if (id !== undefined && !existing) return notFound('Deze werknemer bestaat niet (meer).')
      if (!(await db.employers.get(parsed.value.employerId)))
        return invalid('employerId', 'Kies een bestaande werkgever.')
      const record = compact({ ...parsed.value, ...stamp(ctx, existing) })
      const saved = await putWithChange(ctx, db.employees, record, existing)
      if (existing && existing.employerId !== saved.employerId) {
        for (const d of await db.dossiers.where('employeeId').equals(saved.id).toArray()) {
          const moved = { ...d, employerId: saved.employerId, ...stamp(ctx, d) }
          await putWithChange(ctx, db.dossiers, moved, d)
        }
      }
      return { ok: true, value: saved }
    })
  }

  const dossiers = {
    list: () => db.dossiers.toArray(),
    get: (id: string) => db.dossiers.get(id),
    /** The dossier's werkgever is its werknemer's (employerId is copied, not chosen). */
    create: (input: unknown) => saveDossier(input),
    update: (id: string, input: unknown) => saveDossier(input, id),
    getFull: (id: string) => getFull(id),
  }
  async function saveDossier(input: unknown, id?: string): Promise<Result<Dossier>> {
    const parsed = validate(dossierInputSchema, input)
    if (!parsed.ok) return parsed
    return writeTransaction(ctx, [db.dossiers, db.employees], async () => {
      const existing = id === undefined ? undefined : await db.dossiers.get(id)
      if (id !== undefined && !existing) return notFound('Dit dossier bestaat niet (meer).')
      const employee = await db.employees.get(parsed.value.employeeId)
      if (!employee) return invalid('employeeId', 'Kies een bestaande werknemer.')
      const record: Dossier = compact({
        ...parsed.value,
        employerId: employee.employerId,
        legalHold: existing?.legalHold,
        ...stamp(ctx, existing),
      })
      return { ok: true, value: await putWithChange(ctx, db.dossiers, record, existing) }
    })
  }

  const sickPeriods = childRepository(ctx, db.sickPeriods, sickPeriodInputSchema, {
    sort: byStart,
    check: (candidate, siblings) => checkSickPeriods(candidate, siblings, dateInAmsterdam(clock())),
  })
  const partialRecoveries = childRepository(ctx, db.partialRecoveries, partialRecoveryInputSchema, {
    sort: byDate,
  })
  const leaves = childRepository(ctx, db.leaves, leaveInputSchema, { sort: byStart })
  const contacts = childRepository(ctx, db.contacts, contactInputSchema, { sort: newestFirst })
  const interventions = childRepository(ctx, db.interventions, interventionInputSchema)
  const appointments = childRepository(ctx, db.appointments, appointmentInputSchema, {
    sort: (a, b) => (a.startsAt < b.startsAt ? 1 : -1),
  })
  const milestoneMarks = childRepository(ctx, db.milestoneMarks, milestoneMarkInputSchema, {
    sort: byDate,
  })
  const attachments = attachmentRepository(ctx)
  const documents = documentRepository(ctx)

  /** The dossier with everything in it, read in one transaction (one consistent picture). */
  const getFull = (id: string) =>
    db.transaction('r', [...DATA_TABLES.map((t) => db.table(t))], () => readFull(id))
  async function readFull(id: string) {
    const dossier = await db.dossiers.get(id)
    if (!dossier) return undefined
    const [employee, employer] = await Promise.all([
      db.employees.get(dossier.employeeId),
      db.employers.get(dossier.employerId),
    ])
    if (!employee || !employer) return undefined
    const [sp, pr, lv, ct, iv, ap, at, mm, docs, sigs] = await Promise.all([
      sickPeriods.listByDossier(id),
      partialRecoveries.listByDossier(id),
      leaves.listByDossier(id),
      contacts.listByDossier(id),
      interventions.listByDossier(id),
      appointments.listByDossier(id),
      attachments.listByDossier(id),
      milestoneMarks.listByDossier(id),
      documents.listByDossier(id),
      documents.signaturesByDossier(id),
    ])
    return {
      dossier,
      employee,
      employer,
      sickPeriods: sp,
      partialRecoveries: pr,
      leaves: lv,
      contacts: ct,
      interventions: iv,
      appointments: ap,
      attachments: at,
      milestoneMarks: mm,
      documents: docs,
      documentSignatures: sigs,
    }
  }

  return {
    employers,
    employees,
    dossiers,
    sickPeriods,
    partialRecoveries,
    leaves,
    contacts,
    interventions,
    appointments,
    milestoneMarks,
    attachments,
    documents,
    caseload: caseloadRepository(db),
    reportFacts: reportFactsRepository(db),
    imports: importRepository(ctx),
    settings: settingsRepository(db),
    backup: backupRepository(ctx),
    changes: changesRepository(ctx),
    audit: auditRepository(ctx),
    retention: retentionRepository(ctx),
    sync: syncRepository(ctx),
    refusedChanges: refusedChangesRepository(ctx),
    corrections: correctionRepository(ctx),
  }
}

export type Repositories = ReturnType<typeof createRepositories>
export type DossierBundle = NonNullable<Awaited<ReturnType<Repositories['dossiers']['getFull']>>>
