import { useState } from 'react'
import { milestoneMarkInputSchema } from '../../../shared/domain/entities'
import { dateInAmsterdam, type IsoDate } from '../../../shared/kernel/iso-date'
import { isDocumentStep } from '../../../shared/rules/document-steps'
import { repos } from '../../app/services'
import { DateField, FreeTextField, SelectField } from '../../components/form-fields'
import { editDate, showDate } from '../../components/format'
import { RecordForm } from '../../components/RecordForm'
import { SEVERITY_LABELS, STATUS_LABELS } from './deadline-labels'
import { plainSource } from './source-text'

export { SEVERITY_LABELS, STATUS_LABELS }

/** One deadline as the dossier page shows it (mapped from the rule core's milestone). */
export type DeadlineView = {
  readonly key: string
  readonly label: string
  readonly due: IsoDate
  readonly windowStart?: IsoDate
  readonly week: number
  readonly status: string
  readonly severity: string
  readonly source: string
  readonly doneOn?: IsoDate
  readonly motivation?: string
  /** The document that fulfilled the step (docs/adr/0010). */
  readonly documentId?: string
  /** Marked done by hand while the step has a document and none fulfils it. */
  readonly withoutDocument?: boolean
  /** Case-specific remark of the rule core (e.g. what a voluntary extension moves). */
  readonly note?: string
}

/**
 * A step that has a document and is marked done by hand without it needs a reason: the
 * dossier shows it as "afgehandeld zonder document" with that reason (docs/adr/0010).
 */
export const markFormSchema = milestoneMarkInputSchema.superRefine((v, ctx) => {
  if (v.state === 'done' && isDocumentStep(v.key) && !v.motivation) {
    ctx.addIssue({
      code: 'custom',
      path: ['motivation'],
      message:
        'Deze stap heeft een document. Geef een motivering waarom u hem zonder document afhandelt, of leg het document vast bij Re-integratieverslag.',
    })
  }
})

/** The deadline list: status, due date, week, the rule's source on request, and marking done or waived. */
export function DeadlineList(props: {
  readonly dossierId: string
  readonly deadlines: readonly DeadlineView[]
}) {
  const [openSource, setOpenSource] = useState<string | undefined>(undefined)
  const [marking, setMarking] = useState<string | undefined>(undefined)
  return (
    <table className="table deadlines" aria-label="Termijnen">
      <thead>
        <tr>
          <th scope="col">Termijn</th>
          <th scope="col">Uiterlijk</th>
          <th scope="col">Week</th>
          <th scope="col">Status</th>
          <th scope="col">Grondslag</th>
          <th scope="col">
            <span className="visually-hidden">Acties</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.deadlines.map((d) => (
          <DeadlineRow
            key={d.key}
            deadline={d}
            dossierId={props.dossierId}
            sourceOpen={openSource === d.key}
            onToggleSource={() => setOpenSource(openSource === d.key ? undefined : d.key)}
            marking={marking === d.key}
            onMark={(on) => setMarking(on ? d.key : undefined)}
          />
        ))}
      </tbody>
    </table>
  )
}

function DeadlineRow(props: {
  readonly deadline: DeadlineView
  readonly dossierId: string
  readonly sourceOpen: boolean
  readonly onToggleSource: () => void
  readonly marking: boolean
  readonly onMark: (on: boolean) => void
}) {
  const d = props.deadline
  const finished =
    d.status === 'done' ||
    d.status === 'done-late' ||
    d.status === 'waived' ||
    d.status === 'not-applicable'
  return (
    <>
      <tr className={`deadline deadline--${d.status}`} data-key={d.key}>
        <td>
          {d.label}
          {d.note ? <p className="deadline__note">{plainSource(d.note)}</p> : null}
        </td>
        <td>
          {d.windowStart ? `${showDate(d.windowStart)} – ` : ''}
          {showDate(d.due)}
        </td>
        <td>{d.week}</td>
        <td>
          <span className={`badge badge--status-${d.status}`}>
            {STATUS_LABELS[d.status] ?? d.status}
          </span>
          {d.doneOn ? <span className="deadline__done"> op {showDate(d.doneOn)}</span> : null}
          {d.documentId ? <span className="deadline__evidence"> (document)</span> : null}
          {d.withoutDocument ? (
            <p className="deadline__note deadline__without-document">
              Afgehandeld zonder document
              {d.motivation ? `: ${d.motivation}` : ' (geen motivering vastgelegd)'}
            </p>
          ) : null}
        </td>
        <td>
          <button
            type="button"
            className="link-button"
            aria-expanded={props.sourceOpen}
            onClick={props.onToggleSource}
          >
            {SEVERITY_LABELS[d.severity] ?? d.severity}
          </button>
        </td>
        <td>
          {!finished ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => props.onMark(!props.marking)}
            >
              Afhandelen
            </button>
          ) : null}
        </td>
      </tr>
      {props.sourceOpen ? (
        <tr>
          <td colSpan={6} className="deadline__source">
            {plainSource(d.source)}
            {d.motivation && !d.withoutDocument ? <p>Motivering: {d.motivation}</p> : null}
          </td>
        </tr>
      ) : null}
      {props.marking ? (
        <tr>
          <td colSpan={6}>
            <RecordForm
              schema={markFormSchema}
              label={`${d.label} afhandelen`}
              submitLabel="Vastleggen"
              defaultValues={{
                key: d.key,
                state: 'done',
                date: editDate(dateInAmsterdam(new Date())),
                motivation: '',
              }}
              save={(v) => repos.milestoneMarks.create(props.dossierId, v)}
              onSaved={() => props.onMark(false)}
              onCancel={() => props.onMark(false)}
            >
              <div className="form-row">
                <SelectField
                  name="state"
                  label="Afhandeling"
                  options={[
                    { value: 'done', label: 'Gedaan' },
                    { value: 'waived', label: 'Vervalt, met motivering (Regeling art. 5)' },
                  ]}
                />
                <DateField name="date" label="Datum" required />
              </div>
              <FreeTextField name="motivation" label="Motivering" rows={2} />
            </RecordForm>
          </td>
        </tr>
      ) : null}
    </>
  )
}
