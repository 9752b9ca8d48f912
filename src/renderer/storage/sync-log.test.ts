import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import {
  formatHlc,
  isSyncField,
  parseHlc,
  tableScope,
  type Hlc,
  type PulledChange,
} from '../../shared/sync'
import type { IsoDate } from '../../shared/kernel/iso-date'
import { DATA_TABLES } from './db'
import { openConflicts } from './sync-log'
import { freshRepos, seedDossier } from './test-support'
import { writeTransaction } from './write'

const NOW = Date.parse('2026-11-20T10:00:00.000Z')
let seq = 0
/** A change as another device ("nremote") would push it, at wall time `wallMs`. */
function remote(
  recordId: string,
  field: string,
  value: PulledChange['value'],
  wallMs: number,
  opts: { baseHlc?: Hlc | null; table?: PulledChange['table']; dossierId?: string | null } = {},
): PulledChange {
  seq++
  return {
    id: `remote-${seq}`,
    table: opts.table ?? 'dossiers',
    recordId,
    dossierId: opts.dossierId === undefined ? recordId : opts.dossierId,
    field,
    value,
    hlc: formatHlc({ wallMs, counter: 0, nodeId: 'nremote' }),
    baseHlc: opts.baseHlc ?? null,
    seq,
  }
}

describe('outbox: every local write, in the same transaction', () => {
  it('a create puts each synced field in the outbox with its own HLC, createdAt last', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const pending = await repos.sync.nextBatch(1000)
    const own = pending.filter((c) => c.recordId === dossier.id)
    expect(own.map((c) => c.field)).toContain('casemanager')
    expect(own.at(-1)?.field).toBe('createdAt')
    expect(own.every((c) => c.dossierId === dossier.id && c.baseHlc === null)).toBe(true)
    const hlcs = pending.map((c) => c.hlc)
    expect(new Set(hlcs).size).toBe(hlcs.length)
    expect([...hlcs].sort()).toEqual(hlcs)
    expect(new Set(hlcs.map((h) => parseHlc(h)?.nodeId)).size).toBe(1)
  })

  it('an update records only the changed field, based on the value it replaced', async () => {
    const { repos } = freshRepos()
    const { dossier, employee } = await seedDossier(repos)
    const before = (await repos.sync.nextBatch(1000)).find(
      (c) => c.recordId === dossier.id && c.field === 'casemanager',
    )
    const r = await repos.dossiers.update(dossier.id, {
      ...dossier,
      employeeId: employee.id,
      casemanager: 'Jeroen Bakker',
    })
    expect(r.ok).toBe(true)
    const after = (await repos.sync.nextBatch(1000)).filter(
      (c) => c.recordId === dossier.id && c.field === 'casemanager',
    )
    expect(after).toHaveLength(2)
    expect(after[1]).toMatchObject({ value: 'Jeroen Bakker', baseHlc: before?.hlc })
  })

  it('a delete is a tombstone change', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const c = await repos.contacts.create(dossier.id, {
      date: '01-11-2026',
      kind: 'gesprek',
      participants: 'werknemer',
      summary: 'Eerste gesprek.',
    })
    if (!c.ok) throw new Error(c.error.message)
    expect((await repos.contacts.remove(c.value.id)).ok).toBe(true)
    const last = (await repos.sync.nextBatch(1000)).at(-1)
    expect(last).toMatchObject({
      table: 'contacts',
      recordId: c.value.id,
      field: 'deleted',
      value: true,
    })
  })

  it('a failure mid-transaction leaves neither the record nor its outbox entry', async () => {
    const { db, repos } = freshRepos()
    await seedDossier(repos)
    const pending = await repos.sync.pendingCount()
    const changes = await db.changes.count()
    const r = await writeTransaction(
      { db, clock: () => new Date(NOW), newId: () => 'x1' },
      [db.employers],
      async () => {
        await repos.employers.list()
        await db.employers.add({ ...(await db.employers.toCollection().first())!, id: 'x1' })
        throw new Error('stroomstoring')
      },
    )
    expect(r.ok).toBe(false)
    expect(await db.employers.get('x1')).toBeUndefined()
    expect(await repos.sync.pendingCount()).toBe(pending)
    expect(await db.changes.count()).toBe(changes)
  })

  it('an outbox that cannot take the entry aborts the write itself', async () => {
    const { db, repos } = freshRepos()
    const { employer } = await seedDossier(repos)
    const taken = (await repos.sync.nextBatch(1))[0]
    if (!taken) throw new Error('no outbox entry')
    const count = await db.employers.count()
    const spy = vi
      .spyOn(crypto, 'randomUUID')
      .mockReturnValue(taken.id as `${string}-${string}-${string}-${string}-${string}`)
    const r = await repos.employers.create({ ...employer, name: 'Bloemist Dijkstra' })
    spy.mockRestore()
    expect(r.ok).toBe(false)
    expect(await db.employers.count()).toBe(count)
    expect((await repos.employers.list()).map((e) => e.name)).not.toContain('Bloemist Dijkstra')
  })

  it('the clock lives in meta and keeps counting after a reopen', async () => {
    const { db, repos } = freshRepos()
    await seedDossier(repos)
    const last = (await repos.sync.nextBatch(1000)).at(-1)?.hlc
    db.close()
    await db.open()
    const { createRepositories } = await import('./repositories')
    const again = createRepositories(db, () => new Date(NOW))
    const e = await again.employers.list()
    await again.employers.update(e[0]!.id, { ...e[0], name: 'Bakkerij Jansen & Zn.' })
    const newest = (await again.sync.nextBatch(1000)).at(-1)
    expect((newest?.hlc ?? '') > (last ?? '')).toBe(true)
    expect(parseHlc(newest!.hlc)?.nodeId).toBe(parseHlc(last!)?.nodeId)
  })

  it('every stored field of every table is a synced field (nothing is silently left out)', async () => {
    const { db, repos } = freshRepos()
    const { loadSampleData } = await import('./sample-data')
    await loadSampleData(repos, '2026-11-20' as IsoDate)
    for (const t of DATA_TABLES) {
      for (const row of (await db.table(t).toArray()) as Record<string, unknown>[]) {
        for (const k of Object.keys(row)) {
          if (k === 'id' || (k === 'dossierId' && tableScope(t) === 'dossier-child')) continue
          expect(`${t}.${k}:${isSyncField(t, k)}`).toBe(`${t}.${k}:true`)
        }
      }
    }
  })
})

