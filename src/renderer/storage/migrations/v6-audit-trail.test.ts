import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { HervatDb } from '../db'
import { createRepositories } from '../repositories'
import { CURRENT_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../schema'

describe('migration v3 → v6 (audit trail)', () => {
  it('keeps the data and change log of a v3 laptop and starts an empty, valid chain', async () => {
    const name = `migrate-v6-${Math.random().toString(36).slice(2)}`
    const v3 = new Dexie(name)
    v3.version(1).stores(SCHEMA_V1)
    v3.version(2).stores(SCHEMA_V2)
    v3.version(3).stores(SCHEMA_V3)
    await v3.table('employers').add({ id: 'e1', name: 'Bakkerij Jansen', address: {} })
    await v3.table('changes').add({
      id: 'c1',
      seq: 1,
      table: 'employers',
      recordId: 'e1',
      op: 'create',
      fields: { name: 'Bakkerij Jansen' },
      at: '2025-01-02T09:00:00.000Z',
    })
    await v3.table('meta').put({ key: 'settings', value: { notifyDaysAhead: 10 } })
    v3.close()

    const db = new HervatDb(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(CURRENT_VERSION).toBeGreaterThanOrEqual(6)
    expect(await db.employers.get('e1')).toMatchObject({ name: 'Bakkerij Jansen' })
    expect(await db.changes.count()).toBe(1)
    expect(await db.audit.count()).toBe(0)

    const repos = createRepositories(db, () => new Date('2025-02-01T10:00:00.000Z'))
    expect((await repos.settings.get()).notifyDaysAhead).toBe(10)
    await repos.settings.update({ userName: 'Petra Visser' })
    const r = await repos.employers.update('e1', {
      name: 'Bakkerij Jansen BV',
      address: {},
      contactPerson: {},
      policyProfile: 'wettelijk',
    })
    expect(r.ok).toBe(true)
    expect(await repos.audit.list()).toEqual([
      expect.objectContaining({
        seq: 1,
        action: 'update',
        objectId: 'e1',
        actorName: 'Petra Visser',
      }),
    ])
    expect((await repos.changes.list()).map((c) => c.seq)).toEqual([1, 2])
    expect(await repos.audit.verify()).toMatchObject({ ok: true, entries: 1 })
    db.close()
  })
})
