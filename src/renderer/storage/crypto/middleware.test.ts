import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { HervatDb } from '../db'
import { unlockedVault } from '../test-support'
import { encryptionMiddleware, layoutFor, sealRow } from './middleware'
import { policyFor } from './policy'

describe('encryption middleware keeping transactions alive', () => {
  it('decrypts rows that arrive after their read-only transaction has finished', async () => {
    // Dexie's cache middleware (below this one) answers a live query that is already in flight
    // in another transaction with that query's pending result. The asking transaction issued no
    // request of its own, so in Chromium it has committed before the rows arrive. Decrypting
    // them must not try to keep that finished transaction alive: that threw InvalidStateError
    // and the screen showing the rows never updated.
    const vault = unlockedVault()
    const raw = new HervatDb(`mw-${Math.random().toString(36).slice(2)}`)
    await raw.open()
    const schema = raw.core.schema.tables.find((t) => t.name === 'employees')
    if (!schema) throw new Error('geen tabel employees')
    const layout = layoutFor(schema, policyFor('employees'))
    const row = { id: 'e1', employerId: 'w1', firstName: 'Sanne', bsn: '111222333' }
    const sealed = await sealRow(vault.keys(), layout, row)

    const trans = raw.core.transaction(['employees'], 'readonly')
    const idb = trans as unknown as IDBTransaction
    await new Promise((resolve) => (idb.oncomplete = resolve))

    const downTable = raw.core.table('employees')
    const top = encryptionMiddleware(vault).create({
      ...raw.core,
      table: (name) =>
        name === 'employees'
          ? { ...downTable, query: () => Promise.resolve({ result: [sealed] }) }
          : raw.core.table(name),
    })
    if (!top.table) throw new Error('middleware zonder tabellen')
    const answer = await top.table('employees').query({
      trans,
      values: true,
      query: { index: schema.primaryKey, range: { type: 3, lower: undefined, upper: undefined } },
    })
    expect(JSON.stringify(sealed)).not.toContain('Sanne')
    expect(answer.result).toEqual([row])
    raw.close()
  })
})
