import { useState } from 'react'
import type { FieldVersion } from '../../../shared/sync'
import { useRouter } from '../../app/router'
import { repos } from '../../app/services'
import { useLive } from '../../storage/live'
import type { ConflictView } from '../../storage/sync-repository'
import { fieldLabel, showValue, TABLE_LABELS, writtenAt } from './field-labels'

function Version(props: {
  readonly conflict: ConflictView
  readonly version: FieldVersion
  readonly current: boolean
  readonly busy: boolean
  readonly choose: (v: FieldVersion) => void
}) {
  const { conflict: c, version: v } = props
  return (
    <li className="conflict__version">
      <p className="conflict__label">{props.current ? 'Huidige waarde' : 'Andere waarde'}</p>
      <p className="conflict__value" data-testid="conflict-value">
        {showValue(c.table, c.field, v.value)}
      </p>
      <p className="field__hint">Gewijzigd op {writtenAt(v.hlc)}</p>
      <button
        type="button"
        className={`button${props.current ? '' : ' button--primary'}`}
        disabled={props.busy}
        onClick={() => props.choose(v)}
      >
        {props.current ? 'Deze waarde houden' : 'Deze waarde kiezen'}
      </button>
    </li>
  )
}

/**
 * Field-level conflicts (two people changed the same field without seeing each other's change):
 * both values side by side, with the field's Dutch name; the casemanager's choice is saved as a
 * new change that syncs like any edit, and settles the conflict on every device.
 */
export function ConflictsPage(props: { readonly dossierId?: string }) {
  const navigate = useRouter((s) => s.navigate)
  const conflicts = useLive(() => repos.sync.conflicts(props.dossierId), [props.dossierId])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>(undefined)

  const choose = async (c: ConflictView, v: FieldVersion) => {
    setBusy(true)
    setError(undefined)
    const r = await repos.sync.resolveConflict(c.key, v.value)
    if (!r.ok) setError(r.error.message)
    setBusy(false)
  }

  return (
    <section className="page" aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">Conflicten</h1>
      <p>
        Hier staan velden die op twee plaatsen tegelijk zijn gewijzigd. Hervat heeft de laatste
        wijziging overgenomen en de andere bewaard. Kies per veld welke waarde blijft.
      </p>
      {props.dossierId ? (
        <p>
          <a
            href="#/conflicten"
            onClick={(e) => {
              e.preventDefault()
              navigate({ name: 'conflicts' })
            }}
          >
            Alle conflicten tonen
          </a>
        </p>
      ) : null}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {conflicts === undefined ? <p>Laden…</p> : null}
      {conflicts?.length === 0 ? <p role="status">Er zijn geen conflicten.</p> : null}
      {conflicts?.map((c) => (
        <section
          key={c.key}
          className="card conflict"
          aria-label={`Conflict: ${fieldLabel(c.table, c.field)}`}
        >
          <h2>
            {TABLE_LABELS[c.table]}: {fieldLabel(c.table, c.field)}
          </h2>
          {c.dossierId ? (
            <p>
              <a
                href={`#/dossiers/${encodeURIComponent(c.dossierId)}/overzicht`}
                onClick={(e) => {
                  e.preventDefault()
                  if (c.dossierId) navigate({ name: 'dossier', id: c.dossierId, tab: 'overzicht' })
                }}
              >
                Naar het dossier
              </a>
            </p>
          ) : null}
          <ul className="conflict__versions">
            <Version
              conflict={c}
              version={c.current}
              current
              busy={busy}
              choose={(v) => void choose(c, v)}
            />
            {c.others.map((o) => (
              <Version
                key={o.hlc}
                conflict={c}
                version={o}
                current={false}
                busy={busy}
                choose={(v) => void choose(c, v)}
              />
            ))}
          </ul>
        </section>
      ))}
    </section>
  )
}
