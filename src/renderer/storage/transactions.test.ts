import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { ChangeEntry } from './db'
import { employeeInput, employerInput, freshRepos, seedDossier } from './test-support'

/**
 * Every write is one transaction with its change entry. A failure after the record was written
 * (here: the change log refuses the entry, through a Dexie hook) must leave neither behind.
 */
function failChangeLog(db: ReturnType<typeof freshRepos>['db']) {
  const refuse = (_key: unknown, _entry: ChangeEntry) => {
    throw new Error('schijf vol (gesimuleerd)')
  }
  db.changes.hook('creating', refuse)
  return () => db.changes.hook('creating').unsubscribe(refuse)
}

describe('one transaction per write', () => {
  it('create: neither the record nor the change lands, and the error is data', async () => {
    const { db, repos } = freshRepos()
    const restore = failChangeLog(db)
    const r = await repos.employers.create(employerInput)
    restore()
    expect(r.ok ? undefined : r.error).toMatchObject({
      kind: 'internal',
      message: expect.stringContaining('er is niets gewijzigd'),
    })
    expect(await db.employers.count()).toBe(0)
    expect(await db.changes.count()).toBe(0)
  })

  it('update: the record keeps its old values', async () => {
    const { db, repos } = freshRepos()
    const { employer } = await seedDossier(repos)
    const changes = await repos.changes.list()
    const restore = failChangeLog(db)
    const r = await repos.employers.update(employer.id, { ...employerInput, name: 'Nieuwe naam' })
    restore()
    expect(r.ok).toBe(false)
    expect(await repos.employers.get(employer.id)).toEqual(employer)
    expect(await repos.changes.list()).toEqual(changes)
  })

  it('a cascade (werknemer to another werkgever) lands whole or not at all', async () => {
    const { db, repos } = freshRepos()
    const { employee, dossier } = await seedDossier(repos)
    const other = await repos.employers.create({ ...employerInput, name: 'Installatiebedrijf Kok' })
    if (!other.ok) throw new Error('seed')
    // Refuse only the second entry of the write (the dossier's).
    let calls = 0
    const refuseSecond = () => {
      if (++calls === 2) throw new Error('gesimuleerd')
    }
    db.changes.hook('creating', refuseSecond)
    const r = await repos.employees.update(employee.id, employeeInput(other.value.id))
    db.changes.hook('creating').unsubscribe(refuseSecond)
    expect(r.ok).toBe(false)
    expect((await repos.employees.get(employee.id))?.employerId).toBe(employee.employerId)
    expect((await repos.dossiers.get(dossier.id))?.employerId).toBe(employee.employerId)
  })

  it('remove: the record stays', async () => {
    const { db, repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const period = await repos.sickPeriods.create(dossier.id, { start: '06-01-2025' })
    if (!period.ok) throw new Error(period.error.message)
    const count = await repos.changes.count()
    const restore = failChangeLog(db)
    const r = await repos.sickPeriods.remove(period.value.id)
    restore()
    expect(r.ok).toBe(false)
    expect(await repos.sickPeriods.get(period.value.id)).toEqual(period.value)
    expect(await repos.changes.count()).toBe(count)
  })

  it('an attachment: neither the record, the content nor the change lands', async () => {
    const { db, repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const count = await repos.changes.count()
    const restore = failChangeLog(db)
    const r = await repos.attachments.add(
      dossier.id,
      { title: 'PA', source: 'bedrijfsarts', kind: 'probleemanalyse', receivedOn: '10-02-2025' },
      { name: 'pa.pdf', mimeType: 'application/pdf', data: new TextEncoder().encode('%PDF-1.7') },
    )
    restore()
    expect(r.ok).toBe(false)
    expect(await db.attachments.count()).toBe(0)
    expect(await db.blobs.count()).toBe(0)
    expect(await repos.changes.count()).toBe(count)
  })

  it('a second write with a clashing change id is refused the same way', async () => {
    const { db, repos } = freshRepos()
    // The entry's id (the second id handed out, after the record's) already exists.
    await db.changes.add({
      id: 'id-0002',
      seq: 1,
      table: 'x',
      recordId: 'x',
      op: 'create',
      fields: {},
      at: '',
    })
    const r = await repos.employers.create(employerInput)
    expect(r.ok ? undefined : r.error.kind).toBe('internal')
    expect(await db.employers.count()).toBe(0)
  })
})
