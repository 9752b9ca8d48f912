import { useState } from 'react'
import {
  CONTACT_KIND_LABELS,
  CONTACT_KINDS,
  contactInputSchema,
} from '../../../shared/domain/entities'
import { repos } from '../../app/services'
import { DateField, FreeTextField, SelectField, TextField } from '../../components/form-fields'
import { editDate, showDate, showNumber } from '../../components/format'
import { RecordForm } from '../../components/RecordForm'
import type { DossierBundle } from '../../storage'
import { dateInAmsterdam } from '../../../shared/kernel/iso-date'

const kindOptions = CONTACT_KINDS.map((k) => ({ value: k, label: CONTACT_KIND_LABELS[k] }))

/** Contactmomenten and activities: the dossier's record of the course of the absence (Regeling art. 3). */
export function ContactsTab(props: { readonly bundle: DossierBundle }) {
  const { dossier, contacts } = props.bundle
  const [adding, setAdding] = useState(contacts.length === 0)
  return (
    <div className="stack">
      <section className="card" aria-labelledby="ct-title">
        <header className="card__header">
          <h2 id="ct-title">Contactmomenten</h2>
          {!adding ? (
            <button type="button" className="button button--small" onClick={() => setAdding(true)}>
              Contactmoment toevoegen
            </button>
          ) : null}
        </header>
        {adding ? (
          <RecordForm
            schema={contactInputSchema}
            label="Contactmoment toevoegen"
            submitLabel="Contactmoment opslaan"
            defaultValues={{
              date: editDate(dateInAmsterdam(new Date())),
              kind: 'gesprek',
              participants: '',
              summary: '',
              hoursWorked: '',
            }}
            save={(v) => repos.contacts.create(dossier.id, v)}
            onSaved={() => setAdding(false)}
            onCancel={contacts.length > 0 ? () => setAdding(false) : undefined}
          >
            <div className="form-row">
              <DateField name="date" label="Datum contact" required />
              <SelectField name="kind" label="Soort contact" options={kindOptions} required />
            </div>
            <TextField
              name="participants"
              label="Deelnemers"
              required
              hint="Bijvoorbeeld: werknemer, leidinggevende, casemanager"
            />
            <FreeTextField name="summary" label="Verslag" required rows={5} />
            <TextField
              name="hoursWorked"
              label="Feitelijk gewerkte uren in deze periode"
              inputMode="decimal"
              hint="Regeling procesgang art. 3: leg het aantal feitelijk gewerkte uren vast."
            />
          </RecordForm>
        ) : null}
        {contacts.length === 0 && !adding ? (
          <p className="empty-hint">Nog geen contactmomenten.</p>
        ) : null}
        <ol className="timeline-list" aria-label="Contactmomenten">
          {contacts.map((c) => (
            <li key={c.id} className="timeline-list__item">
              <div className="timeline-list__meta">
                <strong>{showDate(c.date)}</strong> · {CONTACT_KIND_LABELS[c.kind]} ·{' '}
                {c.participants}
                {c.hoursWorked !== undefined ? ` · ${showNumber(c.hoursWorked)} uur gewerkt` : ''}
              </div>
              <p className="timeline-list__text">{c.summary}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}
