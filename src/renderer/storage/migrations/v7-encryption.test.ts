import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { Vault } from '../crypto/vault'
import { HervatDb } from '../db'
import { createLockSession } from '../keystore'
import { createRepositories } from '../repositories'
import { CURRENT_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../schema'

const PASS = 'een-goed-wachtwoord'

/** A laptop still on version 3: everything in plaintext, as version 3 stored it. */
async function version3Laptop(name: string) {
  const v3 = new Dexie(name)
  v3.version(1).stores(SCHEMA_V1)
  v3.version(2).stores(SCHEMA_V2)
  v3.version(3).stores(SCHEMA_V3)
  const meta = {
    id: 'x',
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
  }
  await v3.table('employers').add({
    ...meta,
    id: 'er1',
    name: 'Bakkerij Jansen',
    kvkNumber: '12345678',
    loonheffingennummer: '123456789L01',
    address: { street: 'Bakkerstraat', postcode: '3811 AB', city: 'Amersfoort' },
    contactPerson: { name: 'Karel Jansen', phone: '0333333333' },
    policyProfile: 'goudse-op-maat',
    eigenrisicodragerZw: false,
  })
  await v3.table('employees').add({
    ...meta,
    id: 'ee1',
    employerId: 'er1',
    firstName: 'Sanne',
    lastName: 'de Vries',
    bsn: '111222333',
    dateOfBirth: '1985-03-14',
    address: { street: 'Lindelaan', city: 'Amersfoort' },
    phone: '0612345678',
    jobTitle: 'Bakker',
    contractHoursPerWeek: 32,
    employmentStart: '2015-09-01',
  })
  await v3.table('dossiers').add({
    ...meta,
    id: 'd1',
    employeeId: 'ee1',
    employerId: 'er1',
    casemanager: 'Petra Visser',
    arbodienst: {},
    bedrijfsarts: {},
    status: 'actief',
    safetyNet: 'onbekend',
    workAccident: false,
    thirdPartyLiable: false,
  })
  await v3.table('contacts').add({
    ...meta,
    id: 'c1',
    dossierId: 'd1',
    date: '2026-01-06',
    kind: 'gesprek',
    participants: 'Sanne',
    summary: 'Werkplek bekeken',
  })
  await v3.table('changes').add({
    id: 'ch1',
    seq: 1,
    table: 'contacts',
    recordId: 'c1',
    dossierId: 'd1',
    op: 'create',
    fields: { summary: 'Werkplek bekeken' },
    at: '2026-01-06T09:00:00.000Z',
  })
  v3.close()
}

async function rawText(name: string): Promise<string> {
  const raw = new Dexie(name)
  await raw.open()
  const all = await Promise.all(raw.tables.map((t) => t.toArray()))
  raw.close()
  return JSON.stringify(all, (_k, v: unknown) =>
    v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v,
  )
}

describe('migration v3 → v7 (encryption at rest)', () => {
  it('encrypts the existing plaintext on the first unlock; the data reads as before', async () => {
    const name = `migrate-v7-${Math.random().toString(36).slice(2)}`
    await version3Laptop(name)
    expect(await rawText(name)).toContain('111222333')

    const vault = new Vault()
    const db = new HervatDb(name, vault)
    const session = createLockSession({ db, vault, iterations: 1000 })
    // The upgraded app finds no passphrase yet: the first start asks for one.
    expect(await session.state()).toEqual({ kind: 'setup' })
    expect(await session.setup(PASS, PASS)).toEqual({ ok: true, value: undefined })
    expect(db.verno).toBe(CURRENT_VERSION)

    const text = await rawText(name)
    for (const secret of ['111222333', 'Lindelaan', '0612345678', 'Werkplek bekeken', 'Vries'])
      expect(text.includes(secret), secret).toBe(false)
    expect(text).toContain('"state":"done"')

    const repos = createRepositories(db)
    expect((await repos.employees.get('ee1'))?.bsn).toBe('111222333')
    expect((await repos.employees.findByBsn('111 222 333')).map((e) => e.id)).toEqual(['ee1'])
    expect((await repos.contacts.listByDossier('d1'))[0]?.summary).toBe('Werkplek bekeken')
    expect((await repos.changes.forRecord('c1'))[0]?.fields).toEqual({
      summary: 'Werkplek bekeken',
    })
    expect((await repos.caseload.list())[0]?.searchText).toContain('sanne de vries')

    // Locked and unlocked again: the same data, and no second migration.
    session.lock()
    expect(await session.state()).toMatchObject({ kind: 'locked' })
    expect((await session.unlockWithPassphrase(PASS)).ok).toBe(true)
    expect((await repos.dossiers.get('d1'))?.casemanager).toBe('Petra Visser')
    db.close()
  })
})
