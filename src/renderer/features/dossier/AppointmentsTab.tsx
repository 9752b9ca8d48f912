import { useState } from 'react'
import { APPOINTMENT_STATUSES, appointmentInputSchema } from '../../../shared/domain/entities'
import { repos } from '../../app/services'
import { useDossierTimeline } from '../deadlines/use-dossier-timeline'
import { DateTimeField, SelectField, TextField } from '../../components/form-fields'
import { showDateTime } from '../../components/format'
import { RecordForm } from '../../components/RecordForm'
import type { DossierBundle } from '../../storage'

const statusOptions = APPOINTMENT_STATUSES.map((s) => ({ value: s, label: s.replace(/-/g, ' ') }))

/** Appointments (spreekuur, gesprekken), with the time of a cancellation (< 24 h counts as no-show). */
export function AppointmentsTab(props: { readonly bundle: DossierBundle }) {
  const { dossier, appointments } = props.bundle
  const [adding, setAdding] = useState(false)
  const timeline = useDossierTimeline(props.bundle)
  const lateCancellation = (id: string) =>
    timeline?.appointments.find((f) => f.id === id)?.lateCancellation ?? false
  return (
    <section className="card" aria-labelledby="ap-title">
      <header className="card__header">
        <h2 id="ap-title">Afspraken</h2>
        <button type="button" className="button button--small" onClick={() => setAdding(true)}>
          Afspraak toevoegen
        </button>
      </header>
      {adding ? (
        <RecordForm
          schema={appointmentInputSchema}
          label="Afspraak toevoegen"
          submitLabel="Afspraak opslaan"
          defaultValues={{
            startsAt: '',
            withWhom: '',
            location: '',
            status: 'gepland',
            cancelledAt: '',
          }}
          save={(v) => repos.appointments.create(dossier.id, v)}
          onSaved={() => setAdding(false)}
          onCancel={() => setAdding(false)}
        >
          <div className="form-row">
            <DateTimeField name="startsAt" label="Datum en tijd" required />
            <TextField
              name="withWhom"
              label="Met wie"
              required
              hint="Bijvoorbeeld: spreekuur bedrijfsarts"
            />
          </div>
          <div className="form-row">
            <TextField name="location" label="Locatie" />
            <SelectField name="status" label="Status afspraak" options={statusOptions} />
          </div>
          <DateTimeField
            name="cancelledAt"
            label="Geannuleerd op"
            hint="Annuleren korter dan 24 uur van tevoren geldt als niet verschenen."
          />
        </RecordForm>
      ) : null}
      {appointments.length === 0 && !adding ? <p className="empty-hint">Geen afspraken.</p> : null}
      {appointments.length > 0 ? (
        <table className="table" aria-label="Afspraken">
          <thead>
            <tr>
              <th scope="col">Wanneer</th>
              <th scope="col">Met wie</th>
              <th scope="col">Locatie</th>
              <th scope="col">Status</th>
              <th scope="col">Geannuleerd op</th>
            </tr>
          </thead>
          <tbody>
            {appointments.map((a) => (
              <tr key={a.id}>
                <td>{showDateTime(a.startsAt)}</td>
                <td>{a.withWhom}</td>
                <td>{a.location ?? '—'}</td>
                <td>
                  {a.status.replace(/-/g, ' ')}
                  {lateCancellation(a.id) ? (
                    <span
                      className="badge badge--warn"
                      title="Korter dan 24 uur van tevoren afgezegd: de arbodienst kan de kosten in rekening brengen."
                    >
                      {' '}
                      te laat afgezegd
                    </span>
                  ) : null}
                </td>
                <td>{showDateTime(a.cancelledAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
