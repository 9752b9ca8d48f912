import { useState } from 'react'
import { countOf } from '../../../shared/kernel/text'
import { useRouter } from '../../app/router'
import { repos } from '../../app/services'
import { useLive } from '../../storage/live'

/** A saved backup holds every dossier: logged once per dossier, so each dossier's trail shows it. */
export async function recordBackupExport(): Promise<void> {
  const dossiers = await repos.dossiers.list()
  await repos.audit.recordMany([
    {
      action: 'export',
      objectType: 'backup',
      detail: countOf(dossiers.length, 'dossier', 'dossiers'),
    },
    ...dossiers.map((d) => ({ action: 'export' as const, objectType: 'backup', dossierId: d.id })),
  ])
}

/**
 * Privacy settings on the Gegevens page: the name the audit trail records for this computer's
 * user, and the way to the retention screen and the audit trail check.
 */
export function PrivacyCard() {
  const settings = useLive(() => repos.settings.get(), [])
  const navigate = useRouter((s) => s.navigate)
  const [saved, setSaved] = useState(false)
  if (!settings) return null
  return (
    <section className="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy en audittrail</h2>
      <div className="field">
        <label htmlFor="audit-user-name">Uw naam (voor de audittrail)</label>
        <input
          id="audit-user-name"
          type="text"
          autoComplete="name"
          maxLength={200}
          defaultValue={settings.userName ?? ''}
          aria-describedby="audit-user-name-hint"
          onChange={(e) => {
            setSaved(false)
            void repos.settings
              .update({ userName: e.target.value.trim() || undefined })
              .then(() => setSaved(true))
          }}
        />
        <p className="field__hint" id="audit-user-name-hint">
          Elke keer dat een dossier wordt ingezien, gewijzigd of geëxporteerd, legt Hervat vast wie,
          wanneer en vanaf welk apparaat.{saved ? ' Opgeslagen.' : ''}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => navigate({ name: 'retention' })}>
          Bewaartermijnen
        </button>
        <button type="button" className="button" onClick={() => navigate({ name: 'audit-check' })}>
          Controle audittrail
        </button>
      </div>
    </section>
  )
}
