import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { encryptionMiddleware } from '../crypto/middleware'
import { ENCRYPTION_STATE_KEY } from '../crypto/state'
import { HervatDb } from '../db'
import { createRepositories } from '../repositories'
import {
  CURRENT_VERSION,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
} from '../schema'
import { USER_NAME_KEY, userNameOf } from '../settings'
import { unlockedVault } from '../test-support'

const NAME = 'Petra Visser-de Boer'

/** A laptop on version 9: encrypted rows, the user's name in the plaintext settings in `meta`. */
async function version9Laptop(name: string, settings: Record<string, unknown>) {
  const v9 = new Dexie(name)
  v9.use(encryptionMiddleware(unlockedVault()))
  v9.version(1).stores(SCHEMA_V1)
  v9.version(2).stores(SCHEMA_V2)
  v9.version(3).stores(SCHEMA_V3)
  v9.version(4).stores(SCHEMA_V4)
  v9.version(5).stores(SCHEMA_V5)
  v9.version(6).stores(SCHEMA_V6)
  v9.version(7).stores(SCHEMA_V7)
  v9.version(8).stores(SCHEMA_V8)
  v9.version(9).stores(SCHEMA_V9)
  await v9.table('meta').bulkPut([
    { key: ENCRYPTION_STATE_KEY, value: { state: 'done' } },
    { key: 'settings', value: settings },
  ])
  v9.close()
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

async function rawMeta(name: string, key: string): Promise<unknown> {
  const raw = new Dexie(name)
  await raw.open()
  const row = (await raw.table('meta').get(key)) as { value: unknown } | undefined
  raw.close()
  return row?.value
}

describe('migration v9 → v10 (the user name sealed at rest)', () => {
  it('moves the name to sealed storage; the settings needed before unlock stay readable', async () => {
    const name = `migrate-v10-${Math.random().toString(36).slice(2)}`
    const settings = { notifyEnabled: false, notifyDaysAhead: 10, lockAfterMinutes: 5 }
    await version9Laptop(name, { ...settings, userName: NAME })
    expect(await rawText(name)).toContain(NAME)

    const vault = unlockedVault()
    const db = new HervatDb(name, vault)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    const repos = createRepositories(db)
    // Read through the encryption layer, the settings are what they were (settings added in
    // later versions take their defaults).
    expect(await repos.settings.get()).toEqual({ ...settings, userName: NAME, importMappings: {} })
    // The audit trail still records who.
    const entry = await repos.audit.record({ action: 'view', objectType: 'caseload' })
    expect(entry.actorName).toBe(NAME)
    db.close()

    const after = await rawText(name)
    expect(after.includes(NAME), 'the name in plaintext').toBe(false)
    expect(after).toContain(`"key":"${USER_NAME_KEY}"`)
    // The idle lock time and the notification settings are still plaintext, as before unlock.
    expect(await rawMeta(name, 'settings')).toEqual(settings)

    // Locked, the settings the lock needs are there; the name cannot be read at all.
    vault.lock()
    const locked = new HervatDb(name, vault)
    expect(await createRepositories(locked).settings.get()).toEqual({
      ...settings,
      importMappings: {},
    })
    await expect(userNameOf(locked)).rejects.toThrow(/vergrendeld/)
    locked.close()
  })

  it('a laptop without a name upgrades with its settings unchanged and nothing sealed', async () => {
    const name = `migrate-v10-none-${Math.random().toString(36).slice(2)}`
    await version9Laptop(name, { notifyDaysAhead: 14 })
    const db = new HervatDb(name, unlockedVault())
    const repos = createRepositories(db)
    expect((await repos.settings.get()).notifyDaysAhead).toBe(14)
    expect((await repos.settings.get()).userName).toBeUndefined()
    expect(await db.sealedMeta.get(USER_NAME_KEY)).toBeUndefined()
    db.close()
  })

  it('after the upgrade, saving and clearing the name never writes it to plaintext meta', async () => {
    const name = `migrate-v10-save-${Math.random().toString(36).slice(2)}`
    await version9Laptop(name, {})
    const db = new HervatDb(name, unlockedVault())
    const repos = createRepositories(db)
    await repos.settings.update({ userName: NAME, lockAfterMinutes: 30 })
    expect(await repos.settings.get()).toMatchObject({ userName: NAME, lockAfterMinutes: 30 })
    db.close()
    expect((await rawText(name)).includes(NAME)).toBe(false)
    expect(await rawMeta(name, 'settings')).toMatchObject({ lockAfterMinutes: 30 })

    const again = new HervatDb(name, unlockedVault())
    const repos2 = createRepositories(again)
    await repos2.settings.update({ userName: undefined })
    expect((await repos2.settings.get()).userName).toBeUndefined()
    expect(await again.sealedMeta.get(USER_NAME_KEY)).toBeUndefined()
    again.close()
  })
})
