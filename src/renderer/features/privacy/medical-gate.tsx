import type { DossierTab } from '../../app/router'
import { employeeFullName } from '../../../shared/domain/entities'
import { effectiveContacts } from '../../../shared/privacy/corrections'
import {
  medicalExportRefusal,
  scanForMedicalText,
  type DossierTexts,
  type MedicalFinding,
  type ScannedRecord,
} from '../../../shared/privacy/medical-text'
import { isSyncTable } from '../../../shared/sync'
import { showDate } from '../../components/format'
import type { DossierBundle } from '../../storage'
import { fieldLabel, TABLE_LABELS } from '../sync/field-labels'
import { recordAuditEvent } from './audit-events'

/**
 * The export gate in the app (docs/adr/0009): every export of dossier data first runs the shared
 * scan over every text it carries. While a flagged text is unconfirmed the export is refused
 * (and the refusal audited), and the screen lists each place with a link that opens the record.
 */

const records = (rows: readonly object[]) => rows as unknown as readonly ScannedRecord[]

/** The texts one dossier's exports carry: its records as stored, contactmomenten as corrected. */
export function dossierTexts(b: DossierBundle): DossierTexts {
  return {
    dossierId: b.dossier.id,
    tables: {
      employers: records([b.employer]),
      employees: records([b.employee]),
      dossiers: records([b.dossier]),
      sickPeriods: records(b.sickPeriods),
      partialRecoveries: records(b.partialRecoveries),
      leaves: records(b.leaves),
      contacts: records(effectiveContacts(b.contacts)),
      interventions: records(b.interventions),
      appointments: records(b.appointments),
      attachments: records(b.attachments),
      milestoneMarks: records(b.milestoneMarks),
      documents: records(b.documents),
      documentSignatures: records(b.documentSignatures),
    },
  }
}

/**
 * Scans `bundles`; undefined when the export may go on, else the findings (the refusal is logged
 * once per dossier concerned, without any text).
 */
export async function gateExport(
  bundles: readonly DossierBundle[],
): Promise<MedicalFinding[] | undefined> {
  const findings = scanForMedicalText(bundles.map(dossierTexts))
  if (findings.length === 0) return undefined
  for (const dossierId of new Set(findings.map((f) => f.dossierId)))
    await recordAuditEvent({
      action: 'export',
      objectType: 'medische-tekst',
      dossierId,
      outcome: 'refused',
      detail: 'Tekst lijkt medisch en is niet bevestigd',
    })
  return findings
}

const TAB_OF: Record<string, DossierTab> = {
  employers: 'overzicht',
  employees: 'overzicht',
  dossiers: 'overzicht',
  milestoneMarks: 'overzicht',
  sickPeriods: 'ziekteperiodes',
  partialRecoveries: 'ziekteperiodes',
  leaves: 'ziekteperiodes',
  contacts: 'contactmomenten',
  interventions: 'interventies',
  appointments: 'afspraken',
  attachments: 'documenten',
  documents: 're-integratieverslag',
  documentSignatures: 're-integratieverslag',
}

/** Dutch names of the free-text fields as the forms label them; other paths fall back. */
const FIELD_NAMES: Record<string, string> = {
  summary: 'Verslag',
  participants: 'Deelnemers',
  note: 'Toelichting',
  motivation: 'Motivering',
  provider: 'Aanbieder',
  withWhom: 'Met wie',
  location: 'Locatie',
  title: 'Titel',
  reaction: 'Reactie',
  'legalHold.reason': 'Reden juridische blokkade',
}

/** The address that opens the record of a finding (its tab, the record scrolled into view). */
export function findingHref(f: MedicalFinding): string {
  const tab = TAB_OF[f.table] ?? 'overzicht'
  return `#/dossiers/${encodeURIComponent(f.dossierId)}/${tab}/${encodeURIComponent(f.recordId)}`
}

function recordLabel(f: MedicalFinding, bundles: readonly DossierBundle[]): string {
  const table = isSyncTable(f.table) ? TABLE_LABELS[f.table] : f.table
  const b = bundles.find((x) => x.dossier.id === f.dossierId)
  const rows = b ? (b[f.table as keyof DossierBundle] as unknown) : undefined
  const row = Array.isArray(rows)
    ? (rows as { id: string; date?: string }[]).find((r) => r.id === f.recordId)
    : undefined
  return row?.date ? `${table} van ${showDate(row.date as never)}` : table
}

/** The list the screen shows when an export was refused: dossier, record, field, words, link. */
export function MedicalFindings(props: {
  readonly what: string
  readonly findings: readonly MedicalFinding[]
  readonly bundles: readonly DossierBundle[]
}) {
  const { findings, bundles } = props
  return (
    <div className="notice notice--error" role="alert">
      <p>{medicalExportRefusal(props.what, findings)}</p>
      <ul aria-label="Teksten die medisch lijken">
        {findings.map((f) => {
          const b = bundles.find((x) => x.dossier.id === f.dossierId)
          const dossier = b ? employeeFullName(b.employee) : f.dossierId
          const field =
            FIELD_NAMES[f.field] ?? (isSyncTable(f.table) ? fieldLabel(f.table, f.field) : f.field)
          return (
            <li key={`${f.dossierId}/${f.table}/${f.recordId}/${f.field}`}>
              {dossier} · {recordLabel(f, bundles)} · {field} · {f.words.join(', ')}{' '}
              <a href={findingHref(f)}>Openen</a>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
