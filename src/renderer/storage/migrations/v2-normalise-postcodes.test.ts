import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { HervatDb } from '../db'
import { CURRENT_VERSION, SCHEMA_V1 } from '../schema'
import { normalisePostcode } from './v2-normalise-postcodes'

describe('migration v1 → v2', () => {
  it('normalises stored postcodes, keeps every row, and adds the milestone table', async () => {
    const name = `migrate-${Math.random().toString(36).slice(2)}`
    // A laptop still on version 1, with rows as version 1 stored them.
    const v1 = new Dexie(name)
    v1.version(1).stores(SCHEMA_V1)
    await v1
      .table('employers')
      .add({ id: 'e1', name: 'Bakkerij Jansen', address: { postcode: '3811ab' } })
    await v1
      .table('employees')
      .add({ id: 'w1', employerId: 'e1', lastName: 'Vries', address: { postcode: '3511 CD' } })
    await v1.table('employees').add({ id: 'w2', employerId: 'e1', lastName: 'Bos', address: {} })
    await v1.table('contacts').add({ id: 'c1', dossierId: 'd1', date: '2025-01-10', summary: 'x' })
    v1.close()

    const db = new HervatDb(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect((await db.employers.get('e1'))?.address.postcode).toBe('3811 AB')
    expect((await db.employees.get('w1'))?.address.postcode).toBe('3511 CD')
    expect((await db.employees.get('w2'))?.address).toEqual({})
    expect(await db.contacts.where('[dossierId+date]').equals(['d1', '2025-01-10']).count()).toBe(1)
    expect(await db.milestoneMarks.count()).toBe(0)
    db.close()
  })

  it('leaves a postcode it cannot read as it was', () => {
    expect(normalisePostcode('B-1000')).toBe('B-1000')
    expect(normalisePostcode(undefined)).toBeUndefined()
  })
})