describe('applying pulled changes', () => {
  it('a record new to this device appears with all its fields; nothing is re-pushed', async () => {
    const { db, repos } = freshRepos()
    const { employee } = await seedDossier(repos)
    const pending = await repos.sync.pendingCount()
    const page = [
      remote('d9', 'employeeId', employee.id, NOW),
      remote('d9', 'employerId', employee.employerId, NOW),
      remote('d9', 'casemanager', 'Karin de Wit', NOW),
      remote('d9', 'status', 'actief', NOW),
      remote('d9', 'arbodienst', {}, NOW),
      remote('d9', 'bedrijfsarts', {}, NOW),
      remote('d9', 'updatedAt', '2026-11-20T09:00:00.000Z', NOW),
      remote('d9', 'createdAt', '2026-11-20T09:00:00.000Z', NOW),
    ]
    await repos.sync.applyPulled(page.slice(0, 4), 'sync.cursor', 4)
    expect(await db.dossiers.get('d9')).toBeUndefined()
    await repos.sync.applyPulled(page.slice(4), 'sync.cursor', 8)
    expect(await db.dossiers.get('d9')).toMatchObject({
      casemanager: 'Karin de Wit',
      status: 'actief',
    })
    expect(await repos.sync.pendingCount()).toBe(pending)
    expect(await repos.sync.getMeta('sync.cursor')).toBe(8)
    expect((await repos.changes.forRecord('d9')).map((c) => c.op)).toEqual(['create'])
  })

  it('a pending local edit survives an older remote value, which is kept as a conflict', async () => {
    const { db, repos } = freshRepos()
    const { dossier, employee } = await seedDossier(repos)
    await repos.dossiers.update(dossier.id, {
      ...dossier,
      employeeId: employee.id,
      casemanager: 'Lokaal',
    })
    const pending = await repos.sync.pendingCount()
    await repos.sync.applyPulled([remote(dossier.id, 'casemanager', 'Ouder', NOW - 60_000)], 'c', 1)
    expect((await db.dossiers.get(dossier.id))?.casemanager).toBe('Lokaal')
    expect(await repos.sync.pendingCount()).toBe(pending)
    const [conflict] = await repos.sync.conflicts(dossier.id)
    expect(conflict).toMatchObject({ field: 'casemanager', current: { value: 'Lokaal' } })
    expect(conflict?.others.map((o) => o.value)).toEqual(['Ouder'])
    // The sidebar's count finds it through the index, without scanning every field.
    expect(await repos.sync.conflictCount()).toBe(1)
  })

  it('a newer remote value wins; the pending local edit is kept as a conflict and still pushed', async () => {
    const { db, repos } = freshRepos()
    const { dossier, employee } = await seedDossier(repos)
    await repos.dossiers.update(dossier.id, {
      ...dossier,
      employeeId: employee.id,
      casemanager: 'Lokaal',
    })
    await repos.sync.applyPulled(
      [remote(dossier.id, 'casemanager', 'Nieuwer', NOW + 60_000)],
      'c',
      1,
    )
    expect(await db.dossiers.get(dossier.id)).toMatchObject({
      casemanager: 'Nieuwer',
      updatedAt: new Date(NOW + 60_000).toISOString(),
    })
    expect((await repos.sync.nextBatch(1000)).some((c) => c.value === 'Lokaal')).toBe(true)
    const [conflict] = await repos.sync.conflicts(dossier.id)
    expect(conflict?.others.map((o) => o.value)).toEqual(['Lokaal'])
    // The history shows where the value came from.
    const last = (await repos.changes.forRecord(dossier.id)).at(-1)
    expect(last).toMatchObject({
      op: 'update',
      fields: { casemanager: 'Nieuwer' },
      previous: { casemanager: 'Lokaal' },
    })
  })

  it('the casemanager’s choice is a new change that settles the conflict here and where it is merged', async () => {
    const { db, repos } = freshRepos()
    const { dossier, employee } = await seedDossier(repos)
    await repos.dossiers.update(dossier.id, {
      ...dossier,
      employeeId: employee.id,
      casemanager: 'Lokaal',
    })
    await repos.sync.applyPulled(
      [remote(dossier.id, 'casemanager', 'Nieuwer', NOW + 60_000)],
      'c',
      1,
    )
    const [conflict] = await repos.sync.conflicts(dossier.id)
    if (!conflict) throw new Error('expected a conflict')
    expect((await repos.sync.resolveConflict(conflict.key, 'Lokaal')).ok).toBe(true)
    expect((await db.dossiers.get(dossier.id))?.casemanager).toBe('Lokaal')
    expect(await repos.sync.conflicts(dossier.id)).toEqual([])
    const choice = (await repos.sync.nextBatch(1000)).at(-1)
    expect(choice).toMatchObject({
      field: 'casemanager',
      value: 'Lokaal',
      baseHlc: conflict.current.hlc,
    })
    // Another device that held both values merges the choice the same way.
    const state = await db.fieldStates.get(conflict.key)
    expect(state && openConflicts(state)).toEqual([])
  })

  it('a resolution made on another device settles the conflict here; a plain edit does not', async () => {
    const { db, repos } = freshRepos()
    const { dossier, employee } = await seedDossier(repos)
    await repos.dossiers.update(dossier.id, {
      ...dossier,
      employeeId: employee.id,
      casemanager: 'Lokaal',
    })
    const theirs = remote(dossier.id, 'casemanager', 'Nieuwer', NOW + 60_000)
    await repos.sync.applyPulled([theirs], 'c', 1)
    const plain = remote(dossier.id, 'casemanager', 'Nog nieuwer', NOW + 61_000, {
      baseHlc: theirs.hlc,
    })
    await repos.sync.applyPulled([plain], 'c', 2)
    expect(await repos.sync.conflictCount(dossier.id)).toBe(1)
    const choice = {
      ...remote(dossier.id, 'casemanager', 'Lokaal', NOW + 62_000, { baseHlc: plain.hlc }),
      id: 'resolve-abc',
    }
    await repos.sync.applyPulled([choice], 'c', 3)
    expect(await repos.sync.conflictCount(dossier.id)).toBe(0)
    expect((await db.dossiers.get(dossier.id))?.casemanager).toBe('Lokaal')
  })

  it('a remote tombstone deletes the row; applying the same page twice changes nothing', async () => {
    const { db, repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const page = [remote(dossier.id, 'deleted', true, NOW + 1000)]
    expect((await repos.sync.applyPulled(page, 'c', 1)).applied).toBe(1)
    expect(await db.dossiers.get(dossier.id)).toBeUndefined()
    expect((await repos.sync.applyPulled(page, 'c', 1)).applied).toBe(0)
  })

  it('skips this device’s own changes echoed by the server', async () => {
    const { db, repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const own = (await repos.sync.nextBatch(1000)).find(
      (c) => c.recordId === dossier.id && c.field === 'status',
    )
    if (!own) throw new Error('no own change')
    const r = await repos.sync.applyPulled([{ ...own, value: 'afgesloten', seq: 1 }], 'c', 1)
    expect(r.applied).toBe(0)
    expect((await db.dossiers.get(dossier.id))?.status).toBe('actief')
  })
})
