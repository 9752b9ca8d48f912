import 'fake-indexeddb/auto'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganisation, createUser } from '../../server/accounts'
import { buildApp } from '../../server/app'
import { openPglite, type Db } from '../../server/db/db'
import { migrate } from '../../server/db/migrations'
import { FAST_SCRYPT, PASSWORD, SECRET } from '../../server/test-support'
import { DATA_TABLES, HervatDb } from '../storage/db'
import { createRepositories } from '../storage/repositories'
import { employeeInput, employerInput } from '../storage/test-support'
import { createSyncEngine, INITIAL_SYNC_STATE, type SyncState } from './engine'

/**
 * A dossier reassigned away leaves the previous casemanager's device (docs/adr/0005), against the
 * real server over HTTP: casemanagers Petra and Karin, teamleider Tom, each device its own
 * IndexedDB (fake-indexeddb).
 */

let db: Db
let base = ''
let close: () => Promise<void>
const emails = { petra: 'petra@example.nl', karin: 'karin@example.nl', tom: 'tom@example.nl' }
const ids: Record<keyof typeof emails, string> = { petra: '', karin: '', tom: '' }

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
  for (const [key, role] of [
    ['petra', 'casemanager'],
    ['karin', 'casemanager'],
    ['tom', 'teamleider'],
  ] as const) {
    const u = await createUser(
      db,
      { organisationId: org, email: emails[key], name: key, role, password: PASSWORD },
      FAST_SCRYPT,
    )
    ids[key] = u.id
  }
  await app.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  close = async () => {
    await app.close()
    await db.close()
  }
}, 60_000)
afterAll(async () => close())

let n = 0
async function device(who: keyof typeof emails) {
  const idb = new HervatDb(`revoke-${++n}-${Math.random().toString(36).slice(2)}`)
  const repos = createRepositories(idb)
  let state: SyncState = INITIAL_SYNC_STATE
  const engine = createSyncEngine({
    repo: repos.sync,
    fetch: (url, init) => fetch(url, init),
    now: () => new Date(),
    isOnline: () => true,
    timers: { set: () => 0, clear: () => undefined },
    deviceName: `test ${n}`,
    setState: (p) => {
      state = { ...state, ...p }
    },
  })
  expect((await engine.login(base, emails[who], PASSWORD)).ok).toBe(true)
  await engine.syncNow()
  return { idb, repos, engine, state: () => state }
}
type Device = Awaited<ReturnType<typeof device>>

/** A dossier with a werknemer, a sick period, a contact, an attachment and a signed document. */
async function seed(repos: Device['repos'], name: string) {
  const er = await repos.employers.create({ ...employerInput, name: `Werkgever ${name}` })
  if (!er.ok) throw new Error(er.error.message)
  const ee = await repos.employees.create({ ...employeeInput(er.value.id), lastName: name })
  if (!ee.ok) throw new Error(ee.error.message)
  const d = await repos.dossiers.create({
    employeeId: ee.value.id,
    casemanager: 'Petra',
    arbodienst: {},
    bedrijfsarts: {},
    status: 'actief',
  })
  if (!d.ok) throw new Error(d.error.message)
  const dossierId = d.value.id
  expect((await repos.sickPeriods.create(dossierId, { start: '02-11-2026' })).ok).toBe(true)
  expect(
    (
      await repos.contacts.create(dossierId, {
        date: '05-11-2026',
        kind: 'telefonisch',
        participants: 'werknemer, casemanager',
        summary: 'Belafspraak voor volgende week.',
      })
    ).ok,
  ).toBe(true)
  const pdf = new TextEncoder().encode(`%PDF-1.4\n${name}\n%%EOF`)
  expect(
    (
      await repos.attachments.add(
        dossierId,
        {
          title: 'Probleemanalyse',
          source: 'bedrijfsarts',
          kind: 'probleemanalyse',
          receivedOn: '14-02-2025',
        },
        { name: 'pa.pdf', mimeType: 'application/pdf', data: pdf },
      )
    ).ok,
  ).toBe(true)
  return { dossier: d.value, employee: ee.value }
}

