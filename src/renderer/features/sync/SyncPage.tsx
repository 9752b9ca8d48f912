import { useId, useState, type FormEvent } from 'react'
import { useSyncState } from '../../sync/store'
import { syncEngine } from '../../sync/client'
import { syncText } from '../../sync/text'
import { nl } from '../../i18n/nl'
import { RefusedChanges } from './RefusedChanges'

type LoginField = 'serverUrl' | 'email' | 'password'

function Field(props: {
  readonly label: string
  readonly type: 'url' | 'email' | 'password'
  readonly value: string
  readonly onChange: (v: string) => void
  readonly error: string | undefined
  readonly autoComplete: string
  readonly hint?: string
}) {
  const id = useId()
  return (
    <div className={`field${props.error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type}
        value={props.value}
        autoComplete={props.autoComplete}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && !props.error ? (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  )
}

function LoginForm() {
  const [serverUrl, setServerUrl] = useState('http://127.0.0.1:8787')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Partial<Record<LoginField, string>>>({})
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setErrors({})
    try {
      const r = await syncEngine.login(serverUrl, email, password)
      if (!r.ok) setErrors({ [r.field as LoginField]: r.message })
      else setPassword('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card">
      <h2>Inloggen op een syncserver</h2>
      <p>
        Hervat werkt volledig zonder server. Koppel een server om dossiers tussen apparaten en met
        uw team te synchroniseren; alleen dossiers die aan u zijn toegewezen komen op deze computer.
      </p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Inloggen">
        <Field
          label="Serveradres"
          type="url"
          value={serverUrl}
          onChange={setServerUrl}
          error={errors.serverUrl}
          autoComplete="url"
          hint="Bijvoorbeeld http://127.0.0.1:8787 (npm run server)."
        />
        <Field
          label="E-mailadres"
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.email}
          autoComplete="username"
        />
        <Field
          label="Wachtwoord"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          autoComplete="current-password"
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Bezig met inloggen…' : 'Inloggen'}
          </button>
        </div>
      </form>
    </section>
  )
}

function SignOut(props: { readonly pending: number }) {
  const [confirm, setConfirm] = useState(false)
  const [wipe, setWipe] = useState(false)
  const [busy, setBusy] = useState(false)
  return (
    <section className="card card--danger">
      <h2>Uitloggen</h2>
      {confirm ? (
        <div role="alertdialog" aria-labelledby="signout-confirm" className="confirm">
          <p id="signout-confirm">
            Uitloggen stopt de synchronisatie op deze computer.
            {props.pending > 0
              ? ` Er ${props.pending === 1 ? 'is nog 1 wijziging' : `zijn nog ${props.pending} wijzigingen`} niet verstuurd.`
              : ''}
          </p>
          <div className="field field--checkbox">
            <label>
              <input type="checkbox" checked={wipe} onChange={(e) => setWipe(e.target.checked)} />{' '}
              Alle gegevens op deze computer wissen
            </label>
            <p className="field__hint">
              Wist alle dossiers, documenten en niet-verstuurde wijzigingen van deze computer. Wat
              al op de server staat, blijft daar.
            </p>
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => {
                setBusy(true)
                void syncEngine.signOut({ wipe }).finally(() => {
                  setBusy(false)
                  setConfirm(false)
                })
              }}
            >
              {wipe ? 'Uitloggen en wissen' : 'Uitloggen'}
            </button>
            <button type="button" className="button" onClick={() => setConfirm(false)}>
              {nl.common.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--danger" onClick={() => setConfirm(true)}>
          Uitloggen…
        </button>
      )}
    </section>
  )
}

/** The sync and account screen: sign in (server, e-mail, password), state, sync now, sign out. */
export function SyncPage() {
  const s = useSyncState()
  return (
    <section className="page" aria-labelledby="sync-title">
      <h1 id="sync-title">Synchronisatie</h1>
      {s.account ? (
        <>
          <section className="card">
            <h2>Account</h2>
            <dl className="facts">
              <dt>Server</dt>
              <dd>{s.account.serverUrl}</dd>
              <dt>Ingelogd als</dt>
              <dd>
                {s.account.user.name} ({s.account.user.email}), {s.account.user.role}
              </dd>
            </dl>
          </section>
          <section className="card">
            <h2>Status</h2>
            <p
              className={`notice notice--${s.status === 'error' ? 'error' : 'ok'}`}
              role={s.status === 'error' ? 'alert' : 'status'}
              data-testid="sync-message"
            >
              {s.message}
            </p>
            {s.progress ? (
              <p>
                <progress value={s.progress.done} max={s.progress.total} />{' '}
                {syncText.progress(s.progress.done, s.progress.total)}
              </p>
            ) : null}
            <p>{syncText.pending(s.pending)}</p>
            <p>{syncText.lastSynced(s.lastSyncedAt)}</p>
            <button
              type="button"
              className="button button--primary"
              disabled={s.status === 'syncing'}
              onClick={() => void syncEngine.syncNow()}
            >
              Nu synchroniseren
            </button>
          </section>
          <RefusedChanges />
          <SignOut pending={s.pending} />
        </>
      ) : (
        <>
          <p className="notice notice--ok" role="status" data-testid="sync-message">
            {s.message}
          </p>
          <RefusedChanges />
          <LoginForm />
        </>
      )}
    </section>
  )
}
