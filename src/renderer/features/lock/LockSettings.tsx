import { useState } from 'react'
import { repos } from '../../app/services'
import { useLive } from '../../storage/live'
import { lockNow } from './lock-store'

/** The idle time after which Hervat locks itself, and locking right now (Gegevens page). */
export function LockSettings() {
  const settings = useLive(() => repos.settings.get(), [])
  const [error, setError] = useState<string | undefined>(undefined)
  if (!settings) return null
  return (
    <section className="card" aria-labelledby="lock-settings-title">
      <h2 id="lock-settings-title">Vergrendeling</h2>
      <p>
        De dossiers op deze computer zijn versleuteld. Vergrendeld is niets persoonlijks zichtbaar;
        ontgrendelen vraagt uw wachtwoord.
      </p>
      <div className={`field${error ? ' field--error' : ''}`}>
        <label htmlFor="lock-minutes">Vergrendel na dit aantal minuten zonder gebruik</label>
        <input
          id="lock-minutes"
          type="number"
          min={1}
          max={240}
          className="input--date"
          defaultValue={settings.lockAfterMinutes}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'lock-minutes-error' : undefined}
          onChange={(e) => {
            const n = Number(e.target.value)
            if (!Number.isInteger(n) || n < 1 || n > 240) {
              setError('Kies een aantal minuten tussen 1 en 240.')
              return
            }
            setError(undefined)
            void repos.settings.update({ lockAfterMinutes: n })
          }}
        />
        {error ? (
          <p className="field__error" role="alert" id="lock-minutes-error">
            {error}
          </p>
        ) : null}
      </div>
      <button className="button" type="button" onClick={lockNow}>
        Nu vergrendelen
      </button>
    </section>
  )
}
