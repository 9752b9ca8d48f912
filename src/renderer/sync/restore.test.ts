import 'fake-indexeddb/auto'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganisation, createUser } from '../../server/accounts'
import { buildApp } from '../../server/app'
import { openPglite, type Db } from '../../server/db/db'
import { migrate } from '../../server/db/migrations'
import { FAST_SCRYPT, PASSWORD, SECRET } from '../../server/test-support'
import { HervatDb } from '../storage/db'
import { createRepositories, type Repositories } from '../storage/repositories'
import { employeeInput, employerInput, unlockedVault } from '../storage/test-support'
import { createSyncEngine, INITIAL_SYNC_STATE, type SyncState } from './engine'
import type { FetchLike } from './http'

/**
 * A backup restored on another device reaches the server and every other device (docs/adr/0005,
 * "Restoring a backup"): the real server (Fastify on PGlite, real HTTP on loopback), devices on
 * encrypted IndexedDBs (fake-indexeddb), each with its own engine.
 */

let db: Db
let base = ''
let close: () => Promise<void>
const emails = { cm: 'petra@example.nl', tl: 'tom@example.nl' }

beforeAll(async () => {
  db = await openPglite(undefined)
  await migrate(db)
  const app = await buildApp({
    db,
    jwtSecret: SECRET,
    scryptCost: FAST_SCRYPT,
    loginRateLimit: 1000,
  })
  const org = await createOrganisation(db, 'Bureau A')
  for (const [email, name, role] of [
    [emails.cm, 'Petra', 'casemanager'],
    [emails.tl, 'Tom', 'teamleider'],
  ] as const)
    await createUser(
      db,
      { organisationId: org, email, name, role, password: PASSWORD },
      FAST_SCRYPT,
    )
  await app.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  close = async () => {
    await app.close()
    await db.close()
  }
}, 60_000)
afterAll(async () => close())

let n = 0
/** A device: its own encrypted database and engine; `online` can be switched off. */
function device() {
  const idb = new HervatDb(`restore-${++n}-${Math.random().toString(36).slice(2)}`, unlockedVault())
  const repos = createRepositories(idb)
  let state: SyncState = INITIAL_SYNC_STATE
  const net = { online: true, duplicates: 0, accepted: 0 }
  const fetchFn: FetchLike = async (url, init) => {
    if (!net.online) throw new TypeError('offline')
    const res = await fetch(url, init)
    if (url.endsWith('/sync/push') && res.ok) {
      const body = (await res.clone().json()) as { accepted: number; duplicates: number }
      net.accepted += body.accepted
      net.duplicates += body.duplicates
    }
    return res
  }
  const engine = createSyncEngine({
    repo: repos.sync,
    fetch: fetchFn,
    now: () => new Date(),
    isOnline: () => net.online,
    timers: { set: () => 0, clear: () => undefined },
    deviceName: `test ${n}`,
    setState: (p) => {
      state = { ...state, ...p }
    },
  })
  return { idb, repos, engine, net, state: () => state }
}

async function seed(repos: Repositories, employer: string) {
  const er = await repos.employers.create({ ...employerInput, name: employer })
  if (!er.ok) throw new Error(er.error.message)
  const ee = await repos.employees.create(employeeInput(er.value.id))
  if (!ee.ok) throw new Error(ee.error.message)
  const input = {
    employeeId: ee.value.id,
    casemanager: 'Petra',
    arbodienst: {},
    bedrijfsarts: {},
    status: 'actief',
  }
  const d = await repos.dossiers.create(input)
  if (!d.ok) throw new Error(d.error.message)
  return { employer: er.value, employee: ee.value, dossier: d.value, input }
}

const serverConflicts = async (): Promise<number> =>
  Number((await db.query('SELECT count(*) AS n FROM conflicts'))[0]?.n)

