import { useState } from 'react'
import { gateExport, MedicalFindings } from './medical-gate'
import type { MedicalFinding } from '../../../shared/privacy/medical-text'
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS } from '../../../shared/audit/chain'
import { employeeFullName } from '../../../shared/domain/entities'
import {
  LEGAL_HOLD_KINDS,
  LEGAL_HOLD_LABELS,
  legalHoldInputSchema,
} from '../../../shared/domain/legal-hold'
import { dateInAmsterdam } from '../../../shared/kernel/iso-date'
import { buildAccessExport, DUTCH_TABLE_NAMES } from '../../../shared/privacy/access-export'
import { retentionOfDossier } from '../../../shared/rules/retention-dossier'
import { repos } from '../../app/services'
import { DateField, FreeTextField, SelectField } from '../../components/form-fields'
import { editDate, showDate, showDateTime } from '../../components/format'
import { RecordForm } from '../../components/RecordForm'
import type { DossierBundle } from '../../storage'
import { useLive } from '../../storage/live'
import { loadGenerator } from '../documents/load-generator'
import { saveAuditedFile } from './audit-events'

type Notice = { readonly kind: 'ok' | 'error'; readonly text: string }

const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '')

/**
 * Privacy of one dossier: the employee's right of access (AVG art. 15) as one file, the retention
 * term and a legal hold, and "wie heeft dit dossier ingezien": every view, edit and export of
 * the dossier with who, when and from which device, newest first.
 */
