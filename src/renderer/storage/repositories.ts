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
import type { Result } from '../../shared/kernel/errors'
import { dateInAmsterdam } from '../../shared/kernel/iso-date'
import { attachmentRepository } from './attachments'
import { backupRepository } from './backup'
import { caseloadRepository } from './caseload'
import { childRepository } from './child-repository'
import type { HervatDb } from './db'
import { settingsRepository } from './settings'
import { checkSickPeriods } from './sick-period-rules'
import {
  compact,
  invalid,
  notFound,
  putWithChange,
  stamp,
  validate,
  type StoreContext,
} from './write'

const byStart = (a: { start: string }, b: { start: string }) =>
  a.start < b.start ? -1 : a.start > b.start ? 1 : 0
const byDate = (a: { date: string }, b: { date: string }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0
const newestFirst = (
  a: { date: string; createdAt: string },
  b: { date: string; createdAt: string },
) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1)

/** The only door to the local database (style.md: repositories are the only place that touches Dexie). */
export function createRepositories(
  db: HervatDb,
  clock: () => Date = () => new Date(),
  newId: () => string = () => crypto.randomUUID(),
) {
  const ctx: StoreContext = { db, clock, newId }

  const employers = {
    list: async () =>
      (await db.employers.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    get: (id: string) => db.employers.get(id),
    create: (input: unknown) => saveEmployer(input),
    update: async (id: string, input: unknown) => {
      const existing = await db.employers.get(id)
      return existing
        ? saveEmployer(input, existing)
        : notFound('Deze werkgever bestaat niet (meer).')
    },
  }
  async function saveEmployer(input: unknown, existing?: Employer): Promise<Result<Employer>> {
    const parsed = validate(employerInputSchema, input)
    if (!parsed.ok) return parsed
    const record = compact({ ...parsed.value, ...stamp(ctx, existing) })
    return { ok: true, value: await putWithChange(ctx, db.employers, record, existing) }
  }

  const employees = {
    list: () => db.employees.toArray(),
    listByEmployer: async (employerId: string) =>
      (await db.employees.where('employerId').equals(employerId).toArray()).sort((a, b) =>
        a.lastName.localeCompare(b.lastName, 'nl'),
      ),
    get: (id: string) => db.employees.get(id),
    create: (input: unknown) => saveEmployee(input),
    update: async (id: string, input: unknown) => {
      const existing = await db.employees.get(id)
      return existing
        ? saveEmployee(input, existing)
        : notFound('Deze werknemer bestaat niet (meer).')
    },
  }
  async function saveEmployee(input: unknown, existing?: Employee): Promise<Result<Employee>> {
    const parsed = validate(employeeInputSchema, input)
    if (!parsed.ok) return parsed
    if (!(await db.employers.get(parsed.value.employerId)))
      return invalid('employerId', 'Kies een bestaande werkgever.')
    const record = compact({ ...parsed.value, ...stamp(ctx, existing) })
    return { ok: true, value: await putWithChange(ctx, db.employees, record, existing) }
  }

  const dossiers = {
    list: () => db.dossiers.toArray(),
    get: (id: string) => db.dossiers.get(id),
    create: (input: unknown) => saveDossier(input),
    update: async (id: string, input: unknown) => {
      const existing = await db.dossiers.get(id)
      return existing ? saveDossier(input, existing) : notFound('Dit dossier bestaat niet (meer).')
    },
    getFull: (id: string) => getFull(id),
  }
  async function saveDossier(input: unknown, existing?: Dossier): Promise<Result<Dossier>> {
    const parsed = validate(dossierInputSchema, input)
    if (!parsed.ok) return parsed
    const employee = await db.employees.get(parsed.value.employeeId)
    if (!employee) return invalid('employeeId', 'Kies een bestaande werknemer.')
    const record: Dossier = compact({
      ...parsed.value,
      employerId: employee.employerId,
      ...stamp(ctx, existing),
    })
    return { ok: true, value: await putWithChange(ctx, db.dossiers, record, existing) }
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

  async function getFull(id: string) {
    const dossier = await db.dossiers.get(id)
    if (!dossier) return undefined
    const [employee, employer] = await Promise.all([
      db.employees.get(dossier.employeeId),
      db.employers.get(dossier.employerId),
    ])
    if (!employee || !employer) return undefined
    const [sp, pr, lv, ct, iv, ap, at, mm] = await Promise.all([
      sickPeriods.listByDossier(id),
      partialRecoveries.listByDossier(id),
      leaves.listByDossier(id),
      contacts.listByDossier(id),
      interventions.listByDossier(id),
      appointments.listByDossier(id),
      attachments.listByDossier(id),
      milestoneMarks.listByDossier(id),
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
    caseload: caseloadRepository(db),
    settings: settingsRepository(db),
    backup: backupRepository(ctx),
    changes: {
      list: () => db.changes.orderBy('at').toArray(),
      count: () => db.changes.count(),
    },
  }
}

export type Repositories = ReturnType<typeof createRepositories>
export type DossierBundle = NonNullable<Awaited<ReturnType<Repositories['dossiers']['getFull']>>>
