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
import { employeeInput, employerInput } from '../storage/test-support'
import {
  createSyncEngine,
  ACCOUNT_KEY,
  INITIAL_SYNC_STATE,
  SESSION_KEY,
  type SyncSession,
  type SyncState,
} from './engine'
import type { FetchLike } from './http'

/**
 * The engine against the real server (Fastify on PGlite, over real HTTP on loopback) with two
 * devices, each its own IndexedDB (fake-indexeddb) and its own repositories.
 */

let db: Db
let base = ''
let close: () => Promise<void>
const emails = { cm: 'cm@example.nl', tl: 'tl@example.nl', cm2: 'cm2@example.nl' }

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
  await createUser(
    db,
    {
      organisationId: org,
      email: emails.cm,
      name: 'Petra',
      role: 'casemanager',
      password: PASSWORD,
    },
    FAST_SCRYPT,
  )
  await createUser(
    db,
    {
      organisationId: org,
      email: emails.cm2,
      name: 'Karin',
      role: 'casemanager',
      password: PASSWORD,
    },
    FAST_SCRYPT,
  )
  await createUser(
    db,
    { organisationId: org, email: emails.tl, name: 'Tom', role: 'teamleider', password: PASSWORD },
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
function device(fetchFn: FetchLike = (url, init) => fetch(url, init), pullLimit?: number) {
  const idb = new HervatDb(`engine-${++n}-${Math.random().toString(36).slice(2)}`)
  const repos = createRepositories(idb)
  let state: SyncState = INITIAL_SYNC_STATE
  const progress: NonNullable<SyncState['progress']>[] = []
  const engine = createSyncEngine({
    repo: repos.sync,
    fetch: fetchFn,
    now: () => new Date(),
    isOnline: () => true,
    timers: { set: () => 0, clear: () => undefined },
    deviceName: `test ${n}`,
    setState: (p) => {
      state = { ...state, ...p }
      if (p.progress) progress.push(p.progress)
    },
    ...(pullLimit ? { pullLimit } : {}),
  })
  return { idb, repos, engine, state: () => state, progress }
}

async function seed(repos: ReturnType<typeof createRepositories>, casemanager: string) {
  const er = await repos.employers.create({
    ...employerInput,
    name: `Werkgever van ${casemanager}`,
  })
  if (!er.ok) throw new Error(er.error.message)
  const ee = await repos.employees.create(employeeInput(er.value.id))
  if (!ee.ok) throw new Error(ee.error.message)
  const d = await repos.dossiers.create({
    employeeId: ee.value.id,
    casemanager,
    arbodienst: {},
    bedrijfsarts: {},
    status: 'actief',
  })
  if (!d.ok) throw new Error(d.error.message)
  return { employee: ee.value, dossier: d.value }
}

const serverCount = async (): Promise<number> =>
  Number((await db.query('SELECT count(*) AS n FROM changes'))[0]?.n)

describe('sync engine against the real server', () => {
  it('pushes every change exactly once, even when the answer to a push is lost', async () => {
    let dropNextPushAnswer = true
    const flaky: FetchLike = async (url, init) => {
      const res = await fetch(url, init)
      if (url.endsWith('/sync/push') && dropNextPushAnswer) {
        dropNextPushAnswer = false
        throw new TypeError('connection reset') // the server applied it; the client never heard
      }
      return res
    }
    const a = device(flaky)
    const before = await serverCount()
    await seed(a.repos, 'Petra')
    const written = await a.repos.sync.pendingCount()
    let seen: string[] = []
    expect((await a.engine.login(base, emails.cm, PASSWORD)).ok).toBe(true)
    // The login's own cycle fails after the server applied the push; the engine tries again.
    await a.engine.syncNow()
    seen = [a.state().status]
    expect(dropNextPushAnswer).toBe(false)
    expect(seen).toEqual(['idle'])
    expect(await a.repos.sync.pendingCount()).toBe(0)
    expect(await serverCount()).toBe(before + written)
  })

  it('two devices edit the same field: both keep the conflict, the choice converges both', async () => {
    const a = device()
    const b = device()
    const { dossier, employee } = await seed(a.repos, 'Petra')
    await a.engine.login(base, emails.cm, PASSWORD)
    await b.engine.login(base, emails.tl, PASSWORD)
    await a.engine.syncNow()
    await b.engine.syncNow()
    expect(b.state().status).toBe('idle')
    expect((await b.repos.dossiers.get(dossier.id))?.casemanager).toBe('Petra')

    // Both edit offline (no sync in between), then both sync.
    const input = { ...dossier, employeeId: employee.id }
    await a.repos.dossiers.update(dossier.id, { ...input, casemanager: 'Petra Visser' })
    await b.repos.dossiers.update(dossier.id, { ...input, casemanager: 'Tom Teamleider' })
    await b.repos.dossiers.update(dossier.id, {
      ...input,
      casemanager: 'Tom Teamleider',
      status: 'hersteld',
    })
    await a.engine.syncNow()
    await b.engine.syncNow()
    await a.engine.syncNow()
    const [da, db2] = [
      await a.repos.dossiers.get(dossier.id),
      await b.repos.dossiers.get(dossier.id),
    ]
    expect(da).toEqual(db2)
    expect(da?.status).toBe('hersteld')
    expect(da?.casemanager).toBe('Tom Teamleider')
    const [ca] = await a.repos.sync.conflicts(dossier.id)
    const [cb] = await b.repos.sync.conflicts(dossier.id)
    expect(ca?.others.map((o) => o.value)).toEqual(['Petra Visser'])
    expect(cb?.others.map((o) => o.value)).toEqual(['Petra Visser'])

    expect((await a.repos.sync.resolveConflict(ca!.key, 'Petra Visser')).ok).toBe(true)
    await a.engine.syncNow()
    await b.engine.syncNow()
    expect((await b.repos.dossiers.get(dossier.id))?.casemanager).toBe('Petra Visser')
    expect(await a.repos.sync.conflictCount(dossier.id)).toBe(0)
    expect(await b.repos.sync.conflictCount(dossier.id)).toBe(0)
  })

  it('the audit trail travels like other append-only records: unchanged, and every chain verifies', async () => {
    const a = device()
    const b = device()
    const { dossier } = await seed(a.repos, 'Petra')
    await a.repos.audit.record({
      action: 'view',
      objectType: 'dossiers',
      objectId: dossier.id,
      dossierId: dossier.id,
    })
    const mine = await a.repos.audit.list()
    expect(mine.length).toBeGreaterThanOrEqual(4) // werkgever, werknemer, dossier, the view
    await a.engine.login(base, emails.cm, PASSWORD)
    await b.engine.login(base, emails.tl, PASSWORD)
    await a.engine.syncNow()
    await b.engine.syncNow()
    expect(b.state().status).toBe('idle')
    const arrived = new Map((await b.repos.audit.list()).map((e) => [e.id, e]))
    // Each entry arrives exactly as it was hashed on the device that wrote it.
    for (const e of mine) expect(arrived.get(e.id)).toEqual(e)
    expect(await b.repos.audit.verify()).toMatchObject({ ok: true })
    // Pulled entries are not pushed back, and pulling again changes nothing.
    expect(await b.repos.sync.pendingCount()).toBe(0)
    const count = await b.repos.audit.count()
    await b.engine.syncNow()
    expect(await b.repos.audit.count()).toBe(count)
  })

  it('a dossier of another casemanager never reaches this one; attachments travel once', async () => {
    const mine = device()
    const theirs = device()
    await mine.engine.login(base, emails.cm, PASSWORD)
    await theirs.engine.login(base, emails.cm2, PASSWORD)
    const { dossier } = await seed(theirs.repos, 'Karin')
    const pdf = new TextEncoder().encode('%PDF-1.4\nverslag\n%%EOF')
    const att = await theirs.repos.attachments.add(
      dossier.id,
      {
        title: 'Probleemanalyse',
        source: 'bedrijfsarts',
        kind: 'probleemanalyse',
        receivedOn: '14-02-2025',
      },
      { name: 'pa.pdf', mimeType: 'application/pdf', data: pdf },
    )
    expect(att.ok).toBe(true)
    await theirs.engine.syncNow()
    expect(theirs.state().status).toBe('idle')
    const blobs = async () => Number((await db.query('SELECT count(*) AS n FROM blobs'))[0]?.n)
    const stored = await blobs()
    await mine.engine.syncNow()
    expect(await mine.repos.dossiers.get(dossier.id)).toBeUndefined()
    expect(await mine.repos.attachments.listByDossier(dossier.id)).toEqual([])

    // A teamleider's device gets the dossier and the PDF; pushing again sends no second copy.
    const lead = device()
    await lead.engine.login(base, emails.tl, PASSWORD)
    await lead.engine.syncNow()
    const [copy] = await lead.repos.attachments.listByDossier(dossier.id)
    expect(copy && (await lead.repos.attachments.getContent(copy.id))).toEqual(pdf)
    await theirs.repos.attachments.add(
      dossier.id,
      { title: 'Kopie', source: 'bedrijfsarts', kind: 'probleemanalyse', receivedOn: '15-02-2025' },
      { name: 'kopie.pdf', mimeType: 'application/pdf', data: pdf },
    )
    await theirs.engine.syncNow()
    expect(await blobs()).toBe(stored)
  })

  it('a werknemer reaches a casemanager only with their dossier; after reassignment with its full history', async () => {
    const petra = device()
    const karin = device()
    await petra.engine.login(base, emails.cm, PASSWORD)
    await karin.engine.login(base, emails.cm2, PASSWORD)
    // A new dossier with a new werknemer, pushed in one outbox.
    const { dossier, employee } = await seed(petra.repos, 'Petra')
    await petra.repos.dossiers.update(dossier.id, {
      ...dossier,
      employeeId: employee.id,
      status: 'hersteld',
    })
    await petra.engine.syncNow()
    expect(petra.state().status).toBe('idle')
    expect(await petra.repos.sync.pendingCount()).toBe(0)
    // Karin syncs past all of it and holds neither the dossier nor the werknemer (BSN).
    await karin.engine.syncNow()
    expect(await karin.repos.dossiers.get(dossier.id)).toBeUndefined()
    expect(await karin.repos.employees.get(employee.id)).toBeUndefined()

    // The teamleider reassigns the dossier to Karin; her next ordinary sync backfills it.
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: emails.tl, password: PASSWORD, deviceName: 'beheer' }),
    })
    const { accessToken } = (await login.json()) as { accessToken: string }
    const [karinUser] = await db.query('SELECT id FROM users WHERE email = $1', [emails.cm2])
    const put = await fetch(`${base}/api/v1/dossiers/${dossier.id}/assignment`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ casemanagerId: karinUser?.id }),
    })
    expect(put.status).toBe(200)
    await karin.engine.syncNow()
    expect(karin.state().status).toBe('idle')
    expect((await karin.repos.dossiers.get(dossier.id))?.status).toBe('hersteld')
    expect((await karin.repos.employees.get(employee.id))?.bsn).toBe(employee.bsn)
  })

  it('a first sync pulls page by page and reports its progress', async () => {
    const lead = device(undefined, 7)
    await lead.engine.login(base, emails.tl, PASSWORD)
    await lead.engine.syncNow()
    const total = Number((await db.query('SELECT count(*) AS n FROM changes'))[0]?.n)
    // One report per page of 7 (a last, empty page when the total divides evenly).
    expect(lead.progress.length).toBeGreaterThanOrEqual(Math.ceil(total / 7))
    expect(lead.progress.length).toBeLessThanOrEqual(Math.ceil(total / 7) + 1)
    expect(lead.progress.at(-1)).toEqual({ done: total, total })
    expect(lead.progress.map((p) => p.done)).toEqual(
      [...lead.progress.map((p) => p.done)].sort((a, b) => a - b),
    )
    expect(lead.state().progress).toBeNull()
  })

  it('refreshes an expired access token by itself', async () => {
    const a = device()
    await a.engine.login(base, emails.cm, PASSWORD)
    const s = await a.repos.sync.getSealed<SyncSession>(SESSION_KEY)
    await a.repos.sync.setSealed(SESSION_KEY, { ...s, accessToken: 'verlopen' })
    // A fresh engine on the same database restores the (now stale) session on start.
    const restarted = createSyncEngine({
      repo: a.repos.sync,
      fetch: (url, init) => fetch(url, init),
      now: () => new Date(),
      isOnline: () => true,
      timers: { set: () => 0, clear: () => undefined },
      deviceName: 'x',
      setState: () => undefined,
    })
    await restarted.start()
    restarted.stop()
    const after = await a.repos.sync.getSealed<SyncSession>(SESSION_KEY)
    expect(after?.accessToken).not.toBe('verlopen')
    expect(after?.refreshToken).not.toBe(s?.refreshToken)
  })

  it('a wrong password is refused in Dutch at the password field; nothing is stored', async () => {
    const a = device()
    expect(await a.engine.login(base, emails.cm, 'fout wachtwoord')).toEqual({
      ok: false,
      field: 'password',
      message: 'E-mailadres of wachtwoord klopt niet.',
    })
    expect(await a.engine.login('ftp://x', emails.cm, PASSWORD)).toMatchObject({
      field: 'serverUrl',
    })
    expect(await a.repos.sync.getSealed(SESSION_KEY)).toBeUndefined()
  })

  it('signing out with wipe leaves no dossier and no sync state; without wipe the data stays', async () => {
    const a = device()
    await seed(a.repos, 'Petra')
    await a.engine.login(base, emails.cm, PASSWORD)
    await a.engine.syncNow()
    const dossiers = (await a.repos.dossiers.list()).length
    expect(dossiers).toBeGreaterThan(0)
    await a.engine.signOut({ wipe: false })
    expect(await a.repos.dossiers.list()).toHaveLength(dossiers)
    expect(await a.repos.sync.getSealed(SESSION_KEY)).toBeUndefined()
    await a.engine.login(base, emails.cm, PASSWORD)
    expect(await a.repos.sync.getSealed(SESSION_KEY)).toMatchObject({ serverUrl: base })
    await a.engine.signOut({ wipe: true })
    // The login goes too: no token, no account, nothing of it left in sealed storage.
    expect(await a.repos.sync.getSealed(SESSION_KEY)).toBeUndefined()
    expect(await a.repos.sync.getSealed(ACCOUNT_KEY)).toBeUndefined()
    expect(await a.idb.sealedMeta.count()).toBe(0)
    expect(await a.repos.dossiers.list()).toHaveLength(0)
    expect(await a.repos.employers.list()).toHaveLength(0)
    expect(await a.repos.sync.pendingCount()).toBe(0)
    expect(a.state().status).toBe('signed-out')
  })

  it('retires a session on the old in-app server: the organisation server receives everything', async () => {
    // A laptop of an earlier version: everything it wrote went to its in-app server (the outbox
    // acknowledged), one edit made since is still unsent, and its session points at that server.
    const a = device()
    const { dossier, employee } = await seed(a.repos, 'Ingrid')
    await a.repos.sync.acknowledge((await a.idb.outbox.toArray()).map((c) => c.id))
    const updated = await a.repos.dossiers.update(dossier.id, {
      ...dossier,
      employeeId: employee.id,
      casemanager: 'Ingrid Bakker',
    })
    if (!updated.ok) throw new Error(updated.error.message)
    const unsent = await a.repos.sync.pendingCount()
    expect(unsent).toBeGreaterThan(0)
    await a.repos.sync.setSealed(SESSION_KEY, {
      serverUrl: 'http://127.0.0.1:9',
      accessToken: 'oud',
      refreshToken: 'oud',
      deviceId: 'in-app',
      user: { id: 'u-lokaal', organisationId: 'o-lokaal', name: 'Casemanager', email: 'x@y.nl' },
      embedded: true,
    })
    await a.repos.sync.setSealed(ACCOUNT_KEY, 'http://127.0.0.1:9|u-lokaal')
    await a.repos.sync.setMeta('syncpref.embeddedOptOut', true)
    const before = {
      dossiers: await a.repos.dossiers.list(),
      fields: await a.idb.fieldStates.count(),
    }

    await a.engine.start()
    a.engine.stop()
    expect(a.state()).toMatchObject({ status: 'signed-out', account: null })
    expect(a.state().message).toMatch(/geen ingebouwde server meer/)
    expect(await a.repos.sync.getSealed(SESSION_KEY)).toBeUndefined()
    expect(await a.repos.sync.getSealed(ACCOUNT_KEY)).toBeUndefined()
    expect(await a.repos.sync.getMeta('syncpref.embeddedOptOut')).toBeUndefined()
    // Nothing local changed; every field's current version waits in the outbox, the unsent one too.
    expect(await a.repos.dossiers.list()).toEqual(before.dossiers)
    expect(await a.repos.sync.pendingCount()).toBe(before.fields)
    expect(await a.repos.sync.pendingCount()).toBeGreaterThan(unsent)

    // The organisation's own server, on which this casemanager has never synced.
    const org = await createOrganisation(db, 'Bureau Nieuw')
    const email = 'ingrid@nieuw.nl'
    await createUser(
      db,
      { organisationId: org, email, name: 'Ingrid', role: 'casemanager', password: PASSWORD },
      FAST_SCRYPT,
    )
    expect(await a.engine.login(base, email, PASSWORD)).toEqual({ ok: true })
    await a.engine.syncNow()
    expect(a.state()).toMatchObject({ status: 'idle', pending: 0 })
    // Another laptop of hers receives the dossier as it is now, the unsent edit included.
    const b = device()
    await b.engine.login(base, email, PASSWORD)
    await b.engine.syncNow()
    const there = await b.repos.dossiers.get(dossier.id)
    expect(there?.casemanager).toBe('Ingrid Bakker')
    expect((await b.repos.employees.get(employee.id))?.bsn).toBe('111222333')
  })

  it('schedules itself: soon after a local write, every minute when well, with backoff after failures', async () => {
    const idb = new HervatDb(`engine-timers-${Math.random().toString(36).slice(2)}`)
    const repos = createRepositories(idb)
    const waits: number[] = []
    let reachable = false
    let state: SyncState = INITIAL_SYNC_STATE
    const engine = createSyncEngine({
      repo: repos.sync,
      fetch: (url, init) => (reachable ? fetch(url, init) : Promise.reject(new TypeError('down'))),
      now: () => new Date(),
      isOnline: () => true,
      timers: { set: (_fn, ms) => waits.push(ms), clear: () => undefined },
      deviceName: 'timers',
      random: () => 0,
      setState: (p) => {
        state = { ...state, ...p }
      },
    })
    reachable = true
    await engine.login(base, emails.cm, PASSWORD)
    await engine.syncNow()
    reachable = false
    await engine.start() // restores the session, then fails: the server is gone
    expect(state).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/niet bereikbaar/),
    })
    await engine.syncNow()
    await engine.syncNow()
    expect(waits.slice(-3)).toEqual([1_000, 2_000, 4_000])
    await seed(repos, 'Petra')
    engine.localWrite(await repos.sync.pendingCount())
    expect(waits.at(-1)).toBe(1_500)
    reachable = true
    engine.online()
    await engine.syncNow()
    expect(state).toMatchObject({ status: 'idle', pending: 0 })
    expect(waits.at(-1)).toBe(60_000)
    engine.stop()
  })
})
