import { useState } from 'react'
import { repos } from '../../app/services'
import { useLive } from '../../storage/live'

/** Whether and how far ahead Hervat warns about deadlines with a desktop notification. */
export function NotificationSettings() {
  const settings = useLive(() => repos.settings.get(), [])
  const [error, setError] = useState<string | undefined>(undefined)
  if (!settings) return null
  return (
    <section className="card" aria-labelledby="notify-title">
      <h2 id="notify-title">Meldingen</h2>
      <div className="field field--checkbox">
        <input
          id="notify-enabled"
          type="checkbox"
          checked={settings.notifyEnabled}
          onChange={(e) => void repos.settings.update({ notifyEnabled: e.target.checked })}
        />
        <label htmlFor="notify-enabled">Dagelijks een melding over termijnen die verstrijken</label>
      </div>
      <div className={`field${error ? ' field--error' : ''}`}>
        <label htmlFor="notify-days">Waarschuw dit aantal dagen van tevoren</label>
        <input
          id="notify-days"
          type="number"
          min={1}
          max={60}
          className="input--date"
          defaultValue={settings.notifyDaysAhead}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'notify-days-error' : 'notify-days-hint'}
          onChange={(e) => {
            const n = Number(e.target.value)
            if (!Number.isInteger(n) || n < 1 || n > 60) {
              setError('Kies een aantal dagen tussen 1 en 60.')
              return
            }
            setError(undefined)
            void repos.settings.update({ notifyDaysAhead: n })
          }}
        />
        <p className="field__hint" id="notify-days-hint">
          De melding noemt alleen aantallen, geen namen.
        </p>
        {error ? (
          <p className="field__error" role="alert" id="notify-days-error">
            {error}
          </p>
        ) : null}
      </div>
    </section>
  )
}
