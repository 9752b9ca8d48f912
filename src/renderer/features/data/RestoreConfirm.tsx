import { useEffect, useId, useRef } from 'react'
import { dateInAmsterdam, formatDutchDate } from '../../../shared/kernel/iso-date'
import type { BackupSummary } from '../../storage/backup'
import { nl } from '../../i18n/nl'

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** `20-11-2026 om 11:00`, in Dutch time. */
export function formatBackupMoment(iso: string): string {
  const at = new Date(iso)
  const time = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at)
  return `${formatDutchDate(dateInAmsterdam(at))} om ${time}`
}

/**
 * The confirmation's sentences: what the file holds, and what a restore does to this computer's
 * data (backup.ts `restore`: every dossier table is cleared and refilled from the file, nothing
 * is merged locally) and, when signed in, to the synced data (restore-sync.ts `recordRestore`).
 */
export function restoreConfirmText(
  summary: BackupSummary,
  opts: { readonly fileName: string; readonly signedIn: boolean },
): {
  readonly holds: string
  readonly made?: string
  readonly effect: string
  readonly sync?: string
} {
  const { current } = summary
  const holds =
    `Het bestand ${opts.fileName} bevat ` +
    `${count(summary.employers, 'werkgever', 'werkgevers')}, ` +
    `${count(summary.employees, 'werknemer', 'werknemers')} en ` +
    `${count(summary.dossiers, 'dossier', 'dossiers')}.`
  const now =
    current.dossiers + current.employers + current.employees === 0
      ? 'Er staan nu geen gegevens op deze computer.'
      : `Op deze computer staan nu ${count(current.employers, 'werkgever', 'werkgevers')}, ` +
        `${count(current.employees, 'werknemer', 'werknemers')} en ` +
        `${count(current.dossiers, 'dossier', 'dossiers')}.`
  const effect = opts.signedIn
    ? `Herstellen vervangt alle dossiers, werknemers, werkgevers en bijlagen op deze computer door die uit het bestand; er wordt niets samengevoegd. ${now}`
    : `Herstellen vervangt alle dossiers, werknemers, werkgevers en bijlagen op deze computer door die uit het bestand; er wordt niets samengevoegd. ${now} Wat niet in de back-up staat, is daarna van deze computer verdwenen.`
  return {
    holds,
    ...(summary.exportedAt
      ? { made: `De back-up is gemaakt op ${formatBackupMoment(summary.exportedAt)}.` }
      : {}),
    effect,
    ...(opts.signedIn
      ? {
          sync: 'U bent ingelogd voor synchronisatie: de teruggezette gegevens worden daarna gesynchroniseerd met de server en uw andere apparaten. Per veld wint de nieuwste versie: wat na het maken van de back-up ergens anders is gewijzigd, blijft staan, en dossiers die op de server staan maar niet in de back-up, komen terug. Wijzigingen die nog niet verstuurd waren, gaan niet verloren.',
        }
      : {}),
  }
}

/**
 * Asks before a validated backup replaces this computer's data. Focus moves into the dialog on
 * open; Escape and "Annuleren" cancel without changing anything.
 */
export function RestoreConfirm(props: {
  readonly summary: BackupSummary
  readonly fileName: string
  readonly signedIn: boolean
  readonly busy: boolean
  readonly onConfirm: () => void
  readonly onCancel: () => void
}) {
  const id = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  const { onCancel, busy } = props
  useEffect(() => {
    cancelRef.current?.focus()
  }, [])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !busy) {
        e.preventDefault()
        onCancel()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [onCancel, busy])
  const text = restoreConfirmText(props.summary, props)
  return (
    <div
      role="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      className="confirm"
    >
      <h3 id={`${id}-title`}>Back-up terugzetten?</h3>
      <div id={`${id}-body`}>
        <p>{text.holds}</p>
        {text.made ? <p>{text.made}</p> : null}
        <p>{text.effect}</p>
        {text.sync ? <p>{text.sync}</p> : null}
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button--danger"
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          Herstellen
        </button>
        <button
          type="button"
          className="button"
          ref={cancelRef}
          disabled={props.busy}
          onClick={props.onCancel}
        >
          {nl.common.cancel}
        </button>
      </div>
    </div>
  )
}
