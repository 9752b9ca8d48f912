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
} from '../schema'
import { ACCOUNT_KEY, CLOCK_KEY, CURSOR_KEY, SESSION_KEY } from '../sync-log'
import { unlockedVault } from '../test-support'

const SESSION = {
  accessToken: 'eyJ-toegangs-token-abc123',
  refreshToken: 'ververs-token-def456',
  deviceId: 'dev-1',
  serverUrl: 'https://sync.bureau-noord.nl',
  user: {
    id: 'u-1',
    organisationId: 'org-1',
    name: 'Petra Visser',
    email: 'petra@noord.nl',
    role: 'casemanager',
  },
}
const CLOCK = { wallMs: 1_764_000_000_000, counter: 3, nodeId: 'nabc' }

/** A signed-in laptop on version 7: rows encrypted, the sync login in plaintext `meta`. */
async function version7Laptop(name: string, vault: ReturnType<typeof unlockedVault>) {
  const v7 = new Dexie(name)
  v7.use(encryptionMiddleware(vault))
  v7.version(1).stores(SCHEMA_V1)
  v7.version(2).stores(SCHEMA_V2)
  v7.version(3).stores(SCHEMA_V3)
  v7.version(4).stores(SCHEMA_V4)
  v7.version(5).stores(SCHEMA_V5)
  v7.version(6).stores(SCHEMA_V6)
  v7.version(7).stores(SCHEMA_V7)
  await v7.table('meta').bulkPut([
    { key: ENCRYPTION_STATE_KEY, value: { state: 'done' } },
    { key: SESSION_KEY, value: SESSION },
    { key: ACCOUNT_KEY, value: `${SESSION.serverUrl}|${SESSION.user.id}` },
    { key: CURSOR_KEY, value: 42 },
    { key: CLOCK_KEY, value: CLOCK },
  ])
  v7.close()
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

describe('migration v7 → v8 (the sync login sealed at rest)', () => {
  it('moves the session and account out of plaintext meta into sealed storage', async () => {
    const name = `migrate-v8-${Math.random().toString(36).slice(2)}`
    const vault = unlockedVault()
    await version7Laptop(name, vault)
    const before = await rawText(name)
    for (const secret of [SESSION.accessToken, SESSION.refreshToken, SESSION.user.email])
      expect(before).toContain(secret)

    const db = new HervatDb(name, vault)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    const repos = createRepositories(db)
    // The engine finds the same login, read through the encryption layer.
    expect(await repos.sync.getSealed(SESSION_KEY)).toEqual(SESSION)
    expect(await repos.sync.getSealed(ACCOUNT_KEY)).toBe('https://sync.bureau-noord.nl|u-1')
    expect(await db.meta.get(SESSION_KEY)).toBeUndefined()
    expect(await db.meta.get(ACCOUNT_KEY)).toBeUndefined()
    // Bookkeeping that identifies no one stays where every write expects it.
    expect(await repos.sync.getMeta(CURSOR_KEY)).toBe(42)
    expect(await repos.sync.getMeta(CLOCK_KEY)).toEqual(CLOCK)
    db.close()

    const after = await rawText(name)
    for (const secret of [
      SESSION.accessToken,
      SESSION.refreshToken,
      SESSION.user.email,
      SESSION.user.name,
      SESSION.serverUrl,
    ])
      expect(after.includes(secret), secret).toBe(false)
    expect(after).toContain('"key":"sync.session"')

    // Locked, the login cannot be read at all.
    vault.lock()
    const locked = new HervatDb(name, vault)
    await expect(createRepositories(locked).sync.getSealed(SESSION_KEY)).rejects.toThrow(
      /vergrendeld/,
    )
    locked.close()
  })

  it('a laptop that never signed in upgrades without a login', async () => {
    const name = `migrate-v8-none-${Math.random().toString(36).slice(2)}`
    const vault = unlockedVault()
    const v7 = new Dexie(name)
    v7.version(7).stores(SCHEMA_V7)
    await v7.table('meta').put({ key: ENCRYPTION_STATE_KEY, value: { state: 'done' } })
    v7.close()
    const db = new HervatDb(name, vault)
    const repos = createRepositories(db)
    expect(await repos.sync.getSealed(SESSION_KEY)).toBeUndefined()
    expect(await db.sealedMeta.count()).toBe(0)
    db.close()
  })
})
