import { useState, type ReactNode } from 'react'
import { useFieldArray, useFormContext } from 'react-hook-form'
import {
  ACTIVITY_OWNER_LABELS,
  ACTIVITY_OWNERS,
  ACTIVITY_STATUS_LABELS,
  ACTIVITY_STATUSES,
  ADJUSTMENT_SIGNAL_LABELS,
  ADJUSTMENT_SIGNALS,
  BIJSTELLING_TRIGGER_LABELS,
  BIJSTELLING_TRIGGERS,
  planVersions,
  REINTEGRATION_GOAL_LABELS,
  REINTEGRATION_GOALS,
  SPOOR2_DECISION_LABELS,
  SPOOR2_DECISIONS,
  WORK_POSSIBILITIES,
  WORK_POSSIBILITY_LABELS,
  type PlanVanAanpak,
} from '../../../shared/documents'
import {
  DOCUMENT_SCHEMAS,
  DOCUMENT_TYPE_LABELS,
  type DocumentType,
  type StoredDocument,
} from '../../../shared/documents/stored'
import { employeeFullName } from '../../../shared/domain/entities'
import type { AppError, Result } from '../../../shared/kernel/errors'
import { parseAnyDate, type IsoDate } from '../../../shared/kernel/iso-date'
import { repos } from '../../app/services'
import { today } from '../../app/today'
import {
  CheckboxField,
  DateField,
  FreeTextField,
  SelectField,
  TextField,
} from '../../components/form-fields'
import { showDate } from '../../components/format'
import { RecordForm } from '../../components/RecordForm'
import type { DossierBundle } from '../../storage'
import type { DocumentDates } from './export-builder'
import { formDate, toFormValues } from './form-values'

/**
 * The forms of the dossier documents, each bound to the shared schema of its type (the same
 * schema the repository, the export and the PDF renderers use). Every document records its date
 * and the name and function of who made it (vorm-beleidsregels art. 2 lid 3); every free-text
 * field warns against medical language.
 */

export type FormMode =
  | { readonly mode: 'new'; readonly type: DocumentType }
  | { readonly mode: 'edit'; readonly doc: StoredDocument }
  | { readonly mode: 'amend'; readonly doc: StoredDocument }

type Props = {
  readonly bundle: DossierBundle
  readonly dates: DocumentDates
  readonly target: FormMode
  readonly onDone: () => void
}

const opts = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => ({ value: v, label: labels[v] }))

const due = (label: string, d: string | undefined) =>
  d
    ? `${label}: uiterlijk ${showDate(d as IsoDate)} (volgens de termijnen van dit dossier).`
    : undefined

function AuthorFields(props: { readonly dateLabel: string; readonly dateHint?: string }) {
  return (
    <fieldset className="fieldset">
      <legend>Datum en opsteller</legend>
      <div className="form-row form-row--3">
        <DateField
          name="date"
          label={props.dateLabel}
          {...(props.dateHint ? { hint: props.dateHint } : {})}
        />
        <TextField name="author.name" label="Naam opsteller" />
        <TextField name="author.function" label="Functie opsteller" />
      </div>
    </fieldset>
  )
}

function HandedOver() {
  return (
    <DateField
      name="handedToEmployeeOn"
      label="Afschrift aan de werknemer gegeven op"
      hint="De werknemer heeft uiterlijk in week 91 een afschrift van elk onderdeel."
    />
  )
}

/** A PDF from the bedrijfsarts, added to the dossier's documents and linked to this record. */
function BaPdfPicker(props: {
  readonly bundle: DossierBundle
  readonly onFile: (file: File | undefined) => void
}) {
  const usable = props.bundle.attachments.filter((a) => !a.markedMedical)
  return (
    <fieldset className="fieldset">
      <legend>Document van de bedrijfsarts (PDF)</legend>
      <SelectField
        name="attachmentId"
        label="Bestaand document"
        placeholder="— geen —"
        options={usable.map((a) => ({
          value: a.id,
          label: `${a.title} (${showDate(a.receivedOn)})`,
        }))}
        hint="Documenten die als medisch zijn gemarkeerd, kunnen niet worden gekoppeld."
      />
      <div className="field">
        <label htmlFor="ba-pdf">Of voeg de PDF van de bedrijfsarts toe</label>
        <input
          id="ba-pdf"
          type="file"
          accept="application/pdf,.pdf"
          onChange={(e) => props.onFile(e.target.files?.[0])}
        />
      </div>
    </fieldset>
  )
}

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

