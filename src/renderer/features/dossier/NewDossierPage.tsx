import { useEffect, useState } from 'react'
import { z } from 'zod'
import {
  dossierInputSchema,
  employeeFullName,
  employeeInputSchema,
  sickPeriodInputSchema,
} from '../../../shared/domain/entities'
import type { Result } from '../../../shared/kernel/errors'
import { useRouter } from '../../app/router'
import { repos } from '../../app/services'
import { DateField } from '../../components/form-fields'
import { RecordForm } from '../../components/RecordForm'
import { useLive } from '../../storage/live'
import { EmployerForm } from '../employers/EmployerForm'
import { emptyContact } from './contact-fields'
import { DossierFields } from './DossierFields'
import { EmployeeFields, emptyEmployee } from './EmployeeFields'
import { lastCasemanager } from '../../storage/last-casemanager'

const dossierPart = dossierInputSchema.omit({ employeeId: true })
const withNewEmployee = z.object({
  employee: employeeInputSchema,
  dossier: dossierPart,
  sickPeriod: sickPeriodInputSchema,
})
const withExistingEmployee = z.object({ dossier: dossierPart, sickPeriod: sickPeriodInputSchema })

const NEW = '__nieuw__'

function dossierDefaults(casemanager: string) {
  return {
    casemanager,
    arbodienst: { ...emptyContact },
    bedrijfsarts: { ...emptyContact },
    status: 'actief' as const,
    safetyNet: 'onbekend' as const,
    workAccident: false,
    thirdPartyLiable: false,
    reintegrationCompletedOn: '',
    loonsanctieDecisionOn: '',
  }
}
const sickPeriodDefaults = {
  start: '',
  end: '',
  reportedToEmployerOn: '',
  reportedToArbodienstOn: '',
}

function SickPeriodStartFields() {
  return (
    <fieldset>
      <legend>Ziekmelding</legend>
      <div className="form-row">
        <DateField name="sickPeriod.start" label="Eerste ziektedag" required />
        <DateField name="sickPeriod.reportedToEmployerOn" label="Ziek gemeld bij werkgever op" />
      </div>
      <DateField
        name="sickPeriod.reportedToArbodienstOn"
        label="Gemeld bij arbodienst/verzekeraar op"
      />
    </fieldset>
  )
}

