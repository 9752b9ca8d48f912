import { useState } from 'react'
import {
  LEAVE_KINDS,
  leaveInputSchema,
  partialRecoveryInputSchema,
  sickPeriodInputSchema,
  type SickPeriod,
} from '../../../shared/domain/entities'
import { repos } from '../../app/services'
import {
  CheckboxField,
  DateField,
  FreeTextField,
  SelectField,
  TextField,
} from '../../components/form-fields'
import { editDate, showDate, showNumber } from '../../components/format'
import { RecordForm } from '../../components/RecordForm'
import type { DossierBundle } from '../../storage'

const LEAVE_LABELS: Record<(typeof LEAVE_KINDS)[number], string> = {
  zwangerschapsverlof: 'Zwangerschapsverlof',
  bevallingsverlof: 'Bevallingsverlof',
  'zwangerschaps-en-bevallingsverlof': 'Zwangerschaps- en bevallingsverlof',
}

function SickPeriodFields() {
  return (
    <>
      <div className="form-row">
        <DateField name="start" label="Eerste ziektedag" required />
        <DateField
          name="end"
          label="Laatste ziektedag"
          hint="Leeg laten zolang de werknemer ziek is. Gedeeltelijk herstel is geen einde."
        />
      </div>
      <div className="form-row">
        <DateField name="reportedToEmployerOn" label="Ziek gemeld bij werkgever op" />
        <DateField name="reportedToArbodienstOn" label="Gemeld bij arbodienst/verzekeraar op" />
      </div>
    </>
  )
}

const periodDefaults = (p?: SickPeriod) => ({
  start: editDate(p?.start),
  end: editDate(p?.end),
  reportedToEmployerOn: editDate(p?.reportedToEmployerOn),
  reportedToArbodienstOn: editDate(p?.reportedToArbodienstOn),
})

