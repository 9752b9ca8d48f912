import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import type { Hlc, SyncChange } from '../../../shared/sync'
import { HervatDb } from '../db'
import {
  CURRENT_VERSION,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
} from '../schema'

describe('migration v7 → v9 (refused changes of transferred dossiers)', () => {
  it('keeps every v7 record and outbox entry and adds the empty refusedChanges table', async () => {
    const name = `migrate-v9-${Math.random().toString(36).slice(2)}`
    // A laptop on version 7 with a dossier and a change waiting in the outbox.
    const v7 = new Dexie(name)
    v7.version(1).stores(SCHEMA_V1)
    v7.version(2).stores(SCHEMA_V2)
    v7.version(3).stores(SCHEMA_V3)
    v7.version(4).stores(SCHEMA_V4)
    v7.version(5).stores(SCHEMA_V5)
    v7.version(6).stores(SCHEMA_V6)
    v7.version(7).stores(SCHEMA_V7)
    await v7
      .table('dossiers')
      .add({ id: 'd1', employerId: 'w1', employeeId: 'e1', status: 'actief' })
    const change: SyncChange = {
      id: 'ch1',
      table: 'dossiers',
      recordId: 'd1',
      dossierId: 'd1',
      field: 'status',
      value: 'hersteld',
      hlc: '001764400000000-00001-nabc' as Hlc,
      baseHlc: null,
    }
    await v7.table('outbox').add(change)
    v7.close()

    const db = new HervatDb(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(CURRENT_VERSION).toBeGreaterThanOrEqual(9)
    expect(await db.dossiers.get('d1')).toMatchObject({ status: 'actief' })
    expect(await db.outbox.get('ch1')).toEqual(change)
    expect(await db.refusedChanges.count()).toBe(0)
    // The new table and its dossier index answer.
    await db.refusedChanges.add({
      id: 'ch1',
      dossierId: 'd1',
      change,
      refusedAt: '2026-11-30T09:00:00.000Z',
      reason: 'transferred',
    })
    expect(await db.refusedChanges.where('dossierId').equals('d1').count()).toBe(1)
    db.close()
  })
})
