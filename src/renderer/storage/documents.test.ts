import { describe, expect, it } from 'vitest'
import { freshRepos, seedDossier } from './test-support'

/** A 1×1 transparent PNG. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
)

const plan = {
  id: 'new',
  version: 1,
  date: '02-03-2026',
  author: { name: 'Petra Visser', function: 'Casemanager' },
  goal: 'eigen-werk-aangepast',
  activities: [
    {
      id: 'a1',
      description: 'Werkplek aanpassen',
      goal: 'Volledig terug in het eigen werk',
      owner: 'werkgever',
      term: '01-04-2026',
    },
  ],
  evaluationMoments: [
    { date: '15-04-2026', kind: 'periodiek' },
    { date: '01-01-2027', kind: 'eerstejaarsevaluatie' },
  ],
  casemanager: { name: 'Petra Visser' },
  employeeView: 'Ik wil graag terug in mijn eigen werk.',
}

const signer = (documentId: string, role: 'werkgever' | 'werknemer') => ({
  documentId,
  role,
  name: role === 'werkgever' ? 'Jan Jansen' : 'Sanne de Vries',
  function: role === 'werkgever' ? 'Directeur' : 'Bakker',
  signedAt: '03-03-2026',
})

async function signedPlan() {
  const { db, repos } = freshRepos()
  const { dossier } = await seedDossier(repos)
  const created = await repos.documents.create(dossier.id, 'plan-van-aanpak', plan)
  if (!created.ok) throw new Error(created.error.message)
  const id = created.value.id
  expect((await repos.documents.sign(signer(id, 'werkgever'), PNG)).ok).toBe(true)
  expect((await repos.documents.sign(signer(id, 'werknemer'), PNG)).ok).toBe(true)
  return { db, repos, dossier, id }
}

describe('document repository', () => {
  it('stores a Plan van Aanpak parsed with the shared schema, with its change entry', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const r = await repos.documents.create(dossier.id, 'plan-van-aanpak', plan)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.content).toMatchObject({
      id: r.value.id,
      date: '2026-03-02',
      activities: [{ term: '2026-04-01', status: 'gepland' }],
    })
    const log = await repos.changes.forRecord(r.value.id)
    expect(log.map((c) => [c.table, c.op])).toEqual([['documents', 'create']])
  })

  it('names the field of invalid content in Dutch and stores nothing', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const r = await repos.documents.create(dossier.id, 'plan-van-aanpak', {
      ...plan,
      activities: [{ ...plan.activities[0], goal: '' }],
    })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.error).toMatchObject({
        field: 'activities.0.goal',
        message: 'Dit veld is verplicht.',
      })
    expect(await repos.documents.listByDossier(dossier.id)).toEqual([])
  })

  it('refuses edits to a signed version; the amendment becomes version 2 with its reason', async () => {
    const { repos, dossier, id } = await signedPlan()
    const edit = await repos.documents.update(id, { ...plan, employeeView: 'Anders' })
    expect(edit.ok).toBe(false)
    if (!edit.ok) expect(edit.error.message).toMatch(/ondertekend/)

    const noReason = await repos.documents.amendPlan(id, plan, { reason: '' }, {})
    expect(noReason.ok).toBe(false)
    if (!noReason.ok) expect(noReason.error).toMatchObject({ field: 'bijstelling.reason' })

    const amended = await repos.documents.amendPlan(
      id,
      { ...plan, employeeView: 'Ik begin met halve dagen.' },
      { reason: 'Evaluatie: opbouw gaat sneller', trigger: 'periodieke-evaluatie' },
      { name: 'Petra Visser', function: 'Casemanager' },
    )
    expect(amended.ok).toBe(true)
    if (!amended.ok) return
    expect(amended.value.content).toMatchObject({
      version: 2,
      previousVersionId: id,
      bijstelling: { reason: 'Evaluatie: opbouw gaat sneller' },
      employeeView: 'Ik begin met halve dagen.',
      signatures: [],
    })
    const v1 = await repos.documents.get(id)
    expect(v1?.content).toMatchObject({ version: 1, employeeView: plan.employeeView })
    // Version 1 cannot be amended a second time (that would fork the plan).
    const fork = await repos.documents.amendPlan(id, plan, { reason: 'nog eens' }, {})
    expect(fork.ok).toBe(false)
    expect((await repos.documents.listByDossier(dossier.id)).length).toBe(2)
  })

  it('stores each drawing once by hash, each role signs once, a partly signed version is frozen', async () => {
    const { db, repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const c = await repos.documents.create(dossier.id, 'plan-van-aanpak', plan)
    if (!c.ok) throw new Error(c.error.message)
    const s = await repos.documents.sign(signer(c.value.id, 'werkgever'), PNG)
    expect(s.ok).toBe(true)
    if (!s.ok) return
    expect(s.value.imageSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(await repos.documents.signatureImage(s.value.imageSha256 ?? '')).toEqual(PNG)
    const again = await repos.documents.sign(signer(c.value.id, 'werkgever'), PNG)
    expect(again.ok).toBe(false)
    expect((await repos.documents.update(c.value.id, plan)).ok).toBe(false)
    expect((await repos.documents.remove(c.value.id)).ok).toBe(false)
    const notPng = await repos.documents.sign(
      signer(c.value.id, 'werknemer'),
      new Uint8Array([1, 2, 3]),
    )
    expect(notPng.ok).toBe(false)
    expect(await db.blobs.count()).toBe(1)
  })

  it('carries documents and signatures through a backup export and import', async () => {
    const { repos, dossier } = await signedPlan()
    const bytes = await repos.backup.exportAll()
    const { repos: other } = freshRepos()
    const imported = await other.backup.importAll(bytes)
    expect(imported.ok).toBe(true)
    if (imported.ok)
      expect(imported.value.counts).toMatchObject({ documents: 1, documentSignatures: 2 })
    const full = await other.dossiers.getFull(dossier.id)
    expect(full?.documents).toHaveLength(1)
    expect(full?.documentSignatures.map((s) => s.role).sort()).toEqual(['werkgever', 'werknemer'])
    const sha = full?.documentSignatures[0]?.imageSha256 ?? ''
    expect(await other.documents.signatureImage(sha)).toEqual(PNG)
  })
})