/** A new dossier: werkgever, werknemer (new or existing) and the first sick period. */
export function NewDossierPage() {
  const navigate = useRouter((s) => s.navigate)
  const employers = useLive(() => repos.employers.list(), [])
  const [employerId, setEmployerId] = useState('')
  const [employeeChoice, setEmployeeChoice] = useState(NEW)
  const [addingEmployer, setAddingEmployer] = useState(false)
  const employees = useLive(
    () => (employerId ? repos.employees.listByEmployer(employerId) : Promise.resolve([])),
    [employerId],
  )

  /** The last casemanager entered (sealed storage); the forms wait for it as their default. */
  const [casemanager, setCasemanager] = useState<string | undefined>(undefined)
  useEffect(() => {
    let live = true
    void lastCasemanager(repos.settings).then((name) => {
      if (live) setCasemanager(name)
    })
    return () => {
      live = false
    }
  }, [])

  const onCreated = (dossierId: string, name: string) => {
    void repos.settings.rememberCasemanager(name)
    navigate({ name: 'dossier', id: dossierId, tab: 'overzicht' })
  }

  return (
    <section className="page" aria-labelledby="new-dossier-title">
      <header className="page__header">
        <h1 id="new-dossier-title">Nieuw dossier</h1>
      </header>
      <div className="panel">
        <div className="form-row">
          <div className="field">
            <label htmlFor="choose-employer">Werkgever</label>
            <select
              id="choose-employer"
              value={employerId}
              onChange={(e) => setEmployerId(e.target.value)}
            >
              <option value="">Kies een werkgever…</option>
              {employers?.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--action">
            <button type="button" className="button" onClick={() => setAddingEmployer(true)}>
              Nieuwe werkgever
            </button>
          </div>
        </div>
        {addingEmployer ? (
          <EmployerForm
            onSaved={(e) => {
              setEmployerId(e.id)
              setAddingEmployer(false)
            }}
            onCancel={() => setAddingEmployer(false)}
          />
        ) : null}
        {employerId && !addingEmployer ? (
          <div className="field">
            <label htmlFor="choose-employee">Werknemer</label>
            <select
              id="choose-employee"
              value={employeeChoice}
              onChange={(e) => setEmployeeChoice(e.target.value)}
            >
              <option value={NEW}>Nieuwe werknemer</option>
              {employees?.map((e) => (
                <option key={e.id} value={e.id}>
                  {employeeFullName(e)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {employerId && !addingEmployer ? (
        casemanager === undefined ? null : employeeChoice === NEW ? (
          <NewEmployeeDossierForm
            key={employerId}
            employerId={employerId}
            casemanager={casemanager}
            onCreated={onCreated}
          />
        ) : (
          <ExistingEmployeeDossierForm
            key={employeeChoice}
            employeeId={employeeChoice}
            casemanager={casemanager}
            onCreated={onCreated}
          />
        )
      ) : (
        <p className="empty-hint">Kies eerst een werkgever, of maak er een aan.</p>
      )}
    </section>
  )
}

type Created = (dossierId: string, casemanager: string) => void

type DossierValues = { dossier: Record<string, unknown>; sickPeriod: unknown; employee?: unknown }

/**
 * Saves the new dossier in steps (werknemer if new, dossier, first sick period); an error is
 * shown at its field in the section it belongs to. The form validated every step first.
 */
async function createDossier(
  values: DossierValues,
  employeeId: string | undefined,
  onCreated: Created,
): Promise<Result<unknown>> {
  let id = employeeId
  if (!id) {
    const employee = prefixField(await repos.employees.create(values.employee), 'employee')
    if (!employee.ok) return employee
    id = employee.value.id
  }
  const dossier = prefixField(
    await repos.dossiers.create({ ...values.dossier, employeeId: id }),
    'dossier',
  )
  if (!dossier.ok) return dossier
  const period = prefixField(
    await repos.sickPeriods.create(dossier.value.id, values.sickPeriod),
    'sickPeriod',
  )
  if (!period.ok) return period
  onCreated(dossier.value.id, dossier.value.casemanager)
  return { ok: true, value: dossier.value }
}

function NewEmployeeDossierForm(props: {
  readonly employerId: string
  readonly casemanager: string
  readonly onCreated: Created
}) {
  return (
    <div className="panel">
      <RecordForm
        schema={withNewEmployee}
        label="Nieuw dossier"
        submitLabel="Dossier aanmaken"
        defaultValues={{
          employee: emptyEmployee(props.employerId),
          dossier: dossierDefaults(props.casemanager),
          sickPeriod: sickPeriodDefaults,
        }}
        save={(v) => createDossier(v as DossierValues, undefined, props.onCreated)}
      >
        <EmployeeFields prefix="employee." />
        <DossierFields prefix="dossier." />
        <SickPeriodStartFields />
      </RecordForm>
    </div>
  )
}

function ExistingEmployeeDossierForm(props: {
  readonly employeeId: string
  readonly casemanager: string
  readonly onCreated: Created
}) {
  return (
    <div className="panel">
      <RecordForm
        schema={withExistingEmployee}
        label="Nieuw dossier"
        submitLabel="Dossier aanmaken"
        defaultValues={{
          dossier: dossierDefaults(props.casemanager),
          sickPeriod: sickPeriodDefaults,
        }}
        save={(v) => createDossier(v as DossierValues, props.employeeId, props.onCreated)}
      >
        <DossierFields prefix="dossier." />
        <SickPeriodStartFields />
      </RecordForm>
    </div>
  )
}

/** Moves a repository error's field under the form section it belongs to. */
function prefixField<T>(result: Result<T>, section: string): Result<T> {
  if (result.ok || result.error.kind !== 'validation' || !result.error.field) return result
  const { field, message } = result.error
  const text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message
  return { ok: false, error: { kind: 'validation', field: `${section}.${field}`, message: text } }
}
