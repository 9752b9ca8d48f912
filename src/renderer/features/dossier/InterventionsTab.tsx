import { useState } from 'react'
import {
  ADVISED_BY,
  APPROVAL_STATUSES,
  INTERVENTION_KIND_LABELS,
  INTERVENTION_KINDS,
  interventionInputSchema,
  REIMBURSEMENT_STATUSES,
} from '../../../shared/domain/entities'
import { remainingWageWeeks } from '../../../shared/rules/profile-rules'
import { repos } from '../../app/services'
import { today } from '../../app/today'
import { useDossierTimeline } from '../deadlines/use-dossier-timeline'
import { DateField, FreeTextField, SelectField, TextField } from '../../components/form-fields'
import { showDate, showEuro } from '../../components/format'
import { RecordForm } from '../../components/RecordForm'
import type { DossierBundle } from '../../storage'

const opts = <T extends string>(
  values: readonly T[],
  label: (v: T) => string = (v) => v.replace(/-/g, ' '),
) => values.map((v) => ({ value: v, label: label(v) }))

/** Interventions with provider, quote, who advised it and the approval and reimbursement status. */
export function InterventionsTab(props: { readonly bundle: DossierBundle }) {
  const { dossier, interventions } = props.bundle
  const [adding, setAdding] = useState(false)
  const timeline = useDossierTimeline(props.bundle)
  const wageEnd = timeline?.clocks.wageContinuationLastDay
  const weeksLeft = (id: string) =>
    timeline?.interventions.find((f) => f.id === id)?.remainingWageWeeks
  const weeksLeftNow =
    timeline && wageEnd && !timeline.caseEnded ? remainingWageWeeks(wageEnd, today()) : undefined
  return (
    <section className="card" aria-labelledby="iv-title">
      <header className="card__header">
        <h2 id="iv-title">Interventies</h2>
        <button type="button" className="button button--small" onClick={() => setAdding(true)}>
          Interventie toevoegen
        </button>
      </header>
      {weeksLeftNow !== undefined ? (
        <p className="field__hint" data-testid="wage-weeks-left">
          Nog {weeksLeftNow.toLocaleString('nl-NL')} weken loondoorbetaling (tot en met{' '}
          {showDate(wageEnd)}). Of een interventie daarbij past, beoordeelt de verzekeraar.
        </p>
      ) : null}
      {adding ? (
        <RecordForm
          schema={interventionInputSchema}
          label="Interventie toevoegen"
          submitLabel="Interventie opslaan"
          defaultValues={{
            provider: '',
            kind: 'coaching',
            quotedCostEuros: '',
            advisedBy: 'bedrijfsarts',
            approvalStatus: 'aangevraagd',
            reimbursementStatus: 'niet-ingediend',
            requestedOn: '',
            note: '',
          }}
          save={(v) => repos.interventions.create(dossier.id, v)}
          onSaved={() => setAdding(false)}
          onCancel={() => setAdding(false)}
        >
          <div className="form-row">
            <TextField name="provider" label="Aanbieder" required />
            <SelectField
              name="kind"
              label="Soort interventie"
              options={opts(INTERVENTION_KINDS, (k) => INTERVENTION_KIND_LABELS[k])}
            />
          </div>
          <div className="form-row">
            <TextField name="quotedCostEuros" label="Offertebedrag (€)" inputMode="decimal" />
            <SelectField name="advisedBy" label="Geadviseerd door" options={opts(ADVISED_BY)} />
          </div>
          <div className="form-row">
            <SelectField name="approvalStatus" label="Akkoord" options={opts(APPROVAL_STATUSES)} />
            <SelectField
              name="reimbursementStatus"
              label="Vergoeding"
              options={opts(REIMBURSEMENT_STATUSES)}
            />
          </div>
          <DateField name="requestedOn" label="Aangevraagd op" />
          <FreeTextField name="note" label="Toelichting" rows={3} />
        </RecordForm>
      ) : null}
      {interventions.length === 0 && !adding ? (
        <p className="empty-hint">
          Nog geen interventies. Voeg er een toe als de bedrijfsarts of arbeidsdeskundige die
          adviseert.
        </p>
      ) : null}
      {interventions.length > 0 ? (
        <table className="table" aria-label="Interventies">
          <thead>
            <tr>
              <th scope="col">Soort</th>
              <th scope="col">Aanbieder</th>
              <th scope="col">Offerte</th>
              <th scope="col">Resterende loondoorbetaling</th>
              <th scope="col">Geadviseerd door</th>
              <th scope="col">Akkoord</th>
              <th scope="col">Vergoeding</th>
              <th scope="col">Aangevraagd</th>
            </tr>
          </thead>
          <tbody>
            {interventions.map((i) => (
              <tr key={i.id}>
                <td>{INTERVENTION_KIND_LABELS[i.kind]}</td>
                <td>{i.provider}</td>
                <td>{showEuro(i.quotedCostEuros)}</td>
                <td>
                  {weeksLeft(i.id) !== undefined
                    ? `${weeksLeft(i.id)?.toLocaleString('nl-NL')} weken`
                    : '—'}
                </td>
                <td>{i.advisedBy}</td>
                <td>{i.approvalStatus}</td>
                <td>{i.reimbursementStatus.replace(/-/g, ' ')}</td>
                <td>{showDate(i.requestedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
