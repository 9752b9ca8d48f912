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
import { employerInput, seedDossier } from '../storage/test-support'
import { createSyncEngine, INITIAL_SYNC_STATE, type SyncState } from './engine'
import type { FetchLike } from './http'

/**
 * A change the server refuses for good never blocks the outbox (docs/adr/0005, "Refused
 * changes"), against the real server over HTTP: casemanager Petra with two laptops, each its own
 * IndexedDB (fake-indexeddb). The refused change is set aside with its reason; the others arrive.
 */

let db: Db
let base = ''
let close: () => Promise<void>
const email = 'petra@example.nl'

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
/** A laptop of Petra's; `fetch` can be swapped to make the network misbehave. */
async function device() {
  const idb = new HervatDb(`refuse-${++n}-${Math.random().toString(36).slice(2)}`)
  const repos = createRepositories(idb)
  let state: SyncState = INITIAL_SYNC_STATE
  const net: { fetch: FetchLike } = { fetch: (url, init) => fetch(url, init) }
  const engine = createSyncEngine({
    repo: repos.sync,
    fetch: (url, init) => net.fetch(url, init),
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
  return { idb, repos, engine, net, state: () => state }
}
type Device = Awaited<ReturnType<typeof device>>

const plan = {
  id: 'new',
  version: 1,
  date: '02-03-2026',
  author: { name: 'Petra Visser', function: 'Casemanager' },
  goal: 'eigen-werk-aangepast',
  activities: [
    {
      id: 'a1',
      description: 'Werkplek aanpassen',
      goal: 'Volledig terug in het eigen werk',
      owner: 'werkgever',
      term: '01-04-2026',
    },
  ],
  evaluationMoments: [
    { date: '15-04-2026', kind: 'periodiek' },
    { date: '01-01-2027', kind: 'eerstejaarsevaluatie' },
  ],
  casemanager: { name: 'Petra Visser' },
  employeeView: 'Ik wil graag terug in mijn eigen werk.',
}

const signer = (documentId: string, role: 'werkgever' | 'werknemer') => ({
  documentId,
  role,
  name: role === 'werkgever' ? 'Jan Jansen' : 'Sanne de Vries',
  function: role === 'werkgever' ? 'Directeur' : 'Bakker',
  signedAt: '03-03-2026',
})

const contact = {
  date: '05-11-2026',
  kind: 'telefonisch',
  participants: 'werknemer, casemanager',
  summary: 'Belafspraak voor volgende week.',
}

/** Laptop A with a dossier and a contactmoment, synced; laptop B synced after it. */
async function twoLaptops() {
  const a = await device()
  const seeded = await seedDossier(a.repos)
  const c = await a.repos.contacts.create(seeded.dossier.id, contact)
  if (!c.ok) throw new Error(c.error.message)
  await a.engine.syncNow()
  expect(a.state()).toMatchObject({ status: 'idle', pending: 0 })
  const b = await device()
  expect(await b.repos.contacts.get(c.value.id)).toBeDefined()
  return { a, b, ...seeded, contactId: c.value.id }
}

/** Petra sets the werkgever's contactperson (a valid edit). */
async function setContactPerson(d: Device, employerId: string, name: string) {
  const r = await d.repos.employers.update(employerId, {
    ...employerInput,
    contactPerson: { name },
  })
  if (!r.ok) throw new Error(r.error.message)
}

/** The pending changes that are not audit entries (an edit also writes one of those). */
const pendingData = async (d: Device) =>
  (await d.idb.outbox.toArray()).filter((c) => c.table !== 'audit')

const refused = async (d: Device) =>
  (await d.repos.refusedChanges.list()).map((r) => ({
    table: r.change.table,
    recordId: r.change.recordId,
    field: r.change.field,
    reason: r.reason,
    serverCode: r.serverCode,
  }))

describe('a change the server refuses for good', () => {
  it('409 signed-version: the edit of a signed plan is set aside, the other edits of that push arrive', async () => {
    const { a, b, dossier, employer } = await twoLaptops()
    const doc = await a.repos.documents.create(dossier.id, 'plan-van-aanpak', plan)
    if (!doc.ok) throw new Error(doc.error.message)
    await a.engine.syncNow()
    await b.engine.syncNow()
    // A has both parties sign; B, not yet aware of it, edits the plan and two other things.
    expect((await a.repos.documents.sign(signer(doc.value.id, 'werkgever'))).ok).toBe(true)
    expect((await a.repos.documents.sign(signer(doc.value.id, 'werknemer'))).ok).toBe(true)
    await a.engine.syncNow()
    const edited = { ...plan, employeeView: 'Ik wil eerst halve dagen werken.' }
    expect((await b.repos.documents.update(doc.value.id, edited)).ok).toBe(true)
    const newContact = await b.repos.contacts.create(dossier.id, {
      ...contact,
      summary: 'Werkplek bekeken met werkgever.',
    })
    expect(newContact.ok).toBe(true)
    await setContactPerson(b, employer.id, 'Jan Jansen')

    await b.engine.syncNow()

    expect(b.state()).toMatchObject({ status: 'idle', pending: 0 })
    expect(await refused(b)).toEqual([
      {
        table: 'documents',
        recordId: doc.value.id,
        field: 'content',
        reason: 'signed-version',
        serverCode: 'signed-version',
      },
    ])
    const [row] = await b.repos.refusedChanges.list()
    expect(row?.serverMessage).toMatch(/bijstelling/)
    // B keeps the text as it was typed; the server (and A) keep the signed version.
    const onB = await b.repos.documents.get(doc.value.id)
    expect((onB?.content as { employeeView: string }).employeeView).toBe(edited.employeeView)
    await a.engine.syncNow()
    const onA = await a.repos.documents.get(doc.value.id)
    expect((onA?.content as { employeeView: string }).employeeView).toBe(plan.employeeView)
    // The other edits of that push are on the server: A has them.
    expect(newContact.ok && (await a.repos.contacts.get(newContact.value.id))?.summary).toBe(
      'Werkplek bekeken met werkgever.',
    )
    expect((await a.repos.employers.get(employer.id))?.contactPerson.name).toBe('Jan Jansen')
    // The export says why and what to do.
    const file = await b.repos.refusedChanges.exportJson()
    const exported = JSON.parse(new TextDecoder().decode(file.data)) as {
      wijzigingen: { reden: string; advies: string; meldingVanDeServer: string }[]
    }
    expect(exported.wijzigingen).toEqual([
      expect.objectContaining({
        reden: 'Ondertekende documentversie',
        advies: expect.stringMatching(/bijstelling/),
        meldingVanDeServer: expect.stringMatching(/ondertekend/),
      }),
    ])
  })

  it('409 append-only: the edit of a synced contactmoment is set aside, and sync is not stuck', async () => {
    const { b, contactId } = await twoLaptops()
    const before = await b.repos.contacts.get(contactId)
    expect(
      (await b.repos.contacts.update(contactId, { ...contact, summary: 'Toch maandag.' })).ok,
    ).toBe(true)
    expect((await pendingData(b)).map((c) => `${c.table}.${c.field}`)).toEqual(['contacts.summary'])

    await b.engine.syncNow()

    expect(b.state()).toMatchObject({ status: 'idle', pending: 0 })
    expect(await refused(b)).toEqual([
      {
        table: 'contacts',
        recordId: contactId,
        field: 'summary',
        reason: 'append-only',
        serverCode: 'append-only',
      },
    ])
    expect(before?.summary).toBe(contact.summary)
    expect((await b.repos.contacts.get(contactId))?.summary).toBe('Toch maandag.')
  })

  it('several refused changes in one outbox among valid ones: every refused one aside, every valid one on the server', async () => {
    const { a, b, dossier, contactId } = await twoLaptops()
    // Two fields of the fixed contactmoment (two refusals), between two valid new records.
    const sp = await b.repos.sickPeriods.create(dossier.id, { start: '02-11-2026' })
    expect(sp.ok).toBe(true)
    expect(
      (
        await b.repos.contacts.update(contactId, {
          ...contact,
          participants: 'werknemer',
          summary: 'Gecorrigeerd.',
        })
      ).ok,
    ).toBe(true)
    const later = await b.repos.contacts.create(dossier.id, { ...contact, summary: 'Nieuw.' })
    expect(later.ok).toBe(true)

    await b.engine.syncNow()

    expect(b.state()).toMatchObject({ status: 'idle', pending: 0 })
    const aside = await refused(b)
    expect(aside.map((r) => r.field).sort()).toEqual(['participants', 'summary'])
    expect(aside.every((r) => r.reason === 'append-only' && r.recordId === contactId)).toBe(true)
    await a.engine.syncNow()
    expect(sp.ok && (await a.repos.sickPeriods.get(sp.value.id))?.start).toBe('2026-11-02')
    expect(later.ok && (await a.repos.contacts.get(later.value.id))?.summary).toBe('Nieuw.')
    expect((await a.repos.contacts.get(contactId))?.summary).toBe(contact.summary)
  })

  it('400 validation naming a change, the only change of its push (a value too large, as from an older app): set aside with the server message', async () => {
    const { a, b, employer } = await twoLaptops()
    await setContactPerson(b, employer.id, 'Jan Jansen')
    const [valid] = await pendingData(b)
    if (!valid) throw new Error('no outbox entry')
    await b.engine.syncNow()
    // The only entry in the outbox: one this server does not take (above the 16 KB per value).
    await b.idb.outbox.add({
      ...valid,
      id: `${valid.id}x`,
      field: 'name',
      value: 'x'.repeat(20_000),
    })
    expect(await b.repos.sync.pendingCount()).toBe(1)

    await b.engine.syncNow()

    expect(b.state()).toMatchObject({ status: 'idle', pending: 0 })
    expect(await refused(b)).toEqual([
      {
        table: 'employers',
        recordId: employer.id,
        field: 'name',
        reason: 'invalid',
        serverCode: 'validation',
      },
    ])
    expect((await b.repos.refusedChanges.list())[0]?.serverMessage).toBe('Waarde is te groot.')
    // Later edits go out as usual.
    await setContactPerson(b, employer.id, 'Els de Wit')
    await b.engine.syncNow()
    expect(b.state()).toMatchObject({ status: 'idle', pending: 0 })
    await a.engine.syncNow()
    const onA = await a.repos.employers.get(employer.id)
    expect(onA?.contactPerson.name).toBe('Els de Wit')
    expect(onA?.name).toBe(employerInput.name)
  })
})

describe('a push that fails for a passing reason', () => {
  it('network failure, 503 or 429 (even naming a change): nothing set aside, the changes stay and arrive later', async () => {
    const { a, b, dossier } = await twoLaptops()
    const c = await b.repos.contacts.create(dossier.id, { ...contact, summary: 'Later verstuurd.' })
    if (!c.ok) throw new Error(c.error.message)
    const pending = await b.repos.sync.pendingCount()
    const envelope = (status: number, code: string) =>
      new Response(
        JSON.stringify({ error: { code, message: 'Even niet.', field: 'changes.0.field' } }),
        { status, headers: { 'content-type': 'application/json' } },
      )
    const failures: [string, FetchLike][] = [
      [
        'network',
        () => {
          throw new TypeError('fetch failed')
        },
      ],
      ['503', async () => envelope(503, 'internal')],
      ['429', async () => envelope(429, 'rate-limited')],
    ]
    for (const [name, broken] of failures) {
      b.net.fetch = (url, init) =>
        url.includes('/sync/push')
          ? Promise.resolve().then(() => broken(url, init))
          : fetch(url, init)
      await b.engine.syncNow()
      expect(b.state().status, name).toBe('error')
      expect(await b.repos.refusedChanges.count(), name).toBe(0)
      expect(await b.repos.sync.pendingCount(), name).toBe(pending)
    }
    b.net.fetch = (url, init) => fetch(url, init)
    await b.engine.syncNow()
    expect(b.state()).toMatchObject({ status: 'idle', pending: 0 })
    await a.engine.syncNow()
    expect((await a.repos.contacts.get(c.value.id))?.summary).toBe('Later verstuurd.')
  })
})
