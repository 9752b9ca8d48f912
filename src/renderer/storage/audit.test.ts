import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { HervatDb } from './db'
import { createRepositories } from './repositories'
import { UNNAMED_USER } from './audit'
import { employerInput, freshRepos, seedDossier } from './test-support'

describe('audit trail', () => {
  it('logs every edit with the change, in the same transaction: who, what, when, device', async () => {
    const { repos } = freshRepos()
    await repos.settings.update({ userName: 'Petra Visser' })
    const { dossier, employee } = await seedDossier(repos)
    const upd = await repos.contacts.create(dossier.id, {
      date: '01-11-2026',
      kind: 'gesprek',
      participants: 'werknemer',
      summary: 'Voortgang besproken.',
    })
    if (!upd.ok) throw new Error(upd.error.message)
    await repos.contacts.remove(upd.value.id)
    const changes = await repos.changes.list()
    const trail = (await repos.audit.list()).reverse()
    expect(trail.map((e) => [e.action, e.objectType, e.objectId])).toEqual(
      changes.map((c) => [c.op, c.table, c.recordId]),
    )
    const deviceId = await repos.audit.deviceId()
    expect(trail.at(-1)).toMatchObject({
      action: 'delete',
      objectType: 'contacts',
      dossierId: dossier.id,
      actorName: 'Petra Visser',
      deviceId,
      at: '2026-11-20T10:00:00.000Z',
      outcome: 'success',
      seq: trail.length,
    })
    // Ids only: no name, BSN or content of the dossier in the trail.
    const text = JSON.stringify(trail)
    expect(text).not.toContain(employee.bsn)
    expect(text).not.toContain('de Vries')
    expect(text).not.toContain('Voortgang')
  })

  it('writes no audit entry when the write is refused', async () => {
    const { db, repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const before = await repos.audit.count()
    const refused = await repos.sickPeriods.create(dossier.id, { start: 'gisteren' })
    expect(refused.ok).toBe(false)
    const aborted = await repos.dossiers.update(dossier.id, {
      ...dossier,
      casemanager: 'Iemand anders',
      employeeId: 'bestaat-niet',
    })
    expect(aborted.ok).toBe(false)
    expect(await repos.audit.count()).toBe(before)
    expect(await db.changes.count()).toBe(before)
  })

  it('names an unnamed user as such, and keeps one device id on this computer', async () => {
    const { db, repos } = freshRepos()
    const e = await repos.audit.record({
      action: 'view',
      objectType: 'dossiers',
      objectId: 'd1',
      dossierId: 'd1',
    })
    expect(e.actorName).toBe(UNNAMED_USER)
    const again = createRepositories(new HervatDb(db.name))
    expect(await again.audit.deviceId()).toBe(e.deviceId)
  })

  it('lists a dossier’s views, edits and exports newest first', async () => {
    let t = Date.parse('2026-11-20T10:00:00.000Z')
    const db = new HervatDb(`audit-order-${Math.random()}`)
    let n = 0
    const repos = createRepositories(
      db,
      () => new Date((t += 1000)),
      () => `id-${++n}`,
    )
    const { dossier } = await seedDossier(repos)
    await repos.audit.record({
      action: 'view',
      objectType: 'dossiers',
      objectId: dossier.id,
      dossierId: dossier.id,
    })
    await repos.audit.record({
      action: 'export',
      objectType: 'inzage-export',
      dossierId: dossier.id,
    })
    const list = await repos.audit.forDossier(dossier.id)
    expect(list.map((e) => [e.action, e.objectType])).toEqual([
      ['export', 'inzage-export'],
      ['view', 'dossiers'],
      ['create', 'dossiers'],
      ['create', 'employees'],
    ])
  })

  it('detects an entry changed directly in IndexedDB and reports its position', async () => {
    const { db, repos } = freshRepos()
    await seedDossier(repos)
    await repos.audit.record({
      action: 'view',
      objectType: 'dossiers',
      objectId: 'x',
      dossierId: 'x',
    })
    expect(await repos.audit.verify()).toMatchObject({ ok: true, entries: 4, breaks: [] })
    const target = (await db.audit.toArray()).find((e) => e.seq === 2)
    if (!target) throw new Error('no entry 2')
    await db.audit.put({ ...target, actorName: 'Iemand anders' })
    const report = await repos.audit.verify()
    expect(report.ok).toBe(false)
    expect(report.breaks).toEqual([
      expect.objectContaining({ position: 2, seq: 2, reason: 'hash', entryId: target.id }),
    ])
  })

  it('detects an encrypted entry changed in IndexedDB outside the app and reports its position', async () => {
    const { db, repos } = freshRepos()
    await seedDossier(repos)
    expect((await repos.audit.verify()).ok).toBe(true)
    // The database as IndexedDB holds it (no encryption layer): the stored, sealed rows.
    const raw = new HervatDb(db.name)
    await raw.open()
    const target = (await raw.audit.toArray()).find((e) => e.seq === 2)
    if (!target) throw new Error('no entry 2')
    await raw.audit.put({ ...target, actorName: 'Iemand anders' })
    raw.close()
    const report = await repos.audit.verify()
    expect(report).toMatchObject({ ok: false, entries: 3 })
    expect(report.breaks).toEqual([
      expect.objectContaining({ position: 2, seq: 2, reason: 'hash', entryId: target.id }),
    ])
    expect(report.breaks[0]?.message).toBe('Regel 2 is na het vastleggen gewijzigd.')
    // The trail views still show every other entry; the changed one is left out.
    const list = await repos.audit.list()
    expect(list).toHaveLength(2)
    expect(list.map((e) => e.id)).not.toContain(target.id)
    const dossierId = list.find((e) => e.dossierId)?.dossierId
    expect(dossierId).toBeDefined()
    const forDossier = await repos.audit.forDossier(dossierId ?? '')
    expect(forDossier.map((e) => e.id)).not.toContain(target.id)
    expect(forDossier.length).toBeGreaterThan(0)
  })

  it('detects a deleted entry (gap) in the stored chain', async () => {
    const { db, repos } = freshRepos()
    await seedDossier(repos)
    const first = (await db.audit.toArray()).find((e) => e.seq === 1)
    await db.audit.delete(first!.id)
    expect((await repos.audit.verify()).breaks[0]).toMatchObject({ position: 1, reason: 'gap' })
  })

  it('offers no way to change or remove an entry, and no repository operation does', async () => {
    const { db, repos } = freshRepos()
    expect(Object.keys(repos.audit).sort()).toEqual([
      'count',
      'deviceId',
      'dossierRefOf',
      'forDossier',
      'list',
      'record',
      'recordMany',
      'recordSync',
      'verify',
    ])
    const { dossier } = await seedDossier(repos)
    const c = await repos.contacts.create(dossier.id, {
      date: '01-11-2026',
      kind: 'gesprek',
      participants: 'werknemer',
      summary: 'Voortgang besproken.',
    })
    if (!c.ok) throw new Error('contact')
    await repos.audit.recordSync('success', '3 verstuurd, 0 ontvangen')
    const before = await db.audit.toArray()
    // Every operation that rewrites or clears other tables.
    await repos.changes.redactHistory(c.value.id)
    const file = await repos.backup.exportAll()
    expect((await repos.backup.importAll(file)).ok).toBe(true)
    await repos.backup.wipe()
    const after = await db.audit.toArray()
    for (const e of before) expect(after).toContainEqual(e)
    expect(after.map((e) => e.action).slice(before.length)).toEqual(['redact', 'import', 'wipe'])
    expect((await repos.audit.verify()).ok).toBe(true)
  })

  it('has the sync hook record the run with its outcome', async () => {
    const { repos } = freshRepos()
    await repos.audit.recordSync('failure', 'server onbereikbaar')
    expect(await repos.audit.list()).toEqual([
      expect.objectContaining({
        action: 'sync',
        objectType: 'sync',
        outcome: 'failure',
        detail: 'server onbereikbaar',
      }),
    ])
  })

  it('creates a werkgever with its audit entry in one go', async () => {
    const { repos } = freshRepos()
    const r = await repos.employers.create(employerInput)
    if (!r.ok) throw new Error('x')
    expect((await repos.audit.list())[0]).toMatchObject({ action: 'create', objectId: r.value.id })
  })
})
