import {
  caseFirstSickDay,
  parseDossierExport,
  type DossierExport,
  type RuleCoreDates,
} from '../../../shared/documents'
import {
  toDocumentSignatures,
  type DocumentType,
  type StoredDocument,
} from '../../../shared/documents/stored'
import type { AppError, Result } from '../../../shared/kernel/errors'
import { effectiveContacts } from '../../../shared/privacy/corrections'
import type { IsoDate } from '../../../shared/kernel/iso-date'
import type { DossierTimeline } from '../../../shared/rules/dossier-types'
import type { DossierBundle } from '../../storage'
import { toBase64 } from '../../storage/backup'

/**
 * The dossier as a `DossierExport` (the file `npm run -s pdf` reads): the stored records, the
 * documents with their signatures, and the attachments' contents. An attachment marked medical
 * never goes in an export (domain §5.5 item 4); `withMedicalMetadata` keeps its description
 * (no content) for the in-app completeness check only, which names it as refused.
 */
export type ContentSource = {
  readonly attachmentContent: (id: string) => Promise<Uint8Array | undefined>
  readonly signatureImage: (sha256: string) => Promise<Uint8Array | undefined>
}

const byCreated = (a: StoredDocument, b: StoredDocument) => a.createdAt.localeCompare(b.createdAt)

export async function buildDossierExport(
  bundle: DossierBundle,
  source: ContentSource,
  options: { readonly exportedAt: Date; readonly withMedicalMetadata?: boolean },
): Promise<Result<DossierExport, AppError>> {
  const images = new Map<string, string>()
  for (const s of bundle.documentSignatures) {
    if (s.imageSha256 && !images.has(s.imageSha256)) {
      const png = await source.signatureImage(s.imageSha256)
      if (png) images.set(s.imageSha256, toBase64(png))
    }
  }
  const withSignatures = (d: StoredDocument) => ({
    ...d.content,
    id: d.id,
    signatures: toDocumentSignatures(
      bundle.documentSignatures.filter((s) => s.documentId === d.id),
      (sha) => images.get(sha),
    ),
  })
  const docs = [...bundle.documents].sort(byCreated)
  const all = (type: DocumentType) => docs.filter((d) => d.type === type).map(withSignatures)
  const last = (type: DocumentType) => all(type).at(-1)

  const attachments = []
  for (const a of bundle.attachments) {
    if (a.markedMedical) {
      if (options.withMedicalMetadata) attachments.push({ ...a })
      continue
    }
    const content = await source.attachmentContent(a.id)
    attachments.push({ ...a, ...(content ? { contentBase64: toBase64(content) } : {}) })
  }

  const input = {
    format: 'hervat-dossier',
    version: 1,
    exportedAt: options.exportedAt.toISOString(),
    employer: bundle.employer,
    employee: bundle.employee,
    dossier: bundle.dossier,
    sickPeriods: bundle.sickPeriods,
    partialRecoveries: bundle.partialRecoveries,
    leaves: bundle.leaves,
    // As corrected: a correcting entry stands in place of the one it corrects (docs/adr/0009).
    contacts: effectiveContacts(bundle.contacts),
    interventions: bundle.interventions,
    appointments: bundle.appointments,
    attachments,
    milestoneMarks: bundle.milestoneMarks,
    documents: {
      functieEnBekwaamheden: last('functie-en-bekwaamheden'),
      probleemanalyses: all('probleemanalyse'),
      planVanAanpak: all('plan-van-aanpak'),
      evaluaties: all('evaluatie'),
      eerstejaarsevaluatie: last('eerstejaarsevaluatie'),
      actueelOordelen: all('actueel-oordeel'),
      eindevaluatie: last('eindevaluatie'),
      oordeelWerknemer: last('oordeel-werknemer'),
      melding42: last('melding-42'),
    },
  }
  const parsed = parseDossierExport(JSON.parse(JSON.stringify(input)))
  if (!parsed.ok)
    return {
      ok: false,
      error: {
        kind: 'internal',
        message: `Het dossier kan niet worden geëxporteerd: ${parsed.error.message}`,
      },
    }
  return parsed
}

/** The dates the documents need, as the rule core computed them (never derived here). */
export type DocumentDates = RuleCoreDates & {
  readonly reportDue?: IsoDate
  readonly periodicEvaluationDue?: IsoDate
  readonly actueelOordeelDue?: IsoDate
  readonly rivDue?: IsoDate
}

export function documentDates(timeline: DossierTimeline | undefined): DocumentDates {
  if (!timeline) return {}
  const due = (key: string) => timeline.milestones.find((m) => m.key === key)?.due
  const pick = (key: string) => {
    const d = due(key)
    return d ? { [key]: d } : {}
  }
  return {
    firstSickDay: timeline.firstSickDay,
    due: {
      ...pick('probleemanalyse'),
      ...pick('plan-van-aanpak'),
      ...pick('eerstejaarsevaluatie'),
      ...pick('actueel-oordeel'),
      ...pick('re-integratieverslag'),
    },
    evaluationWarnings: timeline.warnings
      .filter((w) => w.field === 'plan-van-aanpak.evaluationMoments')
      .map((w) => w.message),
    ...(due('melding-uwv-42') ? { reportDue: due('melding-uwv-42') } : {}),
    ...(due('periodieke-evaluatie') ? { periodicEvaluationDue: due('periodieke-evaluatie') } : {}),
    ...(due('actueel-oordeel') ? { actueelOordeelDue: due('actueel-oordeel') } : {}),
    ...(due('re-integratieverslag') ? { rivDue: due('re-integratieverslag') } : {}),
  }
}

export { caseFirstSickDay }
