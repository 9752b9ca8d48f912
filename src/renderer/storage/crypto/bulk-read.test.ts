import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isoDate } from '../../../shared/kernel/iso-date'
import { generateDossiers } from '../bulk-generate'
import { HervatDb } from '../db'
import { freshRepos } from '../test-support'
import { readTables } from './bulk-read'
import { DecryptionError } from './envelope'
import { readSealedIn } from './middleware'
import { LockedError } from './vault'

const byId = <T extends { id: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))

async function generated(n: number) {
  const ctx = freshRepos()
  await generateDossiers(ctx.db, n, isoDate('2026-11-20'))
  return ctx
}

describe('bulk reads on the encrypted database (read sealed, decrypt after the transaction)', () => {
  it('returns exactly the rows a decrypting read returns, over several pages', async () => {
    const { db } = await generated(400)
    const [dossiers, employees, periods] = await readTables(db, [
      'dossiers',
      'employees',
      'sickPeriods',
    ])
    expect(dossiers).toHaveLength(400)
    // More sick periods than one page (1,000 rows): the paging is exercised.
    expect(periods.length).toBeGreaterThan(1000)
    expect(byId(dossiers)).toEqual(byId(await db.dossiers.toArray()))
    expect(byId(periods)).toEqual(byId(await db.sickPeriods.toArray()))
    expect(byId(employees)).toEqual(byId(await db.employees.toArray()))
    // Decrypted: personal fields are back; the keyed BSN hash (index only) is left out.
    expect(employees[0]?.bsn).toMatch(/^\d{9}$/)
    expect(employees[0]).not.toHaveProperty('bsnHash')
    expect(employees[0]).not.toHaveProperty('sealed')
  })

  it('a tampered row fails the whole read with DecryptionError, the caseload too', async () => {
    const { db, repos } = await generated(20)
    const raw = new HervatDb(db.name)
    const row = (await raw.table('sickPeriods').toArray())[7] as { sealed: Uint8Array }
    const flipped = row.sealed.slice()
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] ?? 0) ^ 1
    await raw.table('sickPeriods').put({ ...row, sealed: flipped })
    raw.close()
    await expect(readTables(db, ['sickPeriods'])).rejects.toBeInstanceOf(DecryptionError)
    await expect(repos.caseload.list()).rejects.toBeInstanceOf(DecryptionError)
  })

  it('an envelope moved to another row does not open in a bulk read', async () => {
    const { db } = await generated(20)
    const raw = new HervatDb(db.name)
    const [a, b] = (await raw.table('dossiers').toArray()) as Record<string, unknown>[]
    if (!a || !b) throw new Error('two dossiers expected')
    await raw.table('dossiers').put({ ...b, sealed: a['sealed'] })
    raw.close()
    await expect(readTables(db, ['dossiers'])).rejects.toBeInstanceOf(DecryptionError)
  })

  it('locked before or while reading: LockedError, no rows', async () => {
    const { db, vault } = await generated(50)
    const keys = vault.keys()
    vault.lock()
    await expect(readTables(db, ['dossiers'])).rejects.toBeInstanceOf(LockedError)
    vault.unlock(keys)
    const reading = readTables(db, ['dossiers', 'sickPeriods'])
    vault.lock()
    await expect(reading).rejects.toBeInstanceOf(LockedError)
  })

  it('only a read-only transaction may return sealed rows', async () => {
    const { db } = await generated(1)
    await expect(
      db.transaction('rw', db.dossiers, (tx) => readSealedIn(tx.idbtrans)),
    ).rejects.toThrow(/alleen een leestransactie/)
  })
})