export function PrivacyTab(props: { readonly bundle: DossierBundle }) {
  const { dossier, employee } = props.bundle
  const trail = useLive(() => repos.audit.forDossier(dossier.id), [dossier.id])
  const [notice, setNotice] = useState<Notice | undefined>(undefined)
  const [editingHold, setEditingHold] = useState(false)
  const [findings, setFindings] = useState<readonly MedicalFinding[] | undefined>(undefined)
  const today = dateInAmsterdam(new Date())
  const retention = retentionOfDossier(props.bundle, today)

  /** The access export as JSON (complete, for processing) or as a PDF the werknemer can read. */
  const exportAccess = async (format: 'json' | 'pdf') => {
    setNotice(undefined)
    setFindings(undefined)
    const refused = await gateExport([props.bundle])
    if (refused) {
      setFindings(refused)
      return
    }
    try {
      const settings = await repos.settings.get()
      const trail = await repos.audit.forDossier(dossier.id)
      const made = { at: new Date().toISOString(), by: settings.userName ?? 'onbekend' }
      const name = `inzage-${fileSafe(employeeFullName(employee))}-${editDate(today)}`
      const file =
        format === 'json'
          ? {
              suggestedName: `${name}.json`,
              mimeType: 'application/json',
              data: new TextEncoder().encode(
                JSON.stringify(buildAccessExport(props.bundle, trail, made), null, 2),
              ),
            }
          : {
              suggestedName: `${name}.pdf`,
              mimeType: 'application/pdf',
              data: await (
                await loadGenerator()
              ).generateAccessExportPdf(props.bundle, trail, made),
              detail: 'PDF',
            }
      const r = await saveAuditedFile({
        ...file,
        objectType: 'inzage-export',
        objectId: dossier.id,
        dossierId: dossier.id,
      })
      if (r.saved)
        setNotice({
          kind: 'ok',
          text: format === 'json' ? 'Inzage-export opgeslagen.' : 'Inzage-PDF opgeslagen.',
        })
    } catch (e) {
      setNotice({
        kind: 'error',
        text: `Exporteren is mislukt: ${e instanceof Error ? e.message : String(e)}`,
      })
    }
  }

  return (
    <div className="stack">
      {notice ? (
        <p
          className={`notice notice--${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      ) : null}
      {findings ? (
        <MedicalFindings what="De inzage-export" findings={findings} bundles={[props.bundle]} />
      ) : null}
      <section className="card" aria-labelledby="access-title">
        <header className="card__header">
          <h2 id="access-title">Inzage voor de werknemer (AVG art. 15)</h2>
          <div className="button-row">
            <button
              type="button"
              className="button button--small"
              onClick={() => void exportAccess('json')}
            >
              Inzage-export maken
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => void exportAccess('pdf')}
            >
              Inzage-PDF maken
            </button>
          </div>
        </header>
        <p>
          Eén bestand met alle gegevens die Hervat over {employeeFullName(employee)} bewaart
          (werkgever, werknemer, dossier, ziekteperiodes, contactmomenten, interventies, afspraken,
          gegevens van documenten) en de audittrail hieronder: als JSON-bestand, of als PDF met
          dezelfde gegevens in leesbare tabellen voor de werknemer. De export zelf wordt ook
          vastgelegd.
        </p>
      </section>

      <section className="card" aria-labelledby="retention-title">
        <header className="card__header">
          <h2 id="retention-title">Bewaartermijn en juridische blokkade</h2>
          {!editingHold ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => setEditingHold(true)}
            >
              {dossier.legalHold ? 'Blokkade wijzigen' : 'Juridische blokkade instellen'}
            </button>
          ) : null}
        </header>
        <p role="status" aria-label="Bewaartermijn">
          {retention.state === 'expired'
            ? `Bewaartermijn verstreken sinds ${showDate(retention.since)}. ${retention.reason}`
            : retention.state === 'retained'
              ? `Bewaren tot ${showDate(retention.until)}. ${retention.reason}`
              : retention.reason}
        </p>
        {dossier.legalHold ? (
          <div className="notice notice--error" aria-label="Geldende juridische blokkade">
            <p>
              <strong>{LEGAL_HOLD_LABELS[dossier.legalHold.kind]}</strong> sinds{' '}
              {showDate(dossier.legalHold.since)}: {dossier.legalHold.reason}. Dit dossier kan niet
              worden gewist zolang de blokkade geldt.
            </p>
            <button
              type="button"
              className="button button--small"
              onClick={() => void repos.retention.setLegalHold(dossier.id, null)}
            >
              Blokkade opheffen
            </button>
          </div>
        ) : null}
        {editingHold ? (
          <RecordForm
            schema={legalHoldInputSchema}
            label="Juridische blokkade"
            submitLabel="Blokkade opslaan"
            defaultValues={{
              kind: dossier.legalHold?.kind ?? 'loonsanctie',
              reason: dossier.legalHold?.reason ?? '',
              since: editDate(dossier.legalHold?.since ?? today),
            }}
            save={(values) => repos.retention.setLegalHold(dossier.id, values)}
            onSaved={() => setEditingHold(false)}
            onCancel={() => setEditingHold(false)}
          >
            <SelectField
              name="kind"
              label="Wat loopt er"
              options={LEGAL_HOLD_KINDS.map((k) => ({ value: k, label: LEGAL_HOLD_LABELS[k] }))}
            />
            <FreeTextField name="reason" label="Reden (zaak, besluit, kenmerk)" required rows={2} />
            <DateField name="since" label="Geldt sinds" required />
          </RecordForm>
        ) : null}
      </section>

      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Wie heeft dit dossier ingezien</h2>
        {trail === undefined ? <p>Laden…</p> : null}
        {trail && trail.length === 0 ? <p className="empty-hint">Nog niets vastgelegd.</p> : null}
        {trail && trail.length > 0 ? (
          <table className="table" aria-label="Audittrail van dit dossier">
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Wie</th>
                <th scope="col">Wat</th>
                <th scope="col">Onderdeel</th>
                <th scope="col">Apparaat</th>
                <th scope="col">Resultaat</th>
              </tr>
            </thead>
            <tbody>
              {trail.map((e) => (
                <tr key={e.id}>
                  <td>{showDateTime(localIso(e.at))}</td>
                  <td>{e.actorName}</td>
                  <td>{AUDIT_ACTION_LABELS[e.action]}</td>
                  <td>
                    {DUTCH_TABLE_NAMES[e.objectType] ?? e.objectType}
                    {e.detail ? ` (${e.detail})` : ''}
                  </td>
                  <td title={e.deviceId}>{e.deviceId.slice(0, 8)}</td>
                  <td>{AUDIT_OUTCOME_LABELS[e.outcome]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  )
}

/** An ISO instant as local wall-clock "YYYY-MM-DDTHH:MM" for display. */
function localIso(at: string): string {
  const d = new Date(at)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}
