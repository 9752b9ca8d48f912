import { useCallback, useEffect, useRef, useState } from 'react'
import { dateInAmsterdam, formatDutchDate } from '../../../shared/kernel/iso-date'
import { useRouter } from '../../app/router'
import { repos } from '../../app/services'
import { nl } from '../../i18n/nl'
import { api } from '../../platform/api'
import type { BackupPreview } from '../../storage/backup'
import { loadSampleData } from '../../storage/sample-data'
import { useSyncState } from '../../sync/store'
import { LockSettings } from '../lock/LockSettings'
import { NotificationSettings } from './NotificationSettings'
import { PrivacyCard, recordBackupExport } from '../privacy/PrivacyCard'
import { useOpenedBackup } from './opened-backup'
import { RestoreConfirm } from './RestoreConfirm'
import { gateExport, MedicalFindings } from '../privacy/medical-gate'
import type { MedicalFinding } from '../../../shared/privacy/medical-text'
import type { DossierBundle } from '../../storage'

type Notice = { readonly kind: 'ok' | 'error'; readonly text: string }

/** Backup export and import, sample data, and wiping this computer's data. */
export function DataPage() {
  const navigate = useRouter((s) => s.navigate)
  const [notice, setNotice] = useState<Notice | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [findings, setFindings] = useState<
    | { readonly list: readonly MedicalFinding[]; readonly bundles: readonly DossierBundle[] }
    | undefined
  >(undefined)
  const [confirmWipe, setConfirmWipe] = useState(false)
  /** A validated backup waiting for the casemanager's "Herstellen" or "Annuleren". */
  const [pending, setPending] = useState<
    { readonly preview: BackupPreview; readonly fileName: string } | undefined
  >(undefined)
  const importButton = useRef<HTMLButtonElement>(null)
  const wasPending = useRef(false)
  // Focus goes back to "Back-up importeren" when the confirmation closes.
  useEffect(() => {
    if (wasPending.current && !pending) importButton.current?.focus()
    wasPending.current = pending !== undefined
  }, [pending])
  const signedIn = useSyncState((s) => s.account !== null)

  const act = async (work: () => Promise<Notice | undefined>) => {
    setBusy(true)
    setNotice(undefined)
    try {
      const n = await work()
      if (n) setNotice(n)
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) })
    } finally {
      setBusy(false)
    }
  }

  const exportBackup = () =>
    act(async () => {
      setFindings(undefined)
      // Every dossier's texts first: no flagged, unconfirmed text leaves (docs/adr/0009).
      const bundles = (
        await Promise.all((await repos.dossiers.list()).map((d) => repos.dossiers.getFull(d.id)))
      ).filter((b): b is DossierBundle => b !== undefined)
      const refused = await gateExport(bundles)
      if (refused) {
        setFindings({ list: refused, bundles })
        return undefined
      }
      const checked = await repos.backup.exportChecked()
      if (!checked.ok) return { kind: 'error', text: checked.error.message }
      const today = formatDutchDate(dateInAmsterdam(new Date()))
      const r = await api.saveFile({
        suggestedName: `hervat-backup-${today}.hervat`,
        mimeType: 'application/json',
        data: checked.value,
      })
      if (r.saved) await recordBackupExport()
      return r.saved ? { kind: 'ok', text: nl.data.exported } : undefined
    })

  /** Choosing a file only validates it; nothing changes until the restore is confirmed. */
  const importBackup = () =>
    act(async () => {
      const file = await api.openFile({
        title: nl.data.importBackup,
        filters: [{ name: 'Hervat-back-up', extensions: ['hervat', 'json'] }],
      })
      if (!file) return undefined
      const checked = await repos.backup.inspect(file.data)
      if (!checked.ok)
        return { kind: 'error', text: `${nl.data.importFailed}: ${checked.error.message}` }
      setPending({ preview: checked.value, fileName: file.name })
      return undefined
    })

  // A backup file opened from outside the app goes through the same check and confirmation.
  const opened = useOpenedBackup()
  useEffect(() => {
    if (!opened.file && !opened.error) return
    useOpenedBackup.setState({ file: null, error: null })
    if (opened.error) {
      setNotice({ kind: 'error', text: `${nl.data.importFailed}: ${opened.error}` })
      return
    }
    const file = opened.file
    if (!file) return
    void repos.backup.inspect(file.data).then((checked) => {
      if (checked.ok) setPending({ preview: checked.value, fileName: file.name })
      else setNotice({ kind: 'error', text: `${nl.data.importFailed}: ${checked.error.message}` })
    })
  }, [opened])

  const confirmRestore = () =>
    act(async () => {
      if (!pending) return undefined
      const r = await pending.preview.restore()
      setPending(undefined)
      if (!r.ok) return { kind: 'error', text: `${nl.data.importFailed}: ${r.error.message}` }
      const dossiers = r.value.counts['dossiers'] ?? 0
      // A restore syncs (docs/adr/0005): say so when this computer is signed in.
      return {
        kind: 'ok',
        text: signedIn ? nl.data.importedSyncing(dossiers) : nl.data.imported(dossiers),
      }
    })

  const cancelRestore = useCallback(() => {
    setPending(undefined)
    setNotice({ kind: 'ok', text: 'Herstellen geannuleerd, er is niets gewijzigd.' })
  }, [])

  const loadSamples = () =>
    act(async () => {
      const r = await loadSampleData(repos, dateInAmsterdam(new Date()))
      return { kind: 'ok', text: nl.data.sampleLoaded(r.dossiers) }
    })

  const wipe = () =>
    act(async () => {
      await repos.backup.wipe()
      setConfirmWipe(false)
      return { kind: 'ok', text: nl.data.wiped }
    })

  return (
    <section className="page" aria-labelledby="data-title">
      <h1 id="data-title">{nl.data.title}</h1>
      {notice ? (
        <p
          className={`notice notice--${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      ) : null}
      {findings ? (
        <MedicalFindings what="De back-up" findings={findings.list} bundles={findings.bundles} />
      ) : null}
      <section className="card">
        <h2>{nl.data.backupTitle}</h2>
        <p>{nl.data.backupText}</p>
        <p className="field__hint">{nl.data.importWarning}</p>
        <p className="field__hint">{nl.data.importSyncNote}</p>
        <div className="form-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void exportBackup()}
          >
            {nl.data.exportBackup}
          </button>
          <button
            type="button"
            className="button"
            ref={importButton}
            disabled={busy || pending !== undefined}
            onClick={() => void importBackup()}
          >
            {nl.data.importBackup}
          </button>
        </div>
        {pending ? (
          <RestoreConfirm
            summary={pending.preview.summary}
            fileName={pending.fileName}
            signedIn={signedIn}
            busy={busy}
            onConfirm={() => void confirmRestore()}
            onCancel={cancelRestore}
          />
        ) : null}
      </section>
      <NotificationSettings />
      <PrivacyCard />
      <LockSettings />
      <section className="card">
        <h2>{nl.import.title}</h2>
        <p>{nl.import.intro}</p>
        <button type="button" className="button" onClick={() => navigate({ name: 'import' })}>
          {nl.import.title}…
        </button>
      </section>
      <section className="card">
        <h2>{nl.data.sampleTitle}</h2>
        <p>{nl.data.sampleText}</p>
        <button type="button" className="button" disabled={busy} onClick={() => void loadSamples()}>
          {nl.data.loadSample}
        </button>
      </section>
      <section className="card card--danger">
        <h2>{nl.data.wipeTitle}</h2>
        <p>{nl.data.wipeText}</p>
        {confirmWipe ? (
          <div role="alertdialog" aria-labelledby="wipe-confirm" className="confirm">
            <p id="wipe-confirm">{nl.data.wipeConfirm}</p>
            <div className="form-actions">
              <button
                type="button"
                className="button button--danger"
                disabled={busy}
                onClick={() => void wipe()}
              >
                {nl.data.wipe}
              </button>
              <button type="button" className="button" onClick={() => setConfirmWipe(false)}>
                {nl.common.cancel}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button button--danger"
            onClick={() => setConfirmWipe(true)}
          >
            {nl.data.wipe}…
          </button>
        )}
      </section>
    </section>
  )
}
