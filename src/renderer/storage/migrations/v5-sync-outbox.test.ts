import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { parseHlc } from '../../../shared/sync'
import { HervatDb } from '../db'
import { createRepositories } from '../repositories'
import { CURRENT_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../schema'

describe('migration v3 → v5 (sync outbox)', () => {
  it('records every existing record once in the outbox and field states, then keeps its clock', async () => {
    const name = `migrate-v5-${Math.random().toString(36).slice(2)}`
    // A laptop on version 3 with one werkgever and one dossier written before sync existed.
    const v3 = new Dexie(name)
    v3.version(1).stores(SCHEMA_V1)
    v3.version(2).stores(SCHEMA_V2)
    v3.version(3).stores(SCHEMA_V3)
    await v3.table('employers').add({
      id: 'e1',
      name: 'Bakkerij Jansen',
      address: { postcode: '3811 AB' },
      createdAt: '2025-01-02T09:00:00.000Z',
      updatedAt: '2025-01-02T09:00:00.000Z',
    })
    await v3.table('contacts').add({
      id: 'c1',
      dossierId: 'd1',
      date: '2025-01-03',
      kind: 'gesprek',
      summary: 'Gesprek',
      createdAt: '2025-01-03T09:00:00.000Z',
      updatedAt: '2025-01-03T09:00:00.000Z',
    })
    v3.close()

    const db = new HervatDb(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    const outbox = await db.outbox.orderBy('hlc').toArray()
    expect(outbox.filter((c) => c.recordId === 'e1').map((c) => [c.field, c.value])).toEqual([
      ['name', 'Bakkerij Jansen'],
      ['address', { postcode: '3811 AB' }],
      ['updatedAt', '2025-01-02T09:00:00.000Z'],
      ['createdAt', '2025-01-02T09:00:00.000Z'],
    ])
    expect(outbox.find((c) => c.recordId === 'c1')).toMatchObject({ dossierId: 'd1' })
    expect(outbox.find((c) => c.recordId === 'e1')?.dossierId).toBeNull()
    expect(await db.fieldStates.count()).toBe(outbox.length)
    // The data itself is untouched.
    expect(await db.employers.get('e1')).toMatchObject({ name: 'Bakkerij Jansen' })

    // The next local write continues the same clock, after the migrated entries.
    const repos = createRepositories(db, () => new Date('2025-02-01T10:00:00.000Z'))
    const e = await repos.employers.get('e1')
    const r = await repos.employers.update('e1', {
      ...e,
      kvkNumber: '12345678',
      loonheffingennummer: '123456789L01',
      contactPerson: {},
      policyProfile: 'wettelijk',
      name: 'Bakkerij Jansen BV',
    })
    expect(r.ok).toBe(true)
    const after = await db.outbox.orderBy('hlc').toArray()
    const nameChange = after.filter((c) => c.field === 'name').at(-1)
    expect(nameChange).toMatchObject({ value: 'Bakkerij Jansen BV' })
    expect(nameChange?.baseHlc).toBe(outbox[0]?.hlc)
    expect(parseHlc(nameChange?.hlc ?? '')?.nodeId).toBe(parseHlc(outbox[0]?.hlc ?? '')?.nodeId)
    db.close()
  })
})
