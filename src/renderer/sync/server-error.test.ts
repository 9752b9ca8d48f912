import 'fake-indexeddb/auto'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganisation, createUser } from '../../server/accounts'
import { buildApp } from '../../server/app'
import { openPglite, type Db } from '../../server/db/db'
import { migrate } from '../../server/db/migrations'
import { FAST_SCRYPT, PASSWORD, SECRET } from '../../server/test-support'
import { HervatDb } from '../storage/db'
import { createRepositories } from '../storage/repositories'
import { seedDossier } from '../storage/test-support'
import { createSyncEngine, INITIAL_SYNC_STATE, SYNC_TIMING, type SyncState } from './engine'

/**
 * A change the server fails on again and again (a 5xx) never stalls sync (docs/adr/0005): after
 * SYNC_TIMING.serverErrorTries tries, each while the server's health check answered, it is set
 * aside as `serverfout` and the rest arrives. A server that is down as a whole sets nothing aside.
 * Against the real server over HTTP, made to fail by a fault-injecting hook.
 */

const POISON = 'Deze tekst laat de server struikelen.'
let db: Db
let base = ''
let close: () => Promise<void>
const fault = { outage: false }
const email = 'petra@example.nl'

beforeAll(async () => {
  db = await openPglite(undefined)
  await migrate(db)
  const app = await buildApp({
    db,
    jwtSecret: SECRET,
    scryptCost: FAST_SCRYPT,
    loginRateLimit: 1000,
    errorLog: () => undefined,
  })
  app.addHook('preHandler', async (req) => {
    if (fault.outage || JSON.stringify(req.body ?? null).includes(POISON))
      throw new Error('injected fault')
  })
  app.addHook('onRequest', async (req) => {
    if (fault.outage && req.url === '/health') throw new Error('injected outage')
  })
  const org = await createOrganisation(db, 'Bureau A')
  await createUser(
    db,
    { organisationId: org, email, name: 'Petra', role: 'casemanager', password: PASSWORD },
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
async function device() {
  const idb = new HervatDb(`fail-${++n}-${Math.random().toString(36).slice(2)}`)
  const repos = createRepositories(idb)
  let state: SyncState = INITIAL_SYNC_STATE
  const engine = createSyncEngine({
    repo: repos.sync,
    fetch: (url, init) => fetch(url, init),
    now: () => new Date(),
    isOnline: () => true,
    timers: { set: () => 0, clear: () => undefined },
    deviceName: `laptop ${n}`,
    setState: (p) => {
      state = { ...state, ...p }
    },
  })
  expect((await engine.login(base, email, PASSWORD)).ok).toBe(true)
  await engine.syncNow()
  return { idb, repos, engine, state: () => state }
}

const contact = (summary: string) => ({
  date: '05-11-2026',
  kind: 'telefonisch',
  participants: 'werknemer, casemanager',
  summary,
})

describe('a change the server fails on', () => {
  it('is set aside as serverfout after a bounded number of tries; the rest arrives', async () => {
    const a = await device()
    const { dossier } = await seedDossier(a.repos)
    const before = await a.repos.contacts.create(dossier.id, contact('Eerste gesprek.'))
    const poisoned = await a.repos.contacts.create(dossier.id, contact(POISON))
    const after = await a.repos.contacts.create(dossier.id, contact('Tweede gesprek.'))
    if (!before.ok || !poisoned.ok || !after.ok) throw new Error('contact not saved')

    for (let i = 1; i < SYNC_TIMING.serverErrorTries; i++) {
      await a.engine.syncNow()
      expect(a.state().status).toBe('error')
      expect(await a.repos.refusedChanges.count()).toBe(0)
    }
    await a.engine.syncNow()
    expect(a.state()).toMatchObject({ status: 'idle', pending: 0 })
    const aside = await a.repos.refusedChanges.list()
    expect(aside.length).toBeGreaterThan(0)
    expect(aside.every((r) => r.reason === 'serverfout' && r.change.value === POISON)).toBe(true)
    expect(aside[0]?.serverCode).toBe('internal')

    const b = await device()
    expect((await b.repos.contacts.get(before.value.id))?.summary).toBe('Eerste gesprek.')
    expect((await b.repos.contacts.get(after.value.id))?.summary).toBe('Tweede gesprek.')
    expect((await b.repos.dossiers.get(dossier.id))?.id).toBe(dossier.id)
  })

  it('a server that fails as a whole (its health check too) sets nothing aside', async () => {
    const a = await device()
    const { dossier } = await seedDossier(a.repos)
    const c = await a.repos.contacts.create(dossier.id, contact('Tijdens een storing.'))
    if (!c.ok) throw new Error(c.error.message)
    const pending = await a.repos.sync.pendingCount()
    fault.outage = true
    try {
      for (let i = 0; i < SYNC_TIMING.serverErrorTries + 2; i++) {
        await a.engine.syncNow()
        expect(a.state().status).toBe('error')
      }
    } finally {
      fault.outage = false
    }
    expect(await a.repos.refusedChanges.count()).toBe(0)
    expect(await a.repos.sync.pendingCount()).toBe(pending)
    await a.engine.syncNow()
    expect(a.state()).toMatchObject({ status: 'idle', pending: 0 })
  })
})
