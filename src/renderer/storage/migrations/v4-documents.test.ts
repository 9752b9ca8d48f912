import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { HervatDb } from '../db'
import { CURRENT_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../schema'

describe('migration v3 → v4', () => {
  it('keeps every v3 record and adds the empty document tables', async () => {
    const name = `migrate-v4-${Math.random().toString(36).slice(2)}`
    // A laptop still on version 3, with a dossier and a change entry as version 3 stored them.
    const v3 = new Dexie(name)
    v3.version(1).stores(SCHEMA_V1)
    v3.version(2).stores(SCHEMA_V2)
    v3.version(3).stores(SCHEMA_V3)
    await v3.table('employers').add({ id: 'w1', name: 'Bakkerij Jansen', address: {} })
    await v3
      .table('dossiers')
      .add({ id: 'd1', employerId: 'w1', employeeId: 'e1', status: 'actief' })
    await v3.table('changes').add({
      id: 'c1',
      seq: 1,
      table: 'dossiers',
      recordId: 'd1',
      dossierId: 'd1',
      op: 'create',
      fields: {},
      at: '2025-01-02T09:00:00.000Z',
    })
    v3.close()

    const db = new HervatDb(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(await db.employers.get('w1')).toMatchObject({ name: 'Bakkerij Jansen' })
    expect(await db.dossiers.get('d1')).toMatchObject({ status: 'actief' })
    expect((await db.changes.orderBy('seq').toArray()).map((c) => c.id)).toEqual(['c1'])
    expect(await db.documents.count()).toBe(0)
    expect(await db.documentSignatures.count()).toBe(0)
    // The new indexes answer.
    await db.documents.add({
      id: 'doc1',
      dossierId: 'd1',
      type: 'plan-van-aanpak',
      content: {},
      createdAt: 'x',
      updatedAt: 'x',
    })
    expect(await db.documents.where('dossierId').equals('d1').count()).toBe(1)
    expect(await db.documents.where('type').equals('plan-van-aanpak').count()).toBe(1)
    db.close()
  })
})
