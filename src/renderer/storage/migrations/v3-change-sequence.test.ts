import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { HervatDb } from '../db'
import { createRepositories } from '../repositories'
import { CURRENT_VERSION, SCHEMA_V1, SCHEMA_V2 } from '../schema'

describe('migration v2 → v3', () => {
  it('numbers the existing change entries in the order v2 listed them, then keeps counting', async () => {
    const name = `migrate-v3-${Math.random().toString(36).slice(2)}`
    // A laptop still on version 2, with change entries as version 2 stored them (no seq).
    const v2 = new Dexie(name)
    v2.version(1).stores(SCHEMA_V1)
    v2.version(2).stores(SCHEMA_V2)
    const entry = (id: string, at: string, recordId: string) => ({
      id,
      table: 'employers',
      recordId,
      op: 'update',
      fields: { name: id },
      at,
    })
    await v2
      .table('changes')
      .bulkAdd([
        entry('c', '2025-01-02T09:00:00.000Z', 'e1'),
        entry('a', '2025-01-03T09:00:00.000Z', 'e1'),
        entry('b', '2025-01-02T09:00:00.000Z', 'e2'),
      ])
    await v2.table('employers').add({ id: 'e1', name: 'Bakkerij Jansen', address: {} })
    v2.close()

    const db = new HervatDb(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    const rows = await db.changes.orderBy('seq').toArray()
    expect(rows.map((r) => [r.id, r.seq])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ])
    expect(rows[0]).toMatchObject({ fields: { name: 'b' }, recordId: 'e2' })
    expect((await db.changes.where('recordId').equals('e1').toArray()).map((r) => r.id)).toEqual([
      'a',
      'c',
    ])
    expect(await db.employers.get('e1')).toMatchObject({ name: 'Bakkerij Jansen' })

    // The next write continues the count.
    const repos = createRepositories(db, () => new Date('2025-02-01T10:00:00.000Z'))
    const created = await repos.employers.create({
      name: 'Installatiebedrijf Kok',
      kvkNumber: '12345678',
      loonheffingennummer: '123456789L01',
      address: {},
      contactPerson: {},
      policyProfile: 'wettelijk',
    })
    expect(created.ok).toBe(true)
    expect((await repos.changes.list()).map((c) => c.seq)).toEqual([1, 2, 3, 4])
    db.close()
  })

  it('upgrades an empty change log', async () => {
    const name = `migrate-v3-empty-${Math.random().toString(36).slice(2)}`
    const v2 = new Dexie(name)
    v2.version(1).stores(SCHEMA_V1)
    v2.version(2).stores(SCHEMA_V2)
    await v2.open()
    v2.close()
    const db = new HervatDb(name)
    await db.open()
    expect(await db.changes.count()).toBe(0)
    db.close()
  })
})
