import { describe, expect, it } from 'vitest'
import { employeeInput, employerInput, freshRepos, seedDossier } from './test-support'

describe('repositories', () => {
  it('stores a werkgever in canonical form and records one change entry', async () => {
    const { repos } = freshRepos()
    const r = await repos.employers.create(employerInput)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.address.postcode).toBe('3811 AB')
    const changes = await repos.changes.list()
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ table: 'employers', op: 'create', recordId: r.value.id })
  })

  it('an invalid BSN names the field and saves nothing, not even a change entry', async () => {
    const { repos } = freshRepos()
    const employer = await repos.employers.create(employerInput)
    if (!employer.ok) throw new Error('seed')
    const r = await repos.employees.create({
      ...employeeInput(employer.value.id),
      bsn: '123456789',
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'validation', field: 'bsn' })
    expect(await repos.employees.list()).toHaveLength(0)
    expect(await repos.changes.count()).toBe(1)
  })

  it('refuses a werknemer of an unknown werkgever at the field employerId', async () => {
    const { repos } = freshRepos()
    const r = await repos.employees.create(employeeInput('bestaat-niet'))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ field: 'employerId' })
  })

  it('records a field-level diff on update', async () => {
    const { repos } = freshRepos()
    const { employee } = await seedDossier(repos)
    const r = await repos.employees.update(employee.id, {
      ...employeeInput(employee.employerId),
      jobTitle: 'Hoofd bakkerij',
    })
    expect(r.ok).toBe(true)
    const last = (await repos.changes.list()).at(-1)
    expect(last).toMatchObject({
      table: 'employees',
      op: 'update',
      fields: { jobTitle: 'Hoofd bakkerij' },
    })
    expect(Object.keys(last?.fields ?? {})).toEqual(['jobTitle'])
  })

  it('copies the werkgever onto the dossier from its werknemer', async () => {
    const { repos } = freshRepos()
    const { dossier, employer } = await seedDossier(repos)
    expect(dossier.employerId).toBe(employer.id)
    const full = await repos.dossiers.getFull(dossier.id)
    expect(full?.employee.firstName).toBe('Sanne')
  })
})

describe('ziekteperiodes', () => {
  it('refuses a last sick day before the first and stores nothing', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const r = await repos.sickPeriods.create(dossier.id, { start: '06-01-2025', end: '05-01-2025' })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.error).toMatchObject({
        field: 'end',
        message: 'De laatste ziektedag ligt voor de eerste ziektedag.',
      })
    expect(await repos.sickPeriods.listByDossier(dossier.id)).toHaveLength(0)
  })

  it('refuses overlapping periods, a second open period and a recovery in the future', async () => {
    const { repos } = freshRepos('2025-03-01T10:00:00.000Z')
    const { dossier } = await seedDossier(repos)
    expect(
      (await repos.sickPeriods.create(dossier.id, { start: '06-01-2025', end: '20-01-2025' })).ok,
    ).toBe(true)
    const overlap = await repos.sickPeriods.create(dossier.id, {
      start: '15-01-2025',
      end: '25-01-2025',
    })
    expect(overlap.ok ? undefined : overlap.error).toMatchObject({ field: 'start' })
    const openEarlier = await repos.sickPeriods.create(dossier.id, { start: '01-12-2024' })
    expect(openEarlier.ok ? undefined : openEarlier.error).toMatchObject({ field: 'start' })
    const future = await repos.sickPeriods.create(dossier.id, {
      start: '10-02-2025',
      end: '10-03-2025',
    })
    expect(future.ok ? undefined : future.error).toMatchObject({ field: 'end' })
    expect((await repos.sickPeriods.create(dossier.id, { start: '10-02-2025' })).ok).toBe(true)
    expect((await repos.sickPeriods.listByDossier(dossier.id)).map((p) => p.start)).toEqual([
      '2025-01-06',
      '2025-02-10',
    ])
  })
})

describe('attachments', () => {
  const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF`)

  it('stores identical content once and removes it with its last reference', async () => {
    const { db, repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const meta = {
      title: 'Probleemanalyse',
      source: 'bedrijfsarts',
      kind: 'probleemanalyse',
      receivedOn: '2025-02-14',
    }
    const a = await repos.attachments.add(dossier.id, meta, {
      name: 'pa.pdf',
      mimeType: 'application/pdf',
      data: pdf('x'),
    })
    const b = await repos.attachments.add(dossier.id, meta, {
      name: 'pa-kopie.pdf',
      mimeType: 'application/pdf',
      data: pdf('x'),
    })
    if (!a.ok || !b.ok) throw new Error('add failed')
    expect(a.value.sha256).toBe(b.value.sha256)
    expect(await db.blobs.count()).toBe(1)
    expect(new TextDecoder().decode(await repos.attachments.getContent(a.value.id))).toContain(
      '%PDF-1.4',
    )
    await repos.attachments.remove(a.value.id)
    expect(await db.blobs.count()).toBe(1)
    await repos.attachments.remove(b.value.id)
    expect(await db.blobs.count()).toBe(0)
  })

  it('refuses a file that is not a PDF', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const meta = { title: 'Foto', source: 'werknemer', kind: 'overig', receivedOn: '2025-02-14' }
    const r = await repos.attachments.add(dossier.id, meta, {
      name: 'foto.png',
      mimeType: 'image/png',
      data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
    })
    expect(r.ok ? undefined : r.error).toMatchObject({ field: 'file' })
  })
})

describe('one transaction per write', () => {
  it('when the change entry cannot be written, the record is not written either', async () => {
    const { db, repos } = freshRepos()
    // Make the change log refuse the write mid-transaction: the entry's id (the second id handed
    // out, after the record's) already exists.
    await db.changes.add({
      id: 'id-0002',
      table: 'x',
      recordId: 'x',
      op: 'create',
      fields: {},
      at: '',
    })
    const r = repos.employers.create(employerInput)
    await expect(r).rejects.toThrow()
    expect(await db.employers.count()).toBe(0)
  })
})
