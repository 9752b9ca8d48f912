import { describe, expect, it } from 'vitest'
import { isoDate } from '../kernel/iso-date'
import { parseDossierExport } from './dossier-export'
import {
  amendPlanVanAanpak,
  isPlanSigned,
  planVanAanpakSchema,
  type PlanVanAanpakInput,
} from './plan-van-aanpak'
import { eerstejaarsevaluatieSchema } from './records'
import { halfFinishedExport } from './test-support'
import fixture from '../../../test/fixtures/voorbeeld-dossier.json'

const plan: PlanVanAanpakInput = {
  id: 'p1',
  version: 1,
  date: '01-03-2024',
  author: { name: 'Jeroen Smit', function: 'Casemanager' },
  goal: 'eigen-werk',
  activities: [
    {
      id: 'a1',
      description: 'Werkplekonderzoek',
      goal: 'Passende werkplek',
      owner: 'werkgever',
      term: '2024-04-01',
    },
  ],
  evaluationMoments: [{ date: '2024-12-23', kind: 'eerstejaarsevaluatie' }],
  casemanager: { name: 'Jeroen Smit' },
  signatures: [
    { role: 'werkgever', name: 'Piet Jansen', function: 'Eigenaar', signedAt: '2024-03-01' },
    { role: 'werknemer', name: 'Sanne de Vries', function: 'Bakker', signedAt: '2024-03-02' },
  ],
}

describe('Plan van Aanpak', () => {
  it('parses dates the Dutch way and defaults the status of an activity', () => {
    const p = planVanAanpakSchema.parse(plan)
    expect(p.date).toBe('2024-03-01')
    expect(p.activities[0]?.status).toBe('gepland')
    expect(isPlanSigned(p)).toBe(true)
  })

  it('requires a reason for every version after the first (bijstelling)', () => {
    const r = planVanAanpakSchema.safeParse({ ...plan, version: 2 })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.path).toEqual(['bijstelling', 'reason'])
  })

  it('never changes a signed version: a change makes a new unsigned version with a reason', () => {
    const signed = planVanAanpakSchema.parse(plan)
    const ctx = {
      newId: 'p2',
      date: isoDate('2024-06-01'),
      author: { name: 'Jeroen Smit', function: 'Casemanager' },
    }
    expect(amendPlanVanAanpak(signed, { contactFrequency: 'wekelijks' }, ctx).ok).toBe(false)
    const r = amendPlanVanAanpak(
      signed,
      { contactFrequency: 'wekelijks' },
      { ...ctx, bijstelling: { reason: 'Opbouw loopt achter.' } },
    )
    if (!r.ok) throw new Error(r.error)
    expect(r.value).toMatchObject({
      id: 'p2',
      version: 2,
      previousVersionId: 'p1',
      signatures: [],
      contactFrequency: 'wekelijks',
    })
    expect(r.value.bijstelling?.reason).toBe('Opbouw loopt achter.')
    expect(signed.contactFrequency).toBeUndefined()
  })

  it('edits an unsigned version in place', () => {
    const draft = planVanAanpakSchema.parse({ ...plan, signatures: [] })
    const r = amendPlanVanAanpak(
      draft,
      { employeeView: 'Ik wil terug.' },
      { newId: 'x', date: isoDate('2024-03-05'), author: {} },
    )
    expect(r.ok && r.value).toMatchObject({ id: 'p1', version: 1, employeeView: 'Ik wil terug.' })
  })

  it('rejects a signature image that is not a PNG', () => {
    const bad = {
      ...plan,
      signatures: [{ ...plan.signatures?.[0], imagePngBase64: '/9j/4AAQSkZJRg==' }],
    }
    expect(planVanAanpakSchema.safeParse(bad).success).toBe(false)
  })
})

describe('eerstejaarsevaluatie', () => {
  it('demands the explicit spoor-2 decision', () => {
    const r = eerstejaarsevaluatieSchema.safeParse({
      id: 'e',
      participants: 'x',
      lookBack: 'y',
      onCourse: true,
      spoor2Motivation: 'z',
    })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.path).toEqual(['spoor2Decision'])
  })
})

describe('DossierExport', () => {
  it('accepts the example dossier: 2 years, 100+ contacts, 8 bijstellingen, 4 PDFs', () => {
    const r = parseDossierExport(fixture)
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.contacts.length).toBeGreaterThanOrEqual(100)
    expect(r.value.documents.planVanAanpak.filter((p) => p.version > 1)).toHaveLength(8)
    expect(r.value.attachments).toHaveLength(4)
    expect(r.value.attachments.filter((a) => a.markedMedical)).toHaveLength(1)
  })

  it('names the offending field in Dutch', () => {
    const input = halfFinishedExport()
    const bad = { ...input, employee: { ...input.employee, bsn: '123456789' } }
    const r = parseDossierExport(bad)
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.error.message).toBe('employee.bsn: Dit is geen geldig BSN (de elfproef klopt niet).')
    const r2 = parseDossierExport({
      ...input,
      documents: { planVanAanpak: [{ ...plan, goal: 'x' }] },
    })
    if (!r2.ok) expect(r2.error.field).toBe('documents.planVanAanpak.0.goal')
    expect(parseDossierExport({ ...input, format: 'iets' }).ok).toBe(false)
  })

  it('keeps no medical wording in the example dossier texts', async () => {
    const { findMedicalTerms } = await import('../domain/privacy')
    const r = parseDossierExport(fixture)
    if (!r.ok) throw new Error(r.error.message)
    const texts = [...r.value.contacts.map((c) => c.summary), JSON.stringify(r.value.documents)]
    expect(texts.flatMap((t) => findMedicalTerms(t))).toEqual([])
  })
})
