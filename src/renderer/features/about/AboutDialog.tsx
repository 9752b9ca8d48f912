import { useEffect, useId, useRef, useState } from 'react'
import type { AppInfo } from '../../../shared/ipc/contract'
import { api } from '../../platform/api'
import { LICENCES } from './licences'

/** Where the data lives, in Dutch, for the dialog. */
export function dataFolderText(info: AppInfo): string {
  if (info.dataFolder) return info.dataFolder
  return 'In deze browser (IndexedDB van deze website), versleuteld.'
}

/**
 * "Over Hervat": version, data folder and the licences of the bundled libraries. Opened from the
 * menu (Help → Over Hervat) and the link in the sidebar; Escape or "Sluiten" closes it.
 */
export function AboutDialog(props: { readonly onClose: () => void }) {
  const id = useId()
  const [info, setInfo] = useState<AppInfo | undefined>(undefined)
  const close = useRef<HTMLButtonElement>(null)
  const { onClose } = props
  useEffect(() => {
    void api.appInfo().then(setInfo)
    close.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="modal" role="presentation">
      <section
        className="card modal__card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
      >
        <h2 id={`${id}-title`}>Over Hervat</h2>
        <dl className="facts">
          <dt>Versie</dt>
          <dd>{info?.version ?? '…'}</dd>
          <dt>Gegevensmap</dt>
          <dd>{info ? dataFolderText(info) : '…'}</dd>
        </dl>
        <h3>Gebruikte bibliotheken en hun licenties</h3>
        <ul className="licences" aria-label="Licenties">
          {LICENCES.map((l) => (
            <li key={`${l.name}@${l.version}`}>
              <details>
                <summary>
                  {l.name} {l.version}: {l.license}
                </summary>
                {l.text ? <pre>{l.text}</pre> : <p>Geen licentietekst meegeleverd.</p>}
              </details>
            </li>
          ))}
        </ul>
        <div className="form-actions">
          <button type="button" className="button" ref={close} onClick={onClose}>
            Sluiten
          </button>
        </div>
      </section>
    </div>
  )
}