describe('a restored backup syncs', () => {
  it('a dossier made offline on a lost device reaches the server and a third device; a newer edit elsewhere keeps winning', async () => {
    // Device 1 syncs one dossier, then works offline: a new dossier, a changed phone number.
    const one = device()
    expect((await one.engine.login(base, emails.cm, PASSWORD)).ok).toBe(true)
    const known = await seed(one.repos, 'Bakkerij Jansen')
    await one.engine.syncNow()
    expect(one.state().status).toBe('idle')
    one.net.online = false
    const offline = await seed(one.repos, 'Transport Zuid')
    const phone = await one.repos.employees.update(known.employee.id, {
      ...employeeInput(known.employer.id),
      phone: '0612345678',
    })
    expect(phone.ok).toBe(true)
    expect(await one.repos.sync.pendingCount()).toBeGreaterThan(0)
    const backup = await one.repos.backup.exportAll()
    // Device 1 is lost with everything it did not push.

    // After the backup, the teamleider changes the known dossier's casemanager on the server.
    const three = device()
    await three.engine.login(base, emails.tl, PASSWORD)
    await three.engine.syncNow()
    const edit = await three.repos.dossiers.update(known.dossier.id, {
      ...known.input,
      casemanager: 'Tom Bakker',
    })
    expect(edit.ok).toBe(true)
    await three.engine.syncNow()
    expect(three.state().status).toBe('idle')

    // Device 2: a new, empty profile. It signs in (and pulls), then restores the backup.
    const two = device()
    await two.engine.login(base, emails.cm, PASSWORD)
    await two.engine.syncNow()
    expect((await two.repos.dossiers.get(known.dossier.id))?.casemanager).toBe('Tom Bakker')
    const restored = await two.repos.backup.importAll(backup)
    expect(restored.ok).toBe(true)
    // Right after the restore this device shows the backup; the sync decides per field.
    expect((await two.repos.dossiers.get(known.dossier.id))?.casemanager).toBe('Petra')
    expect(await two.repos.dossiers.get(offline.dossier.id)).toBeDefined()
    await two.engine.syncNow()
    expect(two.state()).toMatchObject({ status: 'idle', pending: 0 })

    for (const d of [two, three]) {
      await d.engine.syncNow()
      // The dossier that existed only in the backup is everywhere now, complete.
      expect((await d.repos.dossiers.get(offline.dossier.id))?.casemanager).toBe('Petra')
      expect((await d.repos.employers.get(offline.employer.id))?.name).toBe('Transport Zuid')
      expect((await d.repos.employees.get(offline.employee.id))?.lastName).toBe('de Vries')
      // The offline edit of the backup arrived; the edit made after the backup kept its value.
      expect((await d.repos.employees.get(known.employee.id))?.phone).toBe('0612345678')
      expect((await d.repos.dossiers.get(known.dossier.id))?.casemanager).toBe('Tom Bakker')
      expect(await d.repos.sync.conflictCount()).toBe(0)
    }
    const [a, b] = [
      await two.repos.dossiers.get(known.dossier.id),
      await three.repos.dossiers.get(known.dossier.id),
    ]
    // Equal in every synced field (`updatedAt` is each device's own bookkeeping, ADR 0005).
    expect({ ...a, updatedAt: undefined }).toEqual({ ...b, updatedAt: undefined })
    // What the server already had was sent again and ignored: no conflict, nothing twice.
    expect(two.net.duplicates).toBeGreaterThan(0)
    expect(await serverConflicts()).toBe(0)
    const twice = await db.query(
      'SELECT change_id FROM changes GROUP BY change_id HAVING count(*) > 1',
    )
    expect(twice).toEqual([])

    // Restoring the same backup again on a fresh device, before signing in, changes nothing.
    const four = device()
    expect((await four.repos.backup.importAll(backup)).ok).toBe(true)
    await four.engine.login(base, emails.cm, PASSWORD)
    await four.engine.syncNow()
    expect(four.net.accepted).toBeGreaterThan(0) // its own audit entries
    expect((await four.repos.dossiers.get(known.dossier.id))?.casemanager).toBe('Tom Bakker')
    expect(await four.repos.dossiers.get(offline.dossier.id)).toBeDefined()
    expect(await serverConflicts()).toBe(0)
  })
})
