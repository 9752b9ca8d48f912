import { useState } from 'react'
import type { ChainReport } from '../../../shared/audit/chain'
import { repos } from '../../app/services'

/**
 * Controle audittrail: walks every device's hash chain and shows the first broken entry of each
 * (changed after it was written, removed, or out of line), with its place in the chain.
 */
export function AuditCheckPage() {
  const [report, setReport] = useState<ChainReport | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const check = async () => {
    setBusy(true)
    try {
      setReport(await repos.audit.verify())
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="page" aria-labelledby="audit-check-title">
      <h1 id="audit-check-title">Controle audittrail</h1>
      <p>
        Elke regel van de audittrail is met een SHA-256-controlegetal verbonden aan de regel ervoor.
        Een regel die achteraf is gewijzigd of verwijderd, breekt die keten; deze controle vindt de
        eerste gebroken regel per apparaat.
      </p>
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={() => void check()}
      >
        Audittrail controleren
      </button>
      {report ? (
        report.ok ? (
          <p className="notice notice--ok" role="status">
            De audittrail is onbeschadigd: {report.entries} regels van {report.devices}{' '}
            {report.devices === 1 ? 'apparaat' : 'apparaten'} gecontroleerd.
          </p>
        ) : (
          <div className="notice notice--error" role="alert">
            <p>
              De audittrail is beschadigd: {report.entries} regels gecontroleerd,{' '}
              {report.breaks.length} {report.breaks.length === 1 ? 'keten' : 'ketens'} gebroken.
            </p>
            <ul>
              {report.breaks.map((b) => (
                <li key={b.deviceId}>
                  Apparaat {b.deviceId.slice(0, 8)}: {b.message} (regel {b.position}
                  {b.entryId ? `, id ${b.entryId}` : ''})
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </section>
  )
}
