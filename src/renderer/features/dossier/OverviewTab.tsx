import { useState } from 'react'
import {
  dossierFormSchema,
  employeeFullName,
  employeeInputSchema,
} from '../../../shared/domain/entities'
import { repos } from '../../app/services'
import { editDate, editNumber, showDate, showNumber } from '../../components/format'
import { RecordForm } from '../../components/RecordForm'
import type { DossierBundle } from '../../storage'
import { DeadlinesCard } from '../deadlines/DeadlinesCard'
import { DossierFields } from './DossierFields'
import { EmployeeFields } from './EmployeeFields'

const contactDefaults = (c: {
  organisation?: string
  name?: string
  phone?: string
  email?: string
}) => ({
  organisation: c.organisation ?? '',
  name: c.name ?? '',
  phone: c.phone ?? '',
  email: c.email ?? '',
})

/** Overview: the dossier's parties and the werknemer, each editable in place. */
export function OverviewTab(props: { readonly bundle: DossierBundle }) {
  const { dossier, employee, employer } = props.bundle
  const [editing, setEditing] = useState<'dossier' | 'employee' | undefined>(undefined)

  if (editing === 'dossier') {
    return (
      <div className="panel">
        <RecordForm
          schema={dossierFormSchema}
          label="Dossier wijzigen"
          submitLabel="Dossier opslaan"
          defaultValues={{
            employeeId: dossier.employeeId,
            casemanager: dossier.casemanager,
            arbodienst: contactDefaults(dossier.arbodienst),
            bedrijfsarts: contactDefaults(dossier.bedrijfsarts),
            status: dossier.status,
            safetyNet: dossier.safetyNet,
            workAccident: dossier.workAccident,
            thirdPartyLiable: dossier.thirdPartyLiable,
            reintegrationCompletedOn: editDate(dossier.reintegrationCompletedOn),
            loonsanctieDecisionOn: editDate(dossier.loonsanctieDecisionOn),
            longTermExpectedOn: editDate(dossier.longTermExpectedOn),
            voluntaryExtensionWeeks: editNumber(dossier.voluntaryExtensionWeeks),
            voluntaryExtensionRequestedOn: editDate(dossier.voluntaryExtensionRequestedOn),
          }}
          save={(v) => repos.dossiers.update(dossier.id, v)}
          onSaved={() => setEditing(undefined)}
          onCancel={() => setEditing(undefined)}
        >
          <DossierFields />
        </RecordForm>
      </div>
    )
  }
  if (editing === 'employee') {
    return (
      <div className="panel">
        <RecordForm
          schema={employeeInputSchema}
          label="Werknemer wijzigen"
          submitLabel="Werknemer opslaan"
          defaultValues={{
            employerId: employee.employerId,
            firstName: employee.firstName,
            infix: employee.infix ?? '',
            lastName: employee.lastName,
            bsn: employee.bsn,
            dateOfBirth: editDate(employee.dateOfBirth),
            address: {
              street: employee.address.street ?? '',
              houseNumber: employee.address.houseNumber ?? '',
              postcode: employee.address.postcode ?? '',
              city: employee.address.city ?? '',
            },
            phone: employee.phone ?? '',
            email: employee.email ?? '',
            jobTitle: employee.jobTitle,
            contractHoursPerWeek: editNumber(employee.contractHoursPerWeek),
            employmentStart: editDate(employee.employmentStart),
            employmentEnd: editDate(employee.employmentEnd),
          }}
          save={(v) => repos.employees.update(employee.id, v)}
          onSaved={() => setEditing(undefined)}
          onCancel={() => setEditing(undefined)}
        >
          <EmployeeFields />
        </RecordForm>
      </div>
    )
  }

  const address = [
    [employee.address.street, employee.address.houseNumber].filter(Boolean).join(' '),
    [employee.address.postcode, employee.address.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ')

  return (
    <>
      <DeadlinesCard bundle={props.bundle} />
      <div className="overview">
        <section className="card" aria-labelledby="ov-employee">
          <header className="card__header">
            <h2 id="ov-employee">Werknemer</h2>
            <button
              type="button"
              className="button button--small"
              onClick={() => setEditing('employee')}
            >
              Werknemer wijzigen
            </button>
          </header>
          <dl className="facts">
            <dt>Naam</dt>
            <dd>{employeeFullName(employee)}</dd>
            <dt>BSN</dt>
            <dd>{employee.bsn}</dd>
            <dt>Geboortedatum</dt>
            <dd>{showDate(employee.dateOfBirth)}</dd>
            <dt>Adres</dt>
            <dd>{address || '—'}</dd>
            <dt>Telefoon</dt>
            <dd>{employee.phone ?? '—'}</dd>
            <dt>Functie</dt>
            <dd>{employee.jobTitle}</dd>
            <dt>Contracturen</dt>
            <dd>{showNumber(employee.contractHoursPerWeek)} uur per week</dd>
            <dt>Dienstverband</dt>
            <dd>
              {showDate(employee.employmentStart)}
              {employee.employmentEnd ? ` t/m ${showDate(employee.employmentEnd)}` : ' – heden'}
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="ov-dossier">
          <header className="card__header">
            <h2 id="ov-dossier">Dossier</h2>
            <button
              type="button"
              className="button button--small"
              onClick={() => setEditing('dossier')}
            >
              Dossier wijzigen
            </button>
          </header>
          <dl className="facts">
            <dt>Werkgever</dt>
            <dd>
              {employer.name}
              {employer.loonheffingennummer ? ` (${employer.loonheffingennummer})` : ''}
            </dd>
            <dt>Casemanager</dt>
            <dd>{dossier.casemanager}</dd>
            <dt>Arbodienst</dt>
            <dd>
              {[dossier.arbodienst.organisation, dossier.arbodienst.name]
                .filter(Boolean)
                .join(', ') || '—'}
            </dd>
            <dt>Bedrijfsarts</dt>
            <dd>
              {[dossier.bedrijfsarts.name, dossier.bedrijfsarts.organisation]
                .filter(Boolean)
                .join(', ') || '—'}
            </dd>
            <dt>Vangnetregeling</dt>
            <dd>
              {dossier.safetyNet === 'ja' ? 'Ja' : dossier.safetyNet === 'nee' ? 'Nee' : 'Onbekend'}
            </dd>
            <dt>Dreigend langdurig verzuim</dt>
            <dd>
              {dossier.longTermExpectedOn ? `sinds ${showDate(dossier.longTermExpectedOn)}` : '—'}
            </dd>
            <dt>Vrijwillige verlenging</dt>
            <dd>
              {dossier.voluntaryExtensionWeeks
                ? `${dossier.voluntaryExtensionWeeks} weken${
                    dossier.voluntaryExtensionRequestedOn
                      ? `, aangevraagd op ${showDate(dossier.voluntaryExtensionRequestedOn)}`
                      : ', nog niet aangevraagd'
                  }`
                : '—'}
            </dd>
            <dt>Arbeidsongeval</dt>
            <dd>{dossier.workAccident ? 'Ja' : 'Nee'}</dd>
            <dt>Regres (aansprakelijke derde)</dt>
            <dd>{dossier.thirdPartyLiable ? 'Ja' : 'Nee'}</dd>
          </dl>
        </section>
      </div>
    </>
  )
}