async function assign(dossierId: string, to: keyof typeof emails) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: emails.tom, password: PASSWORD, deviceName: 'beheer' }),
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const r = await fetch(`${base}/api/v1/dossiers/${dossierId}/assignment`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ casemanagerId: ids[to] }),
  })
  expect(r.status).toBe(200)
}

/** Everything this device holds about the dossier, table by table (only non-empty ones). */
async function traces(d: Device, dossierId: string, employeeId: string) {
  const out: Record<string, number> = {}
  const add = (k: string, v: number) => {
    if (v > 0) out[k] = v
  }
  for (const t of DATA_TABLES) {
    if (t === 'employers') continue
    if (t === 'employees') add(t, (await d.idb.employees.get(employeeId)) ? 1 : 0)
    else if (t === 'dossiers') add(t, (await d.idb.dossiers.get(dossierId)) ? 1 : 0)
    else add(t, await d.idb.table(t).where('dossierId').equals(dossierId).count())
  }
  add('changes', await d.idb.changes.where('dossierId').equals(dossierId).count())
  add('changes/employee', await d.idb.changes.where('recordId').equals(employeeId).count())
  add('fieldStates', await d.idb.fieldStates.where('dossierId').equals(dossierId).count())
  add(
    'fieldStates/employee',
    await d.idb.fieldStates.where('[table+recordId]').equals(['employees', employeeId]).count(),
  )
  add('outbox', await d.idb.outbox.where('dossierId').equals(dossierId).count())
  add('blobs', await d.idb.blobs.count())
  return out
}

