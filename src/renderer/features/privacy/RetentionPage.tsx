import { useId, useState } from 'react'
import { dateInAmsterdam } from '../../../shared/kernel/iso-date'
import { useRouter } from '../../app/router'
import { repos } from '../../app/services'
import { showDate } from '../../components/format'
import { useLive } from '../../storage/live'
import type { RetentionRow } from '../../storage/retention'

type Notice = { readonly kind: 'ok' | 'error'; readonly text: string }

/**
 * Bewaartermijnen (domain §5.6): the dossiers past their retention term, each erasable after the
 * user types the werknemer's name; dossiers under a legal hold are listed but cannot be erased.
 */
export function RetentionPage() {
  const today = dateInAmsterdam(new Date())
  const rows = useLive(() => repos.retention.list(today), [today])
  const [notice, setNotice] = useState<Notice | undefined>(undefined)
  const [confirming, setConfirming] = useState<string | undefined>(undefined)
  if (rows === undefined) return <p className="page">Laden…</p>
  const expired = rows.filter((r) => r.retention.state === 'expired')
  const held = rows.filter((r) => r.retention.state === 'hold')
  const others = rows.length - expired.length - held.length

  return (
    <section className="page" aria-labelledby="retention-page-title">
      <h1 id="retention-page-title">Bewaartermijnen</h1>
      <p>
        Gegevens van zieke werknemers mogen niet langer worden bewaard dan nodig (Autoriteit
        Persoonsgegevens): een re-integratiedossier tot twee jaar na afronding van de re-integratie,
        verzuimgegevens van kort verzuim tot twee jaar na het einde van het dienstverband, en vijf
        jaar voor de Ziektewet-gegevens van een eigenrisicodrager. Wissen verwijdert het dossier met
        alle onderdelen, documenten en geschiedenis; alleen een anonieme regel in de audittrail
        blijft over.
      </p>
      {notice ? (
        <p
          className={`notice notice--${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      ) : null}
      <section className="card" aria-labelledby="expired-title">
        <h2 id="expired-title">Bewaartermijn verstreken ({expired.length})</h2>
        {expired.length === 0 ? (
          <p className="empty-hint">Geen dossiers waarvan de bewaartermijn is verstreken.</p>
        ) : (
          <table className="table" aria-label="Dossiers met verstreken bewaartermijn">
            <thead>
              <tr>
                <th scope="col">Werknemer</th>
                <th scope="col">Werkgever</th>
                <th scope="col">Verstreken sinds</th>
                <th scope="col">Grond</th>
                <th scope="col">
                  <span className="visually-hidden">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {expired.map((r) => (
                <tr key={r.dossierId}>
                  <td>{r.employeeName}</td>
                  <td>{r.employerName}</td>
                  <td>{r.retention.state === 'expired' ? showDate(r.retention.since) : ''}</td>
                  <td>{r.retention.reason}</td>
                  <td>
                    {confirming === r.dossierId ? (
                      <EraseConfirm
                        row={r}
                        onCancel={() => setConfirming(undefined)}
                        onDone={(n) => {
                          setConfirming(undefined)
                          setNotice(n)
                        }}
                      />
                    ) : (
                      <button
                        type="button"
                        className="button button--danger button--small"
                        onClick={() => {
                          setNotice(undefined)
                          setConfirming(r.dossierId)
                        }}
                      >
                        Wissen…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="held-title">
        <h2 id="held-title">Juridische blokkade ({held.length})</h2>
        {held.length === 0 ? (
          <p className="empty-hint">Geen dossiers met een juridische blokkade.</p>
        ) : (
          <table className="table" aria-label="Dossiers met een juridische blokkade">
            <thead>
              <tr>
                <th scope="col">Werknemer</th>
                <th scope="col">Werkgever</th>
                <th scope="col">Blokkade</th>
                <th scope="col">
                  <span className="visually-hidden">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {held.map((r) => (
                <HeldRow key={r.dossierId} row={r} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p>
        {others === 1
          ? '1 ander dossier wordt nog bewaard.'
          : `${others} andere dossiers worden nog bewaard.`}
      </p>
    </section>
  )
}

function HeldRow(props: { readonly row: RetentionRow }) {
  const navigate = useRouter((s) => s.navigate)
  const r = props.row
  return (
    <tr>
      <td>{r.employeeName}</td>
      <td>{r.employerName}</td>
      <td>{r.retention.reason}</td>
      <td>
        <button
          type="button"
          className="button button--danger button--small"
          disabled
          title="Een dossier met een juridische blokkade kan niet worden gewist."
        >
          Wissen niet mogelijk
        </button>{' '}
        <button
          type="button"
          className="button button--small"
          onClick={() => navigate({ name: 'dossier', id: r.dossierId, tab: 'privacy' })}
        >
          Naar dossier
        </button>
      </td>
    </tr>
  )
}

function EraseConfirm(props: {
  readonly row: RetentionRow
  readonly onCancel: () => void
  readonly onDone: (n: Notice) => void
}) {
  const id = useId()
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const erase = async () => {
    setBusy(true)
    const r = await repos.retention.erase(props.row.dossierId, typed, dateInAmsterdam(new Date()))
    setBusy(false)
    if (!r.ok) {
      setError(r.error.message)
      return
    }
    props.onDone({
      kind: 'ok',
      text: `Dossier gewist (${r.value.records} gegevens, ${r.value.blobs} documenten). Alleen een anonieme regel in de audittrail blijft over.`,
    })
  }
  return (
    <div role="alertdialog" aria-labelledby={`${id}-q`} className="confirm">
      <p id={`${id}-q`}>
        Dit wist het dossier van <strong>{props.row.employeeName}</strong> definitief. Typ de naam
        van de werknemer om te bevestigen.
      </p>
      <div className={`field${error ? ' field--error' : ''}`}>
        <label htmlFor={`${id}-name`}>Naam van de werknemer</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          value={typed}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setTyped(e.target.value)
            setError(undefined)
          }}
        />
        {error ? (
          <p className="field__error" role="alert" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button--danger"
          disabled={busy || typed.trim() === ''}
          onClick={() => void erase()}
        >
          Definitief wissen
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Annuleren
        </button>
      </div>
    </div>
  )
}
