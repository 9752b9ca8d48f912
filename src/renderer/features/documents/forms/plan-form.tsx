import { useFieldArray, useFormContext } from 'react-hook-form'
import {
  ACTIVITY_OWNER_LABELS,
  ACTIVITY_OWNERS,
  ACTIVITY_STATUS_LABELS,
  ACTIVITY_STATUSES,
  BIJSTELLING_TRIGGER_LABELS,
  BIJSTELLING_TRIGGERS,
  REINTEGRATION_GOAL_LABELS,
  REINTEGRATION_GOALS,
} from '../../../../shared/documents'
import { DOCUMENT_TYPE_LABELS, type StoredDocument } from '../../../../shared/documents/stored'
import { today } from '../../../app/today'
import { DateField, FreeTextField, SelectField, TextField } from '../../../components/form-fields'
import type { DossierBundle } from '../../../storage'
import { formDate, toFormValues } from '../form-values'
import {
  due,
  freshAuthorship,
  latestDocumentId,
  opts,
  type DocumentFormKind,
  type FieldsProps,
} from './form-kind'
import { EarlierDocumentField } from './shared-fields'

/** The Plan van Aanpak and its bijstelling (a new version of the same plan). */

function ActivitiesField() {
  const { control } = useFormContext()
  const { fields, append, remove } = useFieldArray({ control, name: 'activities' })
  return (
    <fieldset className="fieldset">
      <legend>7. Afspraken (activiteiten van werkgever en werknemer)</legend>
      {fields.length === 0 ? <p className="empty-hint">Nog geen afspraken.</p> : null}
      {fields.map((f, i) => (
        <div key={f.id} className="repeat" role="group" aria-label={`Afspraak ${i + 1}`}>
          <FreeTextField
            name={`activities.${i}.description`}
            label="Activiteit"
            rows={2}
            required
          />
          <FreeTextField name={`activities.${i}.goal`} label="Doel" rows={2} required />
          <div className="form-row form-row--3">
            <SelectField
              name={`activities.${i}.owner`}
              label="Wie"
              options={opts(ACTIVITY_OWNERS, ACTIVITY_OWNER_LABELS)}
            />
            <DateField name={`activities.${i}.start`} label="Start" />
            <DateField name={`activities.${i}.term`} label="Termijn" />
          </div>
          <div className="form-row">
            <SelectField
              name={`activities.${i}.status`}
              label="Status"
              options={opts(ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS)}
            />
            <FreeTextField
              name={`activities.${i}.statusNote`}
              label="Toelichting status"
              rows={1}
            />
          </div>
          <button type="button" className="button button--small" onClick={() => remove(i)}>
            Afspraak verwijderen
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          append({
            id: crypto.randomUUID(),
            description: '',
            goal: '',
            owner: 'werknemer',
            start: '',
            term: '',
            status: 'gepland',
            statusNote: '',
          })
        }
      >
        Afspraak toevoegen
      </button>
    </fieldset>
  )
}

function EvaluationMomentsField() {
  const { control } = useFormContext()
  const { fields, append, remove } = useFieldArray({ control, name: 'evaluationMoments' })
  return (
    <fieldset className="fieldset">
      <legend>8. Evaluatiemomenten</legend>
      {fields.map((f, i) => (
        <div
          key={f.id}
          className="form-row form-row--3"
          role="group"
          aria-label={`Evaluatiemoment ${i + 1}`}
        >
          <DateField name={`evaluationMoments.${i}.date`} label="Datum" />
          <SelectField
            name={`evaluationMoments.${i}.kind`}
            label="Soort"
            options={[
              { value: 'periodiek', label: 'Periodieke evaluatie' },
              { value: 'eerstejaarsevaluatie', label: 'Einde eerste ziektejaar' },
            ]}
          />
          <button type="button" className="button button--small" onClick={() => remove(i)}>
            Verwijderen
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => append({ date: '', kind: 'periodiek' })}
      >
        Evaluatiemoment toevoegen
      </button>
    </fieldset>
  )
}

function BijstellingFields() {
  return (
    <fieldset className="fieldset">
      <legend>Bijstelling</legend>
      <SelectField
        name="bijstelling.trigger"
        label="Aanleiding"
        options={opts(BIJSTELLING_TRIGGERS, BIJSTELLING_TRIGGER_LABELS)}
      />
      <FreeTextField name="bijstelling.reason" label="Reden van de bijstelling" rows={2} required />
    </fieldset>
  )
}

function PlanFields(props: FieldsProps) {
  return (
    <>
      {props.amend ? <BijstellingFields /> : null}
      <EarlierDocumentField
        bundle={props.bundle}
        type="probleemanalyse"
        name="probleemanalyseId"
        label="Gebaseerd op probleemanalyse"
        optionLabel={DOCUMENT_TYPE_LABELS['probleemanalyse']}
      />
      <fieldset className="fieldset">
        <legend>3. Casemanager (aangewezen)</legend>
        <div className="form-row form-row--3">
          <TextField name="casemanager.name" label="Naam casemanager" required />
          <TextField name="casemanager.function" label="Functie casemanager" />
          <TextField name="casemanager.organisation" label="Organisatie casemanager" />
        </div>
        <div className="form-row">
          <TextField name="casemanager.phone" label="Telefoon casemanager" type="tel" />
          <TextField name="casemanager.email" label="E-mail casemanager" type="email" />
        </div>
      </fieldset>
      <FreeTextField name="employeeView" label="5.1 Visie van de werknemer (eigen woorden)" />
      <FreeTextField name="employerView" label="5.2 Visie van de werkgever" />
      <SelectField
        name="goal"
        label="6. Doel van de re-integratie"
        options={opts(REINTEGRATION_GOALS, REINTEGRATION_GOAL_LABELS)}
      />
      <FreeTextField name="goalMotivation" label="Toelichting op het doel" rows={2} />
      <ActivitiesField />
      <FreeTextField name="contactFrequency" label="Contactfrequentie" rows={1} />
      <EvaluationMomentsField />
    </>
  )
}

export const planVanAanpakForm: DocumentFormKind = {
  title: 'Plan van Aanpak',
  dateLabel: 'Datum van het plan',
  dateHint: (dates) => due('Plan van Aanpak', dates.due?.['plan-van-aanpak']),
  defaults: (bundle, dates) => {
    const cm = bundle.dossier.casemanager
    const periodic = dates.periodicEvaluationDue
    return {
      version: 1,
      goal: 'eigen-werk',
      goalMotivation: '',
      probleemanalyseId: latestDocumentId(bundle, 'probleemanalyse'),
      activities: [],
      contactFrequency: 'Elke twee weken contact tussen werknemer en leidinggevende',
      evaluationMoments: [
        ...(periodic && periodic > today()
          ? [{ date: formDate(periodic), kind: 'periodiek' }]
          : []),
        { date: formDate(dates.due?.eerstejaarsevaluatie), kind: 'eerstejaarsevaluatie' },
      ],
      casemanager: { name: cm, function: 'Casemanager', organisation: '', phone: '', email: '' },
      employeeView: '',
      employerView: '',
    }
  },
  Fields: PlanFields,
}

/** A bijstelling starts from the plan it changes, made today by the casemanager. */
export const bijstellingValues = (plan: StoredDocument, bundle: DossierBundle) => ({
  ...toFormValues(plan.content),
  ...freshAuthorship(bundle),
  bijstelling: { reason: '', trigger: 'periodieke-evaluatie' },
})

export const bijstellingTitle = (plan: StoredDocument) =>
  `Bijstelling Plan van Aanpak (versie ${Number(plan.content['version']) + 1})`
