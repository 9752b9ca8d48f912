import { useState } from 'react'
import { repos } from '../../app/services'
import { api } from '../../platform/api'
import { useLive } from '../../storage/live'
import { syncText } from '../../sync/text'

/**
 * Changes the server refused because their dossier was transferred to another casemanager
 * (docs/adr/0005): a notice with an export, so no edit is lost silently; once exported they can
 * be removed from this computer. Nothing is shown while there are none.
 */
export function RefusedChanges() {
  const count = useLive(() => repos.refusedChanges.count(), [])
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
      <p>
        Het dossier is aan een andere casemanager toegewezen en van deze computer verwijderd. Deze
        wijzigingen had u gemaakt voordat u dat wist; de server neemt ze niet meer aan. Exporteer ze
        en geef ze door aan de nieuwe casemanager of uw teamleider. Uw andere wijzigingen worden
        gewoon verstuurd.
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