describe('a dossier reassigned away', () => {
  it('leaves the previous casemanager’s device with everything of it; the new one has it; back again it returns', async () => {
    const petra = await device('petra')
    const { dossier, employee } = await seed(petra.repos, 'Verhuisd')
    const kept = await seed(petra.repos, 'Blijft')
    await petra.engine.syncNow()
    expect(petra.state().status).toBe('idle')
    const blobsBefore = await petra.idb.blobs.count()
    expect(Object.keys(await traces(petra, dossier.id, employee.id))).toEqual(
      expect.arrayContaining(['dossiers', 'employees', 'sickPeriods', 'contacts', 'attachments']),
    )

    await assign(dossier.id, 'karin')
    await petra.engine.syncNow()
    expect(petra.state()).toMatchObject({ status: 'idle', pending: 0 })
    // Gone, with every record, change entry and field state; the other dossier and its
    // attachment content untouched; nothing was pushed as a delete.
    const left = await traces(petra, dossier.id, employee.id)
    expect(left).toEqual({ blobs: blobsBefore - 1 })
    expect(await petra.repos.dossiers.get(kept.dossier.id)).toBeDefined()
    expect(await petra.repos.employees.get(kept.employee.id)).toBeDefined()
    expect(await petra.repos.refusedChanges.count()).toBe(0)
    const [entry] = (await petra.repos.audit.forDossier(dossier.id)).filter(
      (e) => e.action === 'transfer',
    )
    expect(entry).toMatchObject({ objectType: 'dossiers', dossierId: dossier.id })
    expect(entry?.detail).toMatch(/overgedragen aan een andere casemanager/)
    expect(await petra.repos.audit.verify()).toMatchObject({ ok: true })

    const karin = await device('karin')
    expect(await karin.repos.dossiers.get(dossier.id)).toMatchObject({ status: 'actief' })
    expect(await karin.repos.contacts.listByDossier(dossier.id)).toHaveLength(1)
    expect(await karin.repos.employees.get(employee.id)).toMatchObject({ lastName: 'Verhuisd' })
    // The removal on Petra's device deleted nothing on the server.
    expect(await karin.repos.sickPeriods.listByDossier(dossier.id)).toHaveLength(1)

    // Reassigned back: the whole dossier arrives again.
    await assign(dossier.id, 'petra')
    await petra.engine.syncNow()
    expect(await petra.repos.dossiers.get(dossier.id)).toMatchObject({ status: 'actief' })
    expect(await petra.repos.contacts.listByDossier(dossier.id)).toHaveLength(1)
    expect(await petra.repos.employees.get(employee.id)).toMatchObject({ lastName: 'Verhuisd' })
  })

  it('edits not yet sent are set aside as a notice with an export; the other edits still sync', async () => {
    const petra = await device('petra')
    const { dossier, employee } = await seed(petra.repos, 'Onderweg')
    const other = await seed(petra.repos, 'Eigen')
    await petra.engine.syncNow()
    expect(petra.state().status).toBe('idle')

    // Offline edits (no sync in between): one in the dossier about to move, one in her own.
    const input = { ...dossier, employeeId: employee.id }
    expect(
      (await petra.repos.dossiers.update(dossier.id, { ...input, casemanager: 'Petra V.' })).ok,
    ).toBe(true)
    expect(
      (
        await petra.repos.contacts.create(other.dossier.id, {
          date: '06-11-2026',
          kind: 'telefonisch',
          participants: 'werknemer, casemanager',
          summary: 'Tweede gesprek.',
        })
      ).ok,
    ).toBe(true)
    await assign(dossier.id, 'karin')
    await petra.engine.syncNow()
    expect(petra.state()).toMatchObject({ status: 'idle', pending: 0 })
    expect(await petra.repos.dossiers.get(dossier.id)).toBeUndefined()
    expect(await petra.repos.employees.get(employee.id)).toBeUndefined()
    const refused = await petra.repos.refusedChanges.list()
    expect(refused.map((r) => [r.change.field, r.change.value])).toEqual([
      ['casemanager', 'Petra V.'],
    ])
    // One entry, although both the refused push and the pull's revocation concern it.
    const transfers = (await petra.repos.audit.forDossier(dossier.id)).filter(
      (e) => e.action === 'transfer',
    )
    expect(transfers).toHaveLength(1)

    // Her own dossier's edit reached the server; the refused one did not.
    const tom = await device('tom')
    expect(await tom.repos.contacts.listByDossier(other.dossier.id)).toHaveLength(2)
    expect((await tom.repos.dossiers.get(dossier.id))?.casemanager).toBe('Petra')

    // The export holds the refused change in Dutch, and is an audited export.
    const file = await petra.repos.refusedChanges.exportJson()
    const doc = JSON.parse(new TextDecoder().decode(file.data)) as {
      wijzigingen: { dossierId: string; veld: string; waarde: unknown }[]
    }
    expect(doc.wijzigingen).toEqual([
      expect.objectContaining({ dossierId: dossier.id, veld: 'casemanager', waarde: 'Petra V.' }),
    ])
    expect(
      (await petra.repos.audit.list()).some(
        (e) => e.action === 'export' && e.objectType === 'refused-changes',
      ),
    ).toBe(true)
    expect(await petra.repos.refusedChanges.discard()).toBe(1)
    expect(await petra.repos.refusedChanges.count()).toBe(0)
    expect(await petra.repos.audit.verify()).toMatchObject({ ok: true })
  })

  it('a refused werknemer edit of the transferred dossier is set aside too', async () => {
    const petra = await device('petra')
    const { dossier, employee } = await seed(petra.repos, 'Werknemer')
    await petra.engine.syncNow()
    // Only the werknemer changed: its push is refused naming the record, not the dossier.
    expect(
      (
        await petra.repos.employees.update(employee.id, {
          ...employeeInput(employee.employerId),
          lastName: 'Werknemer',
          phone: '0612345678',
        })
      ).ok,
    ).toBe(true)
    await assign(dossier.id, 'karin')
    await petra.engine.syncNow()
    expect(petra.state()).toMatchObject({ status: 'idle', pending: 0 })
    expect(await petra.repos.employees.get(employee.id)).toBeUndefined()
    const refused = await petra.repos.refusedChanges.list()
    expect(refused.map((r) => [r.change.table, r.change.field])).toEqual([['employees', 'phone']])
  })
})
