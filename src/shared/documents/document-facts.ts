import { parseIsoDate, type IsoDate } from '../kernel/iso-date'
import type { DocumentFact, DocumentSignatureFact } from '../rules/document-steps'
import type { Signature } from './common'
import type { DossierExport } from './dossier-export'
import type { StoredDocument, StoredSignature } from './stored'

/**
 * The facts the rule core reads from the dossier's documents (docs/adr/0010): dates, versions,
 * signatures and promised evaluation moments, never the text. Stored rows come from storage or
 * sync and are read defensively: a field that is not a valid date is left out.
 */

const dateOf = (v: unknown): IsoDate | undefined => parseIsoDate(v)

function fact(
  id: string,
  type: string,
  createdAt: string,
  content: Record<string, unknown>,
  signatures: readonly DocumentSignatureFact[],
): DocumentFact {
  const out: {
    -readonly [K in keyof DocumentFact]: DocumentFact[K]
  } = { id, type, createdAt, signatures }
  const date = dateOf(content['date'])
  if (date) out.date = date
  if (type === 'probleemanalyse' && content['kind'] === 'bijstelling') out.bijstelling = true
  if (type === 'plan-van-aanpak') {
    const version = Number(content['version'])
    if (Number.isInteger(version)) out.version = version
    const moments = Array.isArray(content['evaluationMoments']) ? content['evaluationMoments'] : []
    const dates: IsoDate[] = []
    for (const m of moments) {
      const d = dateOf((m as { date?: unknown } | null)?.date)
      if (d) dates.push(d)
    }
    out.evaluationMoments = dates
  }
  if (type === 'evaluatie') {
    const next = dateOf(content['nextEvaluationOn'])
    if (next) out.nextEvaluationOn = next
  }
  return out
}

const signatureFacts = (sigs: readonly { role: string; signedAt: unknown }[]) => {
  const out: DocumentSignatureFact[] = []
  for (const s of sigs) {
    const signedAt = dateOf(s.signedAt)
    if (signedAt && (s.role === 'werkgever' || s.role === 'werknemer'))
      out.push({ role: s.role, signedAt })
  }
  return out
}

/** Facts of the stored document versions and their (append-only) signatures. */
export function storedDocumentFacts(
  documents: readonly Pick<StoredDocument, 'id' | 'type' | 'createdAt' | 'content'>[],
  signatures: readonly Pick<StoredSignature, 'documentId' | 'role' | 'signedAt'>[],
): DocumentFact[] {
  const byDoc = new Map<string, { role: string; signedAt: unknown }[]>()
  for (const s of signatures) {
    const list = byDoc.get(s.documentId)
    if (list) list.push(s)
    else byDoc.set(s.documentId, [s])
  }
  return documents.map((d) =>
    fact(d.id, d.type, d.createdAt, d.content, signatureFacts(byDoc.get(d.id) ?? [])),
  )
}

/**
 * Facts of the documents in a dossier export (the command line and the documents read these).
 * The export holds the single kinds once and the lists in order of creation; that order stands
 * in for the creation time.
 */
export function exportDocumentFacts(exp: DossierExport): DocumentFact[] {
  const d = exp.documents
  const out: DocumentFact[] = []
  let n = 0
  const add = (
    type: string,
    doc: { id: string; signatures?: readonly Signature[] } | undefined,
  ): void => {
    if (!doc) return
    const createdAt = String(n++).padStart(6, '0')
    out.push(
      fact(
        doc.id,
        type,
        createdAt,
        doc as unknown as Record<string, unknown>,
        signatureFacts(doc.signatures ?? []),
      ),
    )
  }
  for (const p of d.probleemanalyses) add('probleemanalyse', p)
  for (const p of d.planVanAanpak) add('plan-van-aanpak', p)
  for (const e of d.evaluaties) add('evaluatie', e)
  add('eerstejaarsevaluatie', d.eerstejaarsevaluatie)
  for (const a of d.actueelOordelen) add('actueel-oordeel', a)
  add('eindevaluatie', d.eindevaluatie)
  add('melding-42', d.melding42)
  return out
}
