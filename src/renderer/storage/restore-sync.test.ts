import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { formatHlc, parseHlc, type SyncChange } from '../../shared/sync'
import { DATA_TABLES } from './db'
import { CLOCK_KEY, CURSOR_KEY, type FieldStateRow } from './sync-log'
import { freshRepos, seedDossier } from './test-support'

type Doc = {
  version: number
  tables: Record<string, Record<string, unknown>[]>
  sync?: { fieldStates: (Omit<FieldStateRow, 'key' | 'openConflicts'> & { table: string })[] }
}
const decode = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as Doc
const encode = (doc: unknown) => new TextEncoder().encode(JSON.stringify(doc))
const isData = (t: string) => (DATA_TABLES as readonly string[]).includes(t)

/** Device 1: a dossier made (and edited) without ever syncing, with a contactmoment. */
async function offlineDevice() {
  const ctx = freshRepos('2026-11-20T10:00:00.000Z')
  const { dossier, employee } = await seedDossier(ctx.repos)
  const input = {
    employeeId: employee.id,
    casemanager: 'Petra Visser-de Boer',
    arbodienst: {},
    bedrijfsarts: {},
    status: 'actief',
  }
  const edited = await ctx.repos.dossiers.update(dossier.id, input)
  if (!edited.ok) throw new Error(edited.error.message)
  const period = await ctx.repos.sickPeriods.create(dossier.id, { start: '2026-10-05' })
  if (!period.ok) throw new Error(period.error.message)
  const contact = await ctx.repos.contacts.create(dossier.id, {
    date: '2026-10-06',
    kind: 'gesprek',
    participants: 'Sanne',
    summary: 'Eerste gesprek',
  })
  if (!contact.ok) throw new Error(contact.error.message)
  return { ...ctx, dossier, employee, input, period: period.value }
}

const outboxOf = async (db: ReturnType<typeof freshRepos>['db']) =>
  (await db.outbox.toArray()).filter((c) => isData(c.table))
const statesOf = async (db: ReturnType<typeof freshRepos>['db']) =>
  (await db.fieldStates.toArray()).filter((s) => isData(s.table))

