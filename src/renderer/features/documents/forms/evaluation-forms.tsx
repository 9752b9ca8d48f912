import { useFieldArray, useFormContext } from 'react-hook-form'
import {
  ADJUSTMENT_SIGNAL_LABELS,
  ADJUSTMENT_SIGNALS,
  planVersions,
  SPOOR2_DECISION_LABELS,
  SPOOR2_DECISIONS,
  type PlanVanAanpak,
} from '../../../../shared/documents'
import {
  CheckboxField,
  DateField,
  FreeTextField,
  SelectField,
  TextField,
} from '../../../components/form-fields'
import type { DossierBundle } from '../../../storage'
import {
  defaultParticipants,
  due,
  latestDocumentId,
  opts,
  type DocumentFormKind,
  type FieldsProps,
} from './form-kind'
import { CheckboxGroup, EarlierDocumentField, ParticipantsField } from './shared-fields'

/**
 * The evaluations of the plan: the periodic evaluatie, the eerstejaarsevaluatie (with the
 * spoor-2 decision) and the eindevaluatie. Each is held with the werknemer; its participants
 * are the first thing it records.
 */

const latestPlan = (bundle: DossierBundle): PlanVanAanpak | undefined =>
  planVersions(
    bundle.documents
      .filter((d) => d.type === 'plan-van-aanpak')
      .map((d) => d.content as PlanVanAanpak),
  ).at(-1)

/** How far each of the plan's agreements got (one row per activity of the latest plan). */
function ProgressField() {
  const { control, register } = useFormContext()
  const { fields } = useFieldArray({ control, name: 'progress' })
  if (fields.length === 0) return null
  return (
    <fieldset className="fieldset">
      <legend>Voortgang van de afspraken</legend>
      {fields.map((f, i) => (
        <div key={f.id} className="repeat" role="group" aria-label={`Voortgang ${i + 1}`}>
          <input type="hidden" {...register(`progress.${i}.activity`)} />
          <p>
            <strong>{(f as unknown as { activity: string }).activity}</strong>
          </p>
          <CheckboxField name={`progress.${i}.done`} label="Uitgevoerd" />
          <FreeTextField name={`progress.${i}.explanation`} label="Toelichting" rows={1} />
        </div>
      ))}
    </fieldset>
  )
}

function EvaluatieFields() {
  return (
    <>
      <ParticipantsField />
      <ProgressField />
      <TextField name="hoursWorkedPerWeek" label="Gewerkte uren per week" inputMode="decimal" />
      <FreeTextField name="conclusion" label="Conclusie" required />
      <FreeTextField name="newAgreements" label="Nieuwe afspraken" />
      <CheckboxField name="bijstellingNeeded" label="Het Plan van Aanpak moet worden bijgesteld" />
      <DateField name="nextEvaluationOn" label="Volgende evaluatie" />
    </>
  )
}

export const evaluatieForm: DocumentFormKind = {
  title: 'Evaluatie',
  dateHint: (dates) => due('Volgende periodieke evaluatie', dates.periodicEvaluationDue),
  defaults: (bundle) => {
    const plan = latestPlan(bundle)
    return {
      participants: defaultParticipants(bundle),
      planVersion: plan?.version,
      progress: (plan?.activities ?? []).map((a) => ({
        activityId: a.id,
        activity: a.description,
        done: a.status === 'gereed',
        explanation: '',
      })),
      hoursWorkedPerWeek: '',
      conclusion: '',
      bijstellingNeeded: false,
      nextEvaluationOn: '',
    }
  },
  Fields: EvaluatieFields,
}

function EerstejaarsevaluatieFields() {
  return (
    <>
      <ParticipantsField />
      <FreeTextField name="lookBack" label="Terugblik op het eerste ziektejaar" required />
      <CheckboxField name="onCourse" label="De re-integratie is op koers" />
      <CheckboxGroup
        name="adjustmentSignals"
        legend="Signalen die om bijsturing vragen"
        options={opts(ADJUSTMENT_SIGNALS, ADJUSTMENT_SIGNAL_LABELS)}
      />
      <FreeTextField name="employerView" label="Oordeel werkgever over de afspraken" />
      <FreeTextField name="employeeView" label="Oordeel werknemer over de afspraken" />
      <SelectField
        name="spoor2Decision"
        label="Beslissing spoor 2"
        placeholder="— leg de beslissing vast —"
        options={opts(SPOOR2_DECISIONS, SPOOR2_DECISION_LABELS)}
        required
      />
      <FreeTextField name="spoor2Motivation" label="Motivering beslissing spoor 2" required />
      <FreeTextField name="lookAhead" label="Vooruitblik" />
      <DateField name="arbeidsdeskundigOnderzoekOn" label="Arbeidsdeskundig onderzoek op" />
      <FreeTextField name="newAgreements" label="Nieuwe afspraken" />
    </>
  )
}

export const eerstejaarsevaluatieForm: DocumentFormKind = {
  title: 'Eerstejaarsevaluatie',
  dateHint: (dates) => due('Eerstejaarsevaluatie', dates.due?.eerstejaarsevaluatie),
  defaults: (bundle) => ({
    participants: defaultParticipants(bundle),
    lookBack: '',
    onCourse: false,
    adjustmentSignals: [],
    spoor2Decision: '',
    spoor2Motivation: '',
    arbeidsdeskundigOnderzoekOn: '',
  }),
  Fields: EerstejaarsevaluatieFields,
}

function EindevaluatieFields(props: FieldsProps) {
  return (
    <>
      <ParticipantsField />
      <EarlierDocumentField
        bundle={props.bundle}
        type="actueel-oordeel"
        name="actueelOordeelId"
        label="Op basis van actueel oordeel"
        optionLabel="Actueel oordeel"
      />
      <FreeTextField name="stateOfReintegration" label="Stand van de re-integratie" required />
      <FreeTextField name="lookBack" label="Terugblik op twee jaar" />
      <FreeTextField
        name="businessNature"
        label="Aard van het bedrijf (activiteiten, omvang, functies)"
        required
      />
      <FreeTextField
        name="employmentRelationshipView"
        label="Oordeel werkgever over de kwaliteit van de arbeidsrelatie"
        required
      />
      <FreeTextField
        name="suitableWorkView"
        label="Oordeel werkgever over passende arbeid bij de werkgever"
        required
      />
    </>
  )
}

export const eindevaluatieForm: DocumentFormKind = {
  title: 'Eindevaluatie',
  dateHint: (dates) => due('Re-integratieverslag compleet', dates.rivDue),
  defaults: (bundle) => ({
    participants: defaultParticipants(bundle),
    actueelOordeelId: latestDocumentId(bundle, 'actueel-oordeel'),
    stateOfReintegration: '',
    businessNature: '',
    employmentRelationshipView: '',
    suitableWorkView: '',
  }),
  Fields: EindevaluatieFields,
}