function PlanFields(props: { readonly bundle: DossierBundle; readonly amend: boolean }) {
  const pas = props.bundle.documents.filter((d) => d.type === 'probleemanalyse')
  return (
    <>
      {props.amend ? (
        <fieldset className="fieldset">
          <legend>Bijstelling</legend>
          <SelectField
            name="bijstelling.trigger"
            label="Aanleiding"
            options={opts(BIJSTELLING_TRIGGERS, BIJSTELLING_TRIGGER_LABELS)}
          />
          <FreeTextField
            name="bijstelling.reason"
            label="Reden van de bijstelling"
            rows={2}
            required
          />
        </fieldset>
      ) : null}
      <SelectField
        name="probleemanalyseId"
        label="Gebaseerd op probleemanalyse"
        placeholder="— kies —"
        options={pas.map((p) => ({
          value: p.id,
          label: `${DOCUMENT_TYPE_LABELS['probleemanalyse']} ${showDate(p.content['date'] as IsoDate | undefined)}`,
        }))}
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
      <HandedOver />
    </>
  )
}

function CheckboxGroup(props: {
  readonly name: string
  readonly legend: string
  readonly options: readonly { value: string; label: string }[]
}) {
  const { register } = useFormContext()
  return (
    <fieldset className="fieldset">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="field field--checkbox">
          <input type="checkbox" value={o.value} {...register(props.name)} /> {o.label}
        </label>
      ))}
    </fieldset>
  )
}

function fieldsFor(
  type: DocumentType,
  bundle: DossierBundle,
  amend: boolean,
  setFile: (f: File | undefined) => void,
): ReactNode {
  switch (type) {
    case 'plan-van-aanpak':
      return <PlanFields bundle={bundle} amend={amend} />
    case 'probleemanalyse':
      return (
        <>
          <SelectField
            name="kind"
            label="Soort"
            options={[
              { value: 'probleemanalyse', label: 'Probleemanalyse' },
              { value: 'bijstelling', label: 'Bijstelling probleemanalyse' },
            ]}
          />
          <div className="form-row">
            <TextField name="bedrijfsarts" label="Bedrijfsarts" required />
            <TextField name="arbodienst" label="Arbodienst" />
          </div>
          <SelectField
            name="workPossibilities"
            label="Benutbare mogelijkheden"
            placeholder="— kies —"
            options={opts(WORK_POSSIBILITIES, WORK_POSSIBILITY_LABELS)}
          />
          <FreeTextField
            name="functionalLimitations"
            label="Functionele beperkingen (in termen van mogelijkheden, geen diagnose)"
          />
          <FreeTextField
            name="expectedCourse"
            label="Verwacht verloop (duur, geen diagnose)"
            rows={2}
          />
          <FreeTextField name="advice" label="Advies over de re-integratie" />
          <BaPdfPicker bundle={bundle} onFile={setFile} />
          <HandedOver />
        </>
      )
    case 'evaluatie':
      return (
        <>
          <FreeTextField name="participants" label="Deelnemers" rows={1} required />
          <ProgressField />
          <TextField name="hoursWorkedPerWeek" label="Gewerkte uren per week" inputMode="decimal" />
          <FreeTextField name="conclusion" label="Conclusie" required />
          <FreeTextField name="newAgreements" label="Nieuwe afspraken" />
          <CheckboxField
            name="bijstellingNeeded"
            label="Het Plan van Aanpak moet worden bijgesteld"
          />
          <DateField name="nextEvaluationOn" label="Volgende evaluatie" />
          <HandedOver />
        </>
      )
    case 'eerstejaarsevaluatie':
      return (
        <>
          <FreeTextField name="participants" label="Deelnemers" rows={1} required />
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
          <HandedOver />
        </>
      )
    case 'actueel-oordeel':
      return (
        <>
          <div className="form-row">
            <TextField name="bedrijfsarts" label="Bedrijfsarts" required />
            <TextField name="arbodienst" label="Arbodienst" />
          </div>
          <FreeTextField name="course" label="Verloop van de re-integratie" />
          <FreeTextField name="functionalPossibilities" label="Belastbaarheid (mogelijkheden)" />
          <FreeTextField
            name="employmentRelationshipView"
            label="Oordeel bedrijfsarts over de arbeidsrelatie"
            rows={2}
          />
          <FreeTextField
            name="suitableWorkView"
            label="Oordeel bedrijfsarts over passende arbeid"
            rows={2}
          />
          <BaPdfPicker bundle={bundle} onFile={setFile} />
          <HandedOver />
        </>
      )
    case 'eindevaluatie':
      return (
        <>
          <FreeTextField name="participants" label="Deelnemers" rows={1} required />
          <SelectField
            name="actueelOordeelId"
            label="Op basis van actueel oordeel"
            placeholder="— kies —"
            options={bundle.documents
              .filter((d) => d.type === 'actueel-oordeel')
              .map((d) => ({
                value: d.id,
                label: `Actueel oordeel ${showDate(d.content['date'] as IsoDate | undefined)}`,
              }))}
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
          <HandedOver />
        </>
      )
    case 'oordeel-werknemer':
      return (
        <>
          <FreeTextField
            name="text"
            label="Oordeel van de werknemer (eigen woorden; mag afwijken)"
            rows={8}
            required
          />
          <HandedOver />
        </>
      )
    case 'functie-en-bekwaamheden':
      return (
        <>
          <FreeTextField name="jobDescription" label="Functie en taken" required />
          <FreeTextField name="skills" label="Opleiding, ervaring en bekwaamheden" required />
          <HandedOver />
        </>
      )
  }
}

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

