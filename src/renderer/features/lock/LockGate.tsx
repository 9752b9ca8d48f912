import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { lockSession } from '../../app/services'
import { markOnce, PERF } from '../../app/perf'
import { api } from '../../platform/api'
import { MIN_PASSPHRASE_LENGTH } from '../../storage/keystore'
import { useLock } from './lock-store'
import { useIdleLock } from './use-idle-lock'

/**
 * The app lock (docs/adr/0006). Until the user unlocks, the app tree is not mounted: no screen,
 * no live query, no decrypted record exists. Locking (idle time, the button, the menu) drops the
 * key and unmounts the tree again.
 */
export function LockGate(props: { readonly children: ReactNode }) {
  const state = useLock((s) => s.state)
  const refresh = useLock((s) => s.refresh)
  const lock = useLock((s) => s.lock)

  useEffect(() => {
    void refresh()
  }, [refresh])
  // At start only: the OS key store unlocks by itself unless Hervat was locked when it closed.
  const done = useUnlocked()
  const autoTried = useRef(false)
  useEffect(() => {
    if (state.kind === 'loading' || autoTried.current) return
    autoTried.current = true
    if (state.kind !== 'locked' || !state.autoUnlock) return
    void lockSession.unlockWithOsKey().then((r) => {
      if (r.ok) done()
    })
  }, [state, done])
  useEffect(
    () =>
      api.onMenuCommand((cmd) => {
        if (cmd === 'lock') lock()
      }),
    [lock],
  )

  switch (state.kind) {
    case 'loading':
      return null
    case 'setup':
      return <SetupScreen />
    case 'locked':
      return <UnlockScreen osKey={state.osKey} waitUntil={state.waitUntil} />
    case 'unlocked':
      return <Unlocked lock={lock}>{props.children}</Unlocked>
  }
}

function Unlocked(props: { readonly lock: () => void; readonly children: ReactNode }) {
  useIdleLock(props.lock)
  return <>{props.children}</>
}

function LockFrame(props: { readonly title: string; readonly children: ReactNode }) {
  return (
    <main className="lock">
      <section className="card lock__card" aria-labelledby="lock-title">
        <div className="sidebar__brand">
          <span className="sidebar__logo" aria-hidden="true">
            H
          </span>
          <span>Hervat</span>
        </div>
        <h1 id="lock-title">{props.title}</h1>
        {props.children}
      </section>
    </main>
  )
}

function useUnlocked() {
  const unlocked = useLock((s) => s.unlocked)
  return useCallback(() => {
    markOnce(PERF.dbOpen)
    unlocked()
  }, [unlocked])
}

function SetupScreen() {
  const done = useUnlocked()
  const [pass, setPass] = useState('')
  const [repeat, setRepeat] = useState('')
  const [error, setError] = useState<{ field: string; message: string } | undefined>()
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const r = await lockSession.setup(pass, repeat)
      if (r.ok) done()
      else
        setError({
          field: r.error.kind === 'validation' ? (r.error.field ?? 'passphrase') : 'passphrase',
          message: r.error.message,
        })
    } finally {
      setBusy(false)
    }
  }

  return (
    <LockFrame title="Wachtwoord instellen">
      <p>
        Hervat versleutelt de dossiers op deze computer. Kies een wachtwoord van minstens{' '}
        {MIN_PASSPHRASE_LENGTH} tekens; u hebt het nodig om Hervat te ontgrendelen. Zonder dit
        wachtwoord zijn de gegevens niet terug te halen (alleen uit een back-up).
      </p>
      <form className="form" aria-label="Wachtwoord instellen" onSubmit={(e) => void submit(e)}>
        <PassField
          id="setup-pass"
          label="Nieuw wachtwoord"
          value={pass}
          onChange={setPass}
          error={error?.field === 'passphrase' ? error.message : undefined}
          autoComplete="new-password"
        />
        <PassField
          id="setup-repeat"
          label="Herhaal wachtwoord"
          value={repeat}
          onChange={setRepeat}
          error={error?.field === 'repeat' ? error.message : undefined}
          autoComplete="new-password"
        />
        <button className="button button--primary" type="submit" disabled={busy}>
          Wachtwoord instellen
        </button>
      </form>
    </LockFrame>
  )
}

function UnlockScreen(props: { readonly osKey: boolean; readonly waitUntil?: number }) {
  const done = useUnlocked()
  const [pass, setPass] = useState('')
  const [message, setMessage] = useState<string | undefined>()
  const [waitUntil, setWaitUntil] = useState(props.waitUntil)
  const [busy, setBusy] = useState(false)
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (!waitUntil) return
    const t = window.setInterval(() => setNow(Date.now()), 500)
    return () => window.clearInterval(t)
  }, [waitUntil])
  const waiting = waitUntil !== undefined && waitUntil > now
  const secondsLeft = waiting ? Math.ceil((waitUntil - now) / 1000) : 0

  const attempt = async (run: () => ReturnType<typeof lockSession.unlockWithOsKey>) => {
    markOnce(PERF.unlockStart)
    setBusy(true)
    try {
      const r = await run()
      if (r.ok) {
        done()
        return
      }
      setMessage(r.error.message)
      setWaitUntil(r.error.waitUntil)
      setNow(Date.now())
      setPass('')
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <LockFrame title="Hervat is vergrendeld">
      <form
        className="form"
        aria-label="Ontgrendelen"
        onSubmit={(e) => {
          e.preventDefault()
          void attempt(() => lockSession.unlockWithPassphrase(pass))
        }}
      >
        <PassField
          id="unlock-pass"
          label="Wachtwoord"
          value={pass}
          onChange={setPass}
          error={message}
          autoComplete="current-password"
          autoFocus
        />
        {waiting ? (
          <p className="field__hint" role="status">
            U kunt het over {secondsLeft} seconden opnieuw proberen.
          </p>
        ) : null}
        <div className="toolbar">
          <button className="button button--primary" type="submit" disabled={busy || waiting}>
            Ontgrendelen
          </button>
          {props.osKey ? (
            <button
              className="button"
              type="button"
              disabled={busy}
              onClick={() => void attempt(() => lockSession.unlockWithOsKey())}
            >
              Ontgrendelen met de sleutel van dit systeem
            </button>
          ) : null}
        </div>
      </form>
    </LockFrame>
  )
}

function PassField(props: {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onChange: (v: string) => void
  readonly error: string | undefined
  readonly autoComplete: string
  readonly autoFocus?: boolean
}) {
  return (
    <div className={`field${props.error ? ' field--error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="password"
        value={props.value}
        autoComplete={props.autoComplete}
        autoFocus={props.autoFocus}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error ? (
        <p className="field__error" role="alert" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  )
}
