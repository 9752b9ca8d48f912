import { describe, expect, it } from 'vitest'
import { checkRivCompleteness } from '../../../shared/documents'
import { isoDate } from '../../../shared/kernel/iso-date'
import { freshRepos, seedDossier } from '../../storage/test-support'
import { buildDossierExport, documentDates } from './export-builder'

const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
)
const PDF = new TextEncoder().encode('%PDF-1.4\n% probleemanalyse\n')
const MEDICAL_PDF = new TextEncoder().encode('%PDF-1.4\n% specialistenbrief\n')

async function dossierWithDocuments() {
  const { repos } = freshRepos()
  const { dossier } = await seedDossier(repos)
  await repos.sickPeriods.create(dossier.id, { start: '01-09-2026' })
  const ba = await repos.attachments.add(
    dossier.id,
    {
      title: 'Probleemanalyse',
      source: 'bedrijfsarts',
      kind: 'probleemanalyse',
      receivedOn: '01-10-2026',
    },
    { name: 'pa.pdf', mimeType: 'application/pdf', data: PDF },
  )
  const medical = await repos.attachments.add(
    dossier.id,
    {
      title: 'Brief specialist',
      source: 'werknemer',
      kind: 'overig',
      receivedOn: '02-10-2026',
      markedMedical: true,
    },
    { name: 'brief.pdf', mimeType: 'application/pdf', data: MEDICAL_PDF },
  )
  if (!ba.ok || !medical.ok) throw new Error('attachments')
  const pa = await repos.documents.create(dossier.id, 'probleemanalyse', {
    id: 'x',
    date: '05-10-2026',
    author: { name: 'M. Kuipers', function: 'Bedrijfsarts' },
    bedrijfsarts: 'M. Kuipers',
    workPossibilities: 'beperkt',
    attachmentId: ba.value.id,
  })
  const plan = await repos.documents.create(dossier.id, 'plan-van-aanpak', {
    id: 'x',
    version: 1,
    date: '20-10-2026',
    author: { name: 'Petra Visser', function: 'Casemanager' },
    goal: 'eigen-werk',
    casemanager: { name: 'Petra Visser' },
    evaluationMoments: [{ date: '01-09-2027', kind: 'eerstejaarsevaluatie' }],
  })
  if (!pa.ok || !plan.ok) throw new Error('documents')
  await repos.documents.sign(
    {
      documentId: plan.value.id,
      role: 'werkgever',
      name: 'Jan Jansen',
      function: 'Directeur',
      signedAt: '21-10-2026',
    },
    PNG,
  )
  const bundle = await repos.dossiers.getFull(dossier.id)
  if (!bundle) throw new Error('bundle')
  const source = {
    attachmentContent: (id: string) => repos.attachments.getContent(id),
    signatureImage: (sha: string) => repos.documents.signatureImage(sha),
  }
  return { bundle, source, planId: plan.value.id, medicalId: medical.value.id }
}

describe('dossier export from the stored records', () => {
  it('is a DossierExport the CLI parses, with signatures and the BA PDF, and never a medical attachment', async () => {
    const { bundle, source, planId, medicalId } = await dossierWithDocuments()
    const r = await buildDossierExport(bundle, source, {
      exportedAt: new Date('2026-11-20T10:00:00Z'),
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const exp = r.value
    expect(exp.documents.planVanAanpak).toHaveLength(1)
    expect(exp.documents.planVanAanpak[0]).toMatchObject({
      id: planId,
      signatures: [{ role: 'werkgever', name: 'Jan Jansen', signedAt: '2026-10-21' }],
    })
    expect(exp.documents.planVanAanpak[0]?.signatures[0]?.imagePngBase64).toMatch(/^iVBORw0KGgo/)
    expect(exp.documents.probleemanalyses[0]?.attachmentId).toBe(exp.attachments[0]?.id)
    expect(exp.attachments.map((a) => a.title)).toEqual(['Probleemanalyse'])
    expect(exp.attachments[0]?.contentBase64).toBeDefined()
    expect(JSON.stringify(exp)).not.toContain(medicalId)
    expect(JSON.stringify(exp)).not.toContain('Brief specialist')
  })

  it('keeps only the medical attachment’s description for the in-app check, which refuses it', async () => {
    const { bundle, source } = await dossierWithDocuments()
    const r = await buildDossierExport(bundle, source, {
      exportedAt: new Date('2026-11-20T10:00:00Z'),
      withMedicalMetadata: true,
    })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.attachments.find((a) => a.markedMedical)?.contentBase64).toBeUndefined()
    const check = checkRivCompleteness(r.value, isoDate('2026-11-20'), documentDates(undefined))
    const kinds = check.issues.map((i) => `${i.part}:${i.kind}`)
    expect(kinds).toContain('medische-informatie:medische-bijlage')
    expect(kinds).toContain('plan-van-aanpak:niet-ondertekend')
    expect(kinds).toContain('evaluaties:ontbreekt')
    expect(kinds).not.toContain('probleemanalyse:ontbreekt')
    expect(kinds).not.toContain('probleemanalyse:bijlage-ontbreekt')
    expect(check.complete).toBe(false)
  })
})
