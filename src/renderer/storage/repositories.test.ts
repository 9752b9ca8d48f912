import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { employeeInput, employerInput, freshRepos, seedDossier } from './test-support'

describe('werkgevers en werknemers', () => {
  it('stores a werkgever in canonical form and records one create entry with the full record', async () => {
    const { repos } = freshRepos()
    const r = await repos.employers.create(employerInput)
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value).toMatchObject({
      address: { postcode: '3811 AB' },
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    })
    expect(await repos.employers.get(r.value.id)).toEqual(r.value)
    const changes = await repos.changes.list()
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({
      seq: 1,
      table: 'employers',
      op: 'create',
      recordId: r.value.id,
      fields: r.value,
      at: '2026-11-20T10:00:00.000Z',
    })
  })

  it('names a nested field exactly as the form does, and saves nothing', async () => {
    const { repos } = freshRepos()
    const r = await repos.employers.create({
      ...employerInput,
      address: { postcode: '12345' },
    })
    expect(r.ok ? undefined : r.error).toMatchObject({
      kind: 'validation',
      field: 'address.postcode',
    })
    expect(r.ok ? '' : r.error.message).not.toMatch(/^address/)
    expect(await repos.employers.list()).toHaveLength(0)
    expect(await repos.changes.count()).toBe(0)
  })

  it('an invalid BSN names the field and saves nothing, not even a change entry', async () => {
    const { repos } = freshRepos()
    const employer = await repos.employers.create(employerInput)
    if (!employer.ok) throw new Error('seed')
    const r = await repos.employees.create({
      ...employeeInput(employer.value.id),
      bsn: '123456789',
    })
    expect(r.ok ? undefined : r.error).toMatchObject({ kind: 'validation', field: 'bsn' })
    expect(await repos.employees.list()).toHaveLength(0)
    expect((await repos.changes.list()).map((c) => c.table)).toEqual(['employers'])
  })

  it('refuses a werknemer of an unknown werkgever at the field employerId', async () => {
    const { repos } = freshRepos()
    const r = await repos.employees.create(employeeInput('bestaat-niet'))
    expect(r.ok ? undefined : r.error).toMatchObject({ kind: 'validation', field: 'employerId' })
    expect(await repos.changes.count()).toBe(0)
  })

  it('records exactly one update entry with the changed fields, old and new', async () => {
    const { repos } = freshRepos()
    const { employee } = await seedDossier(repos)
    const before = await repos.changes.count()
    const r = await repos.employees.update(employee.id, {
      ...employeeInput(employee.employerId),
      jobTitle: 'Hoofd bakkerij',
      phone: '',
      email: 'sanne@example.nl',
    })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.createdAt).toBe(employee.createdAt)
    const changes = await repos.changes.list()
    expect(changes).toHaveLength(before + 1)
    expect(changes.at(-1)).toMatchObject({
      table: 'employees',
      op: 'update',
      recordId: employee.id,
      fields: { jobTitle: 'Hoofd bakkerij', email: 'sanne@example.nl' },
      previous: { jobTitle: 'Bakker', email: null },
    })
    expect(Object.keys(changes.at(-1)?.fields ?? {}).sort()).toEqual(['email', 'jobTitle'])
  })

  it('an update that changes nothing writes nothing', async () => {
    const { repos } = freshRepos('2026-11-20T10:00:00.000Z')
    const { employer } = await seedDossier(repos)
    const before = await repos.changes.count()
    const r = await repos.employers.update(employer.id, employerInput)
    expect(r.ok ? r.value : undefined).toEqual(employer)
    expect(await repos.changes.count()).toBe(before)
  })

  it('an update of a record that does not exist is not-found', async () => {
    const { repos } = freshRepos()
    const r = await repos.employers.update('weg', employerInput)
    expect(r.ok ? undefined : r.error.kind).toBe('not-found')
  })

  it('lists werkgevers by name and werknemers per werkgever', async () => {
    const { repos } = freshRepos()
    for (const name of ['Zandvoort Bouw', 'Ääbel Advies', 'Bakkerij Jansen'])
      await repos.employers.create({ ...employerInput, name })
    expect((await repos.employers.list()).map((e) => e.name)).toEqual([
      'Ääbel Advies',
      'Bakkerij Jansen',
      'Zandvoort Bouw',
    ])
    const [a, b] = await repos.employers.list()
    await repos.employees.create(employeeInput(a?.id ?? ''))
    await repos.employees.create({ ...employeeInput(b?.id ?? ''), bsn: '111222345' })
    expect(await repos.employees.listByEmployer(a?.id ?? '')).toHaveLength(1)
  })
})

