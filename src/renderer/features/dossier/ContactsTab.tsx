import { useEffect, useState } from 'react'
import {
  correctedEntry,
  effectiveContacts,
  isRemoved,
  REMOVAL_REASON_LABELS,
  REMOVAL_REASONS,
  type RemovalReason,
} from '../../../shared/privacy/corrections'
import type { Contact } from '../../../shared/domain/entities'
import { useRouter } from '../../app/router'
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
  const { dossier } = props.bundle
  const all = props.bundle.contacts
  // A correcting entry stands in place of the one it corrects (docs/adr/0009).
  const contacts = effectiveContacts(all)
  const [adding, setAdding] = useState(all.length === 0)
  const [correcting, setCorrecting] = useState<string | undefined>(undefined)
  const [removing, setRemoving] = useState<string | undefined>(undefined)
  const route = useRouter((s) => s.route)
  const focus = route.name === 'dossier' ? route.record : undefined
  useEffect(() => {
    if (focus) document.getElementById(`record-${focus}`)?.scrollIntoView({ block: 'center' })
  }, [focus])
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
            <li
              key={c.id}
              id={`record-${c.id}`}
              className={`timeline-list__item${focus === c.id ? ' timeline-list__item--focus' : ''}`}
              aria-label={`Contactmoment van ${showDate(c.date)}`}
            >
              <div className="timeline-list__meta">
                <strong>{showDate(c.date)}</strong> · {CONTACT_KIND_LABELS[c.kind]} ·{' '}
                {c.participants}
                {c.hoursWorked !== undefined ? ` · ${showNumber(c.hoursWorked)} uur gewerkt` : ''}
                {correctedEntry(all, c) ? ' · correctie' : ''}
              </div>
              <p className="timeline-list__text">{c.summary}</p>
              {isRemoved('contacts', c) ? null : (
                <div className="button-row">
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setCorrecting(c.id)}
                  >
                    Corrigeren
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setRemoving(c.id)}
                  >
                    Verwijderen wegens onrechtmatige registratie
                  </button>
                </div>
              )}
              {correcting === c.id ? (
                <CorrectContact contact={c} onDone={() => setCorrecting(undefined)} />
              ) : null}
              {removing === c.id ? (
                <RemoveContact contact={c} onDone={() => setRemoving(undefined)} />
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}

/** A correction: a new contactmoment that supersedes this one in views and exports. */
function CorrectContact(props: { readonly contact: Contact; readonly onDone: () => void }) {
  const c = props.contact
  return (
    <RecordForm
      schema={contactInputSchema}
      label="Contactmoment corrigeren"
      submitLabel="Correctie opslaan"
      defaultValues={{
        date: editDate(c.date),
        kind: c.kind,
        participants: c.participants,
        summary: c.summary,
        hoursWorked: c.hoursWorked === undefined ? '' : String(c.hoursWorked),
      }}
      save={(v) => repos.corrections.correctContact(c.id, v)}
      onSaved={props.onDone}
      onCancel={props.onDone}
    >
      <p className="field__hint">
        Het contactmoment zelf verandert niet: de correctie komt ervoor in de plaats, in het dossier
        en in elke export. Het origineel blijft in de geschiedenis.
      </p>
      <div className="form-row">
        <DateField name="date" label="Datum contact" required />
        <SelectField name="kind" label="Soort contact" options={kindOptions} required />
      </div>
      <TextField name="participants" label="Deelnemers" required />
      <FreeTextField name="summary" label="Verslag" required rows={5} />
      <TextField
        name="hoursWorked"
        label="Feitelijk gewerkte uren in deze periode"
        inputMode="decimal"
      />
    </RecordForm>
  )
}

/**
 * "Verwijderen wegens onrechtmatige registratie" (AVG art. 16/17): the text goes on every device;
 * the audit trail keeps when, who and why.
 */
function RemoveContact(props: { readonly contact: Contact; readonly onDone: () => void }) {
  const [reason, setReason] = useState<RemovalReason>('medische-informatie')
  const [error, setError] = useState<string | undefined>(undefined)
  const remove = async () => {
    const r = await repos.corrections.removeUnlawful('contacts', props.contact.id, reason)
    if (r.ok) props.onDone()
    else setError(r.error.message)
  }
  return (
    <div className="form" role="group" aria-label="Tekst verwijderen">
      <p>
        De tekst van dit contactmoment (deelnemers en verslag) wordt op elk apparaat verwijderd en
        kan niet worden teruggehaald. De audittrail houdt bij wanneer, door wie en waarom.
      </p>
      <div className="field">
        <label htmlFor={`reason-${props.contact.id}`}>Reden</label>
        <select
          id={`reason-${props.contact.id}`}
          value={reason}
          onChange={(e) => setReason(e.target.value as RemovalReason)}
        >
          {REMOVAL_REASONS.map((r) => (
            <option key={r} value={r}>
              {REMOVAL_REASON_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={() => void remove()}>
          Tekst definitief verwijderen
        </button>
        <button type="button" className="button" onClick={props.onDone}>
          Annuleren
        </button>
      </div>
    </div>
  )
}