describe('restoring a backup syncs (docs/adr/0005)', () => {
  it('carries every field’s version; a restore on an empty device queues exactly those versions', async () => {
    const one = await offlineDevice()
    const file = await one.repos.backup.exportAll()
    const doc = decode(file)
    const states = await statesOf(one.db)
    expect(doc.sync?.fieldStates).toHaveLength(states.length)
    const oneOutbox = new Map((await outboxOf(one.db)).map((c) => [c.id, c]))
    const oneNode = (await one.repos.sync.nodeId()) as string

    // Device 2: a new, empty profile, a day later.
    const two = freshRepos('2026-11-21T08:00:00.000Z')
    const r = await two.repos.backup.importAll(file)
    expect(r.ok).toBe(true)
    const queued = await outboxOf(two.db)
    // Every queued change is one that device 1 made, unchanged: same id, HLC, base and value.
    expect(queued.length).toBe(states.length)
    for (const c of queued) expect(c).toEqual(oneOutbox.get(c.id))
    // Its field states are device 1's: the restored values carry their original timestamps.
    const byKey = new Map((await statesOf(two.db)).map((s) => [s.key, s]))
    for (const s of states) expect(byKey.get(s.key)?.winner).toEqual(s.winner)
    expect(byKey.size).toBe(states.length)

    // The device goes on under a new node id, with its clock past every restored timestamp, and
    // pulls the whole log again on its next sync.
    const clock = (await two.repos.sync.getMeta<{ nodeId: string; wallMs: number }>(CLOCK_KEY))!
    expect(clock.nodeId).not.toBe(oneNode)
    const newest = Math.max(...queued.map((c) => parseHlc(c.hlc)!.wallMs))
    expect(clock.wallMs).toBeGreaterThanOrEqual(newest)
    expect(await two.repos.sync.getMeta(CURSOR_KEY)).toBe(0)

    // A later edit here is based on the restored version and newer than it.
    const casemanager = [...byKey.values()].find(
      (s) => s.table === 'dossiers' && s.field === 'casemanager',
    )!
    const again = await two.repos.dossiers.update(one.dossier.id, {
      ...one.input,
      casemanager: 'Tom Bakker',
    })
    expect(again.ok).toBe(true)
    const edit = (await outboxOf(two.db)).find(
      (c) => c.field === 'casemanager' && c.value === 'Tom Bakker',
    )!
    expect(edit.baseHlc).toBe(casemanager.winner.hlc)
    expect(edit.hlc > casemanager.winner.hlc).toBe(true)
  })

  it('is one transaction with the restore: an outbox that refuses leaves the device as it was', async () => {
    const one = await offlineDevice()
    const file = await one.repos.backup.exportAll()
    const two = freshRepos('2026-11-21T08:00:00.000Z')
    await seedDossier(two.repos)
    const before = {
      dossiers: await two.db.dossiers.toArray(),
      outbox: await two.db.outbox.toArray(),
      states: await two.db.fieldStates.toArray(),
      clock: await two.repos.sync.getMeta(CLOCK_KEY),
    }
    const original = two.db.outbox.bulkPut.bind(two.db.outbox)
    two.db.outbox.bulkPut = (() =>
      Promise.reject(new Error('outbox weigert'))) as unknown as typeof original
    const r = await two.repos.backup.importAll(file)
    expect(r.ok ? undefined : r.error.kind).toBe('internal')
    two.db.outbox.bulkPut = original
    expect(await two.db.dossiers.toArray()).toEqual(before.dossiers)
    expect(await two.db.outbox.toArray()).toEqual(before.outbox)
    expect(await two.db.fieldStates.toArray()).toEqual(before.states)
    expect(await two.repos.sync.getMeta(CLOCK_KEY)).toEqual(before.clock)
  })

  it('a deleted record travels as its delete marker only, never with its old values', async () => {
    const one = await offlineDevice()
    expect((await one.repos.sickPeriods.remove(one.period.id)).ok).toBe(true)
    const doc = decode(await one.repos.backup.exportAll())
    const ofPeriod = doc.sync!.fieldStates.filter((s) => s.recordId === one.period.id)
    expect(ofPeriod.map((s) => [s.field, s.winner.value])).toEqual([['deleted', true]])

    const two = freshRepos('2026-11-21T08:00:00.000Z')
    expect((await two.repos.backup.importAll(encode(doc))).ok).toBe(true)
    const queued = (await outboxOf(two.db)).filter((c) => c.recordId === one.period.id)
    expect(queued.map((c) => [c.field, c.value])).toEqual([['deleted', true]])
  })

  it('a backup from before v8 (no versions): fields are timed at their record’s last change; contactmomenten stay local', async () => {
    const one = await offlineDevice()
    const doc = decode(await one.repos.backup.exportAll())
    delete doc.sync
    const two = freshRepos('2026-11-21T08:00:00.000Z')
    expect((await two.repos.backup.importAll(encode({ ...doc, version: 7 }))).ok).toBe(true)
    const node = await two.repos.sync.nodeId()
    const queued = await outboxOf(two.db)
    // In the order they are pushed (by HLC).
    const dossierChanges = queued
      .filter((c) => c.recordId === one.dossier.id)
      .sort((a, b) => (a.hlc < b.hlc ? -1 : 1))
    expect(dossierChanges.length).toBeGreaterThan(5)
    for (const c of dossierChanges) {
      expect(c.baseHlc).toBeNull()
      expect(parseHlc(c.hlc)).toMatchObject({
        wallMs: Date.parse('2026-11-20T10:00:00.000Z'),
        nodeId: node,
      })
    }
    // createdAt last, so another device shows the record only once it is complete.
    expect(dossierChanges.map((c) => c.field).at(-1)).toBe('createdAt')
    expect(dossierChanges.find((c) => c.field === 'casemanager')?.value).toBe(
      'Petra Visser-de Boer',
    )
    expect(queued.some((c) => c.table === 'sickPeriods')).toBe(true)
    expect(queued.some((c) => c.table === 'contacts')).toBe(false)
  })

  it('a value edited in the file is a new edit based on its recorded version; an edited contactmoment is refused', async () => {
    const one = await offlineDevice()
    const doc = decode(await one.repos.backup.exportAll())
    const recorded = doc.sync!.fieldStates.find(
      (s) => s.table === 'dossiers' && s.field === 'casemanager',
    )!
    doc.tables['dossiers']![0]!['casemanager'] = 'Karin de Wit'
    const two = freshRepos('2026-11-21T08:00:00.000Z')
    expect((await two.repos.backup.importAll(encode(doc))).ok).toBe(true)
    const state = (await statesOf(two.db)).find(
      (s) => s.table === 'dossiers' && s.field === 'casemanager',
    )!
    expect(state.winner).toMatchObject({ value: 'Karin de Wit', baseHlc: recorded.winner.hlc })
    expect(state.conflicts).toEqual([])
    const queued: SyncChange[] = (await outboxOf(two.db)).filter((c) => c.field === 'casemanager')
    expect(queued.map((c) => c.value).sort()).toEqual(['Karin de Wit', 'Petra Visser-de Boer'])

    const contact = decode(await one.repos.backup.exportAll())
    contact.tables['contacts']![0]!['summary'] = 'Iets anders'
    const three = freshRepos('2026-11-21T08:00:00.000Z')
    const r = await three.repos.backup.importAll(encode(contact))
    expect(r.ok ? undefined : r.error).toMatchObject({
      kind: 'validation',
      field: 'contacts[0].summary',
      message: expect.stringMatching(/vastgelegde versie/),
    })
    expect(await three.db.outbox.count()).toBe(0)
  })

  it('an open conflict travels with the backup (and is queued on restore); a settled one does not', async () => {
    const one = await offlineDevice()
    // Another device's concurrent value arrives: device 1's own value becomes an open conflict.
    const theirs = {
      id: 'remote-1',
      table: 'dossiers' as const,
      recordId: one.dossier.id,
      dossierId: one.dossier.id,
      field: 'casemanager',
      value: 'Karin de Wit',
      hlc: formatHlc({ wallMs: Date.parse('2026-11-20T11:00:00.000Z'), counter: 0, nodeId: 'nx' }),
      baseHlc: null,
      seq: 1,
    }
    await one.repos.sync.applyPulled([theirs], 'sync.cursor', 1)
    const casemanagerOf = (d: Doc) =>
      d.sync!.fieldStates.find((s) => s.table === 'dossiers' && s.field === 'casemanager')!
    const open = decode(await one.repos.backup.exportAll())
    expect(casemanagerOf(open).winner.value).toBe('Karin de Wit')
    expect(casemanagerOf(open).conflicts.map((c) => c.value)).toEqual(['Petra Visser-de Boer'])
    const two = freshRepos('2026-11-21T08:00:00.000Z')
    expect((await two.repos.backup.importAll(encode(open))).ok).toBe(true)
    const queued = (await outboxOf(two.db)).filter((c) => c.field === 'casemanager')
    expect(queued.map((c) => c.value).sort()).toEqual(['Karin de Wit', 'Petra Visser-de Boer'])
    expect(await two.repos.sync.conflictCount(one.dossier.id)).toBe(1)

    const [conflict] = await one.repos.sync.conflicts(one.dossier.id)
    expect((await one.repos.sync.resolveConflict(conflict!.key, 'Karin de Wit')).ok).toBe(true)
    const settled = decode(await one.repos.backup.exportAll())
    expect(casemanagerOf(settled).conflicts).toEqual([])
    expect(JSON.stringify(settled.sync)).not.toContain('Petra Visser-de Boer')
  })

  it('refuses a version the server would refuse, naming it', async () => {
    const one = await offlineDevice()
    const doc = decode(await one.repos.backup.exportAll())
    const first = doc.sync!.fieldStates[0]!
    doc.sync!.fieldStates[0] = { ...first, winner: { ...first.winner, hlc: 'gisteren' as never } }
    const two = freshRepos()
    const r = await two.repos.backup.importAll(encode(doc))
    expect(r.ok ? undefined : r.error).toMatchObject({
      kind: 'validation',
      field: 'sync.fieldStates[0].winner',
      message: expect.stringMatching(/HLC/),
    })
    expect(await two.db.dossiers.count()).toBe(0)
  })
})