describe('dossiers', () => {
  it('copies the werkgever onto the dossier from its werknemer', async () => {
    const { repos } = freshRepos()
    const { dossier, employer } = await seedDossier(repos)
    expect(dossier.employerId).toBe(employer.id)
    const full = await repos.dossiers.getFull(dossier.id)
    expect(full?.employee.firstName).toBe('Sanne')
    expect(full?.employer.id).toBe(employer.id)
  })

  it('refuses a dossier for an unknown werknemer at the field employeeId', async () => {
    const { repos } = freshRepos()
    const r = await repos.dossiers.create({
      employeeId: 'weg',
      casemanager: 'Petra Visser',
      arbodienst: {},
      bedrijfsarts: {},
      status: 'actief',
    })
    expect(r.ok ? undefined : r.error).toMatchObject({ kind: 'validation', field: 'employeeId' })
  })

  it('moves the dossiers along when a werknemer gets another werkgever, one entry each', async () => {
    const { repos } = freshRepos()
    const { employee, dossier } = await seedDossier(repos)
    const other = await repos.employers.create({ ...employerInput, name: 'Installatiebedrijf Kok' })
    if (!other.ok) throw new Error('seed')
    const before = await repos.changes.count()
    const r = await repos.employees.update(employee.id, employeeInput(other.value.id))
    expect(r.ok).toBe(true)
    expect((await repos.dossiers.get(dossier.id))?.employerId).toBe(other.value.id)
    const added = (await repos.changes.list()).slice(before)
    expect(added.map((c) => [c.table, c.op, Object.keys(c.fields)])).toEqual([
      ['employees', 'update', ['employerId']],
      ['dossiers', 'update', ['employerId']],
    ])
  })

  it('gives the whole dossier, periods by start and contacts newest first', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    await repos.sickPeriods.create(dossier.id, { start: '03-03-2025' })
    await repos.sickPeriods.create(dossier.id, { start: '06-01-2025', end: '20-01-2025' })
    const contact = (date: string) => ({
      date,
      kind: 'gesprek',
      participants: 'werknemer, casemanager',
      summary: 'Voortgang besproken.',
    })
    await repos.contacts.create(dossier.id, contact('10-01-2025'))
    await repos.contacts.create(dossier.id, contact('10-03-2025'))
    const full = await repos.dossiers.getFull(dossier.id)
    expect(full?.sickPeriods.map((p) => p.start)).toEqual(['2025-01-06', '2025-03-03'])
    expect(full?.contacts.map((c) => c.date)).toEqual(['2025-03-10', '2025-01-10'])
    expect(full).toMatchObject({
      partialRecoveries: [],
      leaves: [],
      interventions: [],
      appointments: [],
      attachments: [],
      milestoneMarks: [],
    })
    expect(await repos.dossiers.getFull('weg')).toBeUndefined()
  })
})

describe('records of a dossier', () => {
  const contact = {
    date: '10-01-2025',
    kind: 'telefonisch',
    participants: 'werknemer, casemanager',
    summary: 'Afgesproken om volgende week op de werkplek te praten.',
  }

  it('refuses a record for a dossier that does not exist and writes nothing', async () => {
    const { repos } = freshRepos()
    const r = await repos.contacts.create('weg', contact)
    expect(r.ok ? undefined : r.error.kind).toBe('not-found')
    expect(await repos.changes.count()).toBe(0)
  })

  it('an edited contact keeps its earlier text in its history', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const created = await repos.contacts.create(dossier.id, contact)
    if (!created.ok) throw new Error(created.error.message)
    const edited = await repos.contacts.update(created.value.id, {
      ...contact,
      summary: 'Afgesproken om volgende week samen de werkplek te bekijken.',
    })
    expect(edited.ok).toBe(true)
    const history = await repos.changes.forRecord(created.value.id)
    expect(history.map((h) => h.op)).toEqual(['create', 'update'])
    expect(history[1]).toMatchObject({
      dossierId: dossier.id,
      fields: { summary: 'Afgesproken om volgende week samen de werkplek te bekijken.' },
      previous: { summary: contact.summary },
    })
  })

  it('a removal keeps the whole record in its change entry', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const created = await repos.contacts.create(dossier.id, contact)
    if (!created.ok) throw new Error(created.error.message)
    expect((await repos.contacts.remove(created.value.id)).ok).toBe(true)
    expect(await repos.contacts.listByDossier(dossier.id)).toHaveLength(0)
    expect((await repos.changes.list()).at(-1)).toMatchObject({
      table: 'contacts',
      op: 'delete',
      recordId: created.value.id,
      dossierId: dossier.id,
      fields: {},
      previous: created.value,
    })
    expect((await repos.contacts.remove(created.value.id)).ok).toBe(false)
  })

  it('a waived milestone needs a motivation, named at its field', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const r = await repos.milestoneMarks.create(dossier.id, {
      key: 'probleemanalyse',
      state: 'waived',
      date: '10-02-2025',
    })
    expect(r.ok ? undefined : r.error).toMatchObject({ field: 'motivation' })
  })

  it('numbers change entries 1, 2, 3, … in commit order', async () => {
    const { repos } = freshRepos()
    await seedDossier(repos)
    expect((await repos.changes.list()).map((c) => [c.seq, c.table])).toEqual([
      [1, 'employers'],
      [2, 'employees'],
      [3, 'dossiers'],
    ])
  })
})

describe('history', () => {
  it('a deliberate redaction removes earlier text from the log and logs itself', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const input = {
      date: '10-01-2025',
      kind: 'gesprek',
      participants: 'werknemer, casemanager',
      summary: 'Tekst die nooit had mogen worden vastgelegd.',
    }
    const created = await repos.contacts.create(dossier.id, input)
    if (!created.ok) throw new Error(created.error.message)
    await repos.contacts.update(created.value.id, { ...input, summary: 'Voortgang besproken.' })
    const r = await repos.changes.redactHistory(created.value.id)
    expect(r.ok ? r.value : r.error).toEqual({ entries: 2 })
    const log = JSON.stringify(await repos.changes.list())
    expect(log).not.toContain('nooit had mogen')
    const history = await repos.changes.forRecord(created.value.id)
    expect(history.map((h) => [h.op, h.table])).toEqual([
      ['create', 'contacts'],
      ['update', 'contacts'],
      ['update', 'changes'],
    ])
    expect(history[0]?.fields['summary']).toBe('Voortgang besproken.')
    expect(history[1]?.previous).toBeUndefined()
    expect(history[2]?.fields).toEqual({ redactedEntries: 2 })
    expect(await repos.contacts.get(created.value.id)).toMatchObject({
      summary: 'Voortgang besproken.',
    })
  })
})