/** Ziekteperiodes, gedeeltelijk herstel and WAZO-verlof: the facts every clock is computed from. */
export function SickPeriodsTab(props: { readonly bundle: DossierBundle }) {
  const { dossier, sickPeriods, partialRecoveries, leaves } = props.bundle
  const [editing, setEditing] = useState<string | undefined>(undefined)
  const [adding, setAdding] = useState<'period' | 'recovery' | 'leave' | undefined>(undefined)

  return (
    <div className="stack">
      <section className="card" aria-labelledby="sp-title">
        <header className="card__header">
          <h2 id="sp-title">Ziekteperiodes</h2>
          <button
            type="button"
            className="button button--small"
            onClick={() => setAdding('period')}
          >
            Ziekteperiode toevoegen
          </button>
        </header>
        {adding === 'period' ? (
          <RecordForm
            schema={sickPeriodInputSchema}
            label="Ziekteperiode toevoegen"
            submitLabel="Ziekteperiode opslaan"
            defaultValues={periodDefaults()}
            save={(v) => repos.sickPeriods.create(dossier.id, v)}
            onSaved={() => setAdding(undefined)}
            onCancel={() => setAdding(undefined)}
          >
            <SickPeriodFields />
          </RecordForm>
        ) : null}
        <table className="table" aria-label="Ziekteperiodes">
          <thead>
            <tr>
              <th scope="col">Eerste ziektedag</th>
              <th scope="col">Laatste ziektedag</th>
              <th scope="col">Gemeld bij werkgever</th>
              <th scope="col">Gemeld bij arbodienst</th>
              <th scope="col">
                <span className="visually-hidden">Acties</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sickPeriods.map((p) =>
              editing === p.id ? (
                <tr key={p.id}>
                  <td colSpan={5}>
                    <RecordForm
                      schema={sickPeriodInputSchema}
                      label="Ziekteperiode wijzigen"
                      submitLabel="Wijziging opslaan"
                      defaultValues={periodDefaults(p)}
                      save={(v) => repos.sickPeriods.update(p.id, v)}
                      onSaved={() => setEditing(undefined)}
                      onCancel={() => setEditing(undefined)}
                    >
                      <SickPeriodFields />
                    </RecordForm>
                  </td>
                </tr>
              ) : (
                <tr key={p.id}>
                  <td>{showDate(p.start)}</td>
                  <td>
                    {p.end ? showDate(p.end) : <span className="badge badge--open">nog ziek</span>}
                  </td>
                  <td>{showDate(p.reportedToEmployerOn)}</td>
                  <td>{showDate(p.reportedToArbodienstOn)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setEditing(p.id)}
                    >
                      Wijzigen
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="pr-title">
        <header className="card__header">
          <h2 id="pr-title">Gedeeltelijk herstel</h2>
          <button
            type="button"
            className="button button--small"
            onClick={() => setAdding('recovery')}
          >
            Gedeeltelijk herstel toevoegen
          </button>
        </header>
        {adding === 'recovery' ? (
          <RecordForm
            schema={partialRecoveryInputSchema}
            label="Gedeeltelijk herstel toevoegen"
            submitLabel="Herstel opslaan"
            defaultValues={{ date: '', hoursPerWeek: '', note: '' }}
            save={(v) => repos.partialRecoveries.create(dossier.id, v)}
            onSaved={() => setAdding(undefined)}
            onCancel={() => setAdding(undefined)}
          >
            <div className="form-row">
              <DateField name="date" label="Datum gedeeltelijk herstel" required />
              <TextField
                name="hoursPerWeek"
                label="Gewerkte uren per week"
                required
                inputMode="decimal"
              />
            </div>
            <FreeTextField name="note" label="Toelichting (werkzaamheden)" rows={2} />
          </RecordForm>
        ) : null}
        {partialRecoveries.length === 0 ? (
          <p className="empty-hint">Geen gedeeltelijk herstel geregistreerd.</p>
        ) : (
          <table className="table" aria-label="Gedeeltelijk herstel">
            <thead>
              <tr>
                <th scope="col">Vanaf</th>
                <th scope="col">Uren per week</th>
                <th scope="col">Toelichting</th>
              </tr>
            </thead>
            <tbody>
              {partialRecoveries.map((r) => (
                <tr key={r.id}>
                  <td>{showDate(r.date)}</td>
                  <td>{showNumber(r.hoursPerWeek)}</td>
                  <td>{r.note ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="lv-title">
        <header className="card__header">
          <h2 id="lv-title">Zwangerschaps- en bevallingsverlof (WAZO)</h2>
          <button type="button" className="button button--small" onClick={() => setAdding('leave')}>
            Verlof toevoegen
          </button>
        </header>
        <p className="field__hint">
          Alleen de verlofdata worden vastgelegd; verlofdagen tellen niet mee als ziektedagen.
        </p>
        {adding === 'leave' ? (
          <RecordForm
            schema={leaveInputSchema}
            label="Verlof toevoegen"
            submitLabel="Verlof opslaan"
            defaultValues={{
              kind: 'zwangerschaps-en-bevallingsverlof',
              start: '',
              end: '',
              sameCauseAroundLeave: true,
              expectedDeliveryDate: '',
            }}
            save={(v) => repos.leaves.create(dossier.id, v)}
            onSaved={() => setAdding(undefined)}
            onCancel={() => setAdding(undefined)}
          >
            <SelectField
              name="kind"
              label="Soort verlof"
              options={LEAVE_KINDS.map((k) => ({ value: k, label: LEAVE_LABELS[k] }))}
            />
            <div className="form-row">
              <DateField name="start" label="Eerste verlofdag" required />
              <DateField name="end" label="Laatste verlofdag" required />
            </div>
            <DateField
              name="expectedDeliveryDate"
              label="Vermoedelijke bevallingsdatum (zoals op de WAZO-aanvraag)"
              hint="Bepaalt de flexibele periode voor de ziekmelding bij UWV (Ziektewet art. 38a)."
            />
            <CheckboxField
              name="sameCauseAroundLeave"
              label="Verzuim voor en na het verlof heeft dezelfde oorzaak (volgens de bedrijfsarts)"
              hint="Zo niet, dan begint na het verlof een nieuwe ziekteperiode voor de loondoorbetaling."
            />
          </RecordForm>
        ) : null}
        {leaves.length === 0 ? (
          <p className="empty-hint">Geen verlof geregistreerd.</p>
        ) : (
          <table className="table" aria-label="Verlof">
            <thead>
              <tr>
                <th scope="col">Soort</th>
                <th scope="col">Van</th>
                <th scope="col">Tot en met</th>
                <th scope="col">Vermoedelijke bevallingsdatum</th>
              </tr>
            </thead>
            <tbody>
              {leaves.map((l) => (
                <tr key={l.id}>
                  <td>{LEAVE_LABELS[l.kind]}</td>
                  <td>{showDate(l.start)}</td>
                  <td>{showDate(l.end)}</td>
                  <td>{l.expectedDeliveryDate ? showDate(l.expectedDeliveryDate) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}