const latestPlan = (bundle: DossierBundle): PlanVanAanpak | undefined =>
  planVersions(
    bundle.documents
      .filter((d) => d.type === 'plan-van-aanpak')
      .map((d) => d.content as PlanVanAanpak),
  ).at(-1)

/** Default values of a new document: people from the dossier, dates from the rule core. */
function newValues(type: DocumentType, bundle: DossierBundle, dates: DocumentDates) {
  const now = formDate(today())
  const cm = bundle.dossier.casemanager
  const base = {
    id: 'nieuw',
    date: now,
    author: { name: cm, function: 'Casemanager' },
    handedToEmployeeOn: '',
  }
  const ba = bundle.dossier.bedrijfsarts
  switch (type) {
    case 'plan-van-aanpak': {
      const eje = dates.due?.eerstejaarsevaluatie
      const periodic = dates.periodicEvaluationDue
      return {
        ...base,
        version: 1,
        goal: 'eigen-werk',
        goalMotivation: '',
        probleemanalyseId:
          bundle.documents.filter((d) => d.type === 'probleemanalyse').at(-1)?.id ?? '',
        activities: [],
        contactFrequency: 'Elke twee weken contact tussen werknemer en leidinggevende',
        evaluationMoments: [
          ...(periodic && periodic > today()
            ? [{ date: formDate(periodic), kind: 'periodiek' }]
            : []),
          { date: formDate(eje), kind: 'eerstejaarsevaluatie' },
        ],
        casemanager: { name: cm, function: 'Casemanager', organisation: '', phone: '', email: '' },
        employeeView: '',
        employerView: '',
      }
    }
    case 'probleemanalyse':
      return {
        ...base,
        kind: 'probleemanalyse',
        author: { name: ba.name ?? '', function: 'Bedrijfsarts' },
        bedrijfsarts: ba.name ?? '',
        arbodienst: bundle.dossier.arbodienst.organisation ?? '',
        workPossibilities: '',
        attachmentId: '',
      }
    case 'evaluatie': {
      const plan = latestPlan(bundle)
      return {
        ...base,
        participants: `${employeeFullName(bundle.employee)}, ${cm}`,
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
    }
    case 'eerstejaarsevaluatie':
      return {
        ...base,
        participants: `${employeeFullName(bundle.employee)}, ${cm}`,
        lookBack: '',
        onCourse: false,
        adjustmentSignals: [],
        spoor2Decision: '',
        spoor2Motivation: '',
        arbeidsdeskundigOnderzoekOn: '',
      }
    case 'actueel-oordeel':
      return {
        ...base,
        author: { name: ba.name ?? '', function: 'Bedrijfsarts' },
        bedrijfsarts: ba.name ?? '',
        arbodienst: bundle.dossier.arbodienst.organisation ?? '',
        attachmentId: '',
      }
    case 'eindevaluatie':
      return {
        ...base,
        participants: `${employeeFullName(bundle.employee)}, ${cm}`,
        actueelOordeelId:
          bundle.documents.filter((d) => d.type === 'actueel-oordeel').at(-1)?.id ?? '',
        stateOfReintegration: '',
        businessNature: '',
        employmentRelationshipView: '',
        suitableWorkView: '',
      }
    case 'oordeel-werknemer':
      return {
        ...base,
        author: { name: employeeFullName(bundle.employee), function: bundle.employee.jobTitle },
        text: '',
      }
    case 'functie-en-bekwaamheden':
      return { ...base, jobDescription: bundle.employee.jobTitle, skills: '' }
  }
}

function dateHint(type: DocumentType, dates: DocumentDates): string | undefined {
  switch (type) {
    case 'plan-van-aanpak':
      return due('Plan van Aanpak', dates.due?.['plan-van-aanpak'])
    case 'probleemanalyse':
      return due('Probleemanalyse', dates.due?.probleemanalyse)
    case 'eerstejaarsevaluatie':
      return due('Eerstejaarsevaluatie', dates.due?.eerstejaarsevaluatie)
    case 'evaluatie':
      return due('Volgende periodieke evaluatie', dates.periodicEvaluationDue)
    case 'actueel-oordeel':
      return due('Actueel oordeel', dates.actueelOordeelDue)
    case 'eindevaluatie':
      return due('Re-integratieverslag compleet', dates.rivDue)
    default:
      return undefined
  }
}

const TITLES: Record<DocumentType, string> = {
  'functie-en-bekwaamheden': 'Functie en bekwaamheden',
  probleemanalyse: 'Probleemanalyse registreren',
  'plan-van-aanpak': 'Plan van Aanpak',
  evaluatie: 'Evaluatie',
  eerstejaarsevaluatie: 'Eerstejaarsevaluatie',
  'actueel-oordeel': 'Actueel oordeel registreren',
  eindevaluatie: 'Eindevaluatie',
  'oordeel-werknemer': 'Oordeel werknemer',
}

/** The form of one document: new, edit of an unsigned version, or a bijstelling of a plan. */
export function DocumentForm(props: Props) {
  const t = props.target
  const type = t.mode === 'new' ? t.type : t.doc.type
  const [file, setFile] = useState<File | undefined>(undefined)
  const defaults =
    t.mode === 'new'
      ? newValues(type, props.bundle, props.dates)
      : t.mode === 'edit'
        ? toFormValues(t.doc.content)
        : {
            ...toFormValues(t.doc.content),
            date: formDate(today()),
            author: { name: props.bundle.dossier.casemanager, function: 'Casemanager' },
            handedToEmployeeOn: '',
            bijstelling: { reason: '', trigger: 'periodieke-evaluatie' },
          }
  const label =
    t.mode === 'amend'
      ? `Bijstelling Plan van Aanpak (versie ${Number(t.doc.content['version']) + 1})`
      : TITLES[type]

  const save = async (values: unknown): Promise<Result<unknown, AppError>> => {
    let content = values as Record<string, unknown>
    if (file && (type === 'probleemanalyse' || type === 'actueel-oordeel')) {
      const date = parseAnyDate(String(content['date'] ?? '')) ?? today()
      const added = await repos.attachments.add(
        props.bundle.dossier.id,
        {
          title:
            type === 'probleemanalyse'
              ? 'Probleemanalyse bedrijfsarts'
              : 'Actueel oordeel bedrijfsarts',
          source: 'bedrijfsarts',
          kind: type,
          receivedOn: date,
          markedMedical: false,
        },
        { name: file.name, mimeType: file.type, data: new Uint8Array(await file.arrayBuffer()) },
      )
      if (!added.ok) {
        return {
          ok: false,
          error: { kind: 'validation', field: 'attachmentId', message: added.error.message },
        }
      }
      content = { ...content, attachmentId: added.value.id }
    }
    if (t.mode === 'new') return repos.documents.create(props.bundle.dossier.id, type, content)
    if (t.mode === 'edit') return repos.documents.update(t.doc.id, content)
    return repos.documents.amendPlan(
      t.doc.id,
      content,
      content['bijstelling'],
      (content['author'] ?? {}) as { name?: string; function?: string },
    )
  }

  return (
    <section className="card document-form" aria-label={label}>
      <h3>{label}</h3>
      <RecordForm
        schema={DOCUMENT_SCHEMAS[type]}
        label={label}
        submitLabel={t.mode === 'amend' ? 'Nieuwe versie opslaan' : 'Opslaan'}
        // The schema is chosen at run time; the defaults were built for that same type above.
        defaultValues={defaults as never}
        save={save}
        onSaved={props.onDone}
        onCancel={props.onDone}
      >
        <AuthorFields
          dateLabel={type === 'plan-van-aanpak' ? 'Datum van het plan' : 'Datum'}
          {...(dateHint(type, props.dates) ? { dateHint: dateHint(type, props.dates) } : {})}
        />
        {fieldsFor(type, props.bundle, t.mode === 'amend', setFile)}
      </RecordForm>
    </section>
  )
}
