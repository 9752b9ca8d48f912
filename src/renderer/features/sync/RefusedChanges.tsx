import { useState } from 'react'
import { repos } from '../../app/services'
import { api } from '../../platform/api'
import { useLive } from '../../storage/live'
import { REFUSAL_TEXT, type RefusalReason } from '../../storage/revocation'
import { syncText } from '../../sync/text'
import { fieldLabel, showValue, TABLE_LABELS } from './field-labels'

const REASON_ORDER: readonly RefusalReason[] = [
  'transferred',
  'signed-version',
  'append-only',
  'invalid',
  'forbidden',
  'serverfout',
]

/** A long value (a whole document's content) is cut short here; the export has all of it. */
const short = (text: string): string => (text.length > 160 ? `${text.slice(0, 159)}…` : text)

/**
 * Changes the server refused for good (docs/adr/0005, "Refused changes"): a dossier transferred
 * to another casemanager, a signed document version, a record that cannot change any more, an
 * invalid value. A notice per reason listing each change, with an export, so no edit is lost
 * silently; once exported they can be removed from this computer. Nothing is shown while there
 * are none. The rest of the outbox keeps syncing.
 */
export function RefusedChanges() {
  const rows = useLive(() => repos.refusedChanges.listWithNames(), [])
  const count = rows?.length ?? 0
  const [exported, setExported] = useState(false)
  const [confirm, setConfirm] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>(undefined)
  if (!count) return null

  const exportThem = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const file = await repos.refusedChanges.exportJson()
      const r = await api.saveFile({
        suggestedName: file.fileName,
        mimeType: 'application/json',
        data: file.data,
      })
      if (r.saved) setExported(true)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="refused-title" data-testid="refused-changes">
      <h2 id="refused-title">Niet verstuurde wijzigingen</h2>
      <p className="notice notice--error" role="alert">
        {syncText.refused(count)}
      </p>
      {REASON_ORDER.map((reason) => {
        const group = rows?.filter((r) => r.reason === reason) ?? []
        if (group.length === 0) return null
        return (
          <section
            key={reason}
            aria-label={REFUSAL_TEXT[reason].title}
            data-testid={`refused-${reason}`}
          >
            <h3>
              {REFUSAL_TEXT[reason].title} ({group.length})
            </h3>
            <p>{REFUSAL_TEXT[reason].advice}</p>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Dossier</th>
                  <th scope="col">Record</th>
                  <th scope="col">Veld</th>
                  <th scope="col">Uw waarde</th>
                  <th scope="col">Melding van de server</th>
                </tr>
              </thead>
              <tbody>
                {group.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.employeeName ??
                        (r.dossierId ? `Niet meer op deze computer (${r.dossierId})` : 'Geen')}
                    </td>
                    <td>
                      {TABLE_LABELS[r.change.table]} <code>{r.change.recordId}</code>
                    </td>
                    <td>{fieldLabel(r.change.table, r.change.field)}</td>
                    <td>
                      {r.change.table === 'documents' && r.change.field === 'content'
                        ? 'Uw tekst van het document (volledig in de export)'
                        : short(showValue(r.change.table, r.change.field, r.change.value))}
                    </td>
                    <td>{r.serverMessage ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )
      })}
      <p>
        Wat u op deze computer invoerde, blijft hier staan zoals u het invoerde. Exporteer deze
        wijzigingen om ze te bewaren of door te geven; uw andere wijzigingen worden gewoon
        verstuurd.
      </p>
      {error ? (
        <p className="notice notice--error" role="alert">
          Exporteren mislukt: {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void exportThem()}
        >
          Wijzigingen exporteren
        </button>
        {confirm ? (
          <>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => {
                setBusy(true)
                void repos.refusedChanges.discard().finally(() => {
                  setBusy(false)
                  setConfirm(false)
                  setExported(false)
                })
              }}
            >
              Definitief van deze computer wissen
            </button>
            <button type="button" className="button" onClick={() => setConfirm(false)}>
              Annuleren
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy || !exported}
            onClick={() => setConfirm(true)}
          >
            Melding sluiten…
          </button>
        )}
      </div>
      {!exported ? (
        <p className="field__hint">Sluiten kan nadat u de wijzigingen hebt geëxporteerd.</p>
      ) : null}
    </section>
  )
}
