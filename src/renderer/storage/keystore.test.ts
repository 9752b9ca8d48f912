import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { PBKDF2_ITERATIONS } from './crypto/keys'
import { Vault } from './crypto/vault'
import { HervatDb } from './db'
import { createLockSession, unlockDelayMs, type Keystore, type OsKeyStore } from './keystore'
import { createRepositories } from './repositories'
import { employerInput } from './test-support'

const PASS = 'een-goed-wachtwoord'

function freshSession(opts: { name?: string; os?: OsKeyStore; now?: () => number } = {}) {
  const name = opts.name ?? `lock-${Math.random().toString(36).slice(2)}`
  const vault = new Vault()
  const db = new HervatDb(name, vault)
  const session = createLockSession({ db, vault, iterations: 1000, ...opts })
  return { name, vault, db, session, repos: createRepositories(db) }
}

/** A stand-in OS key store that really hides the key (XOR with its own secret). */
function fakeOsKeyStore(): OsKeyStore {
  const secret = crypto.getRandomValues(new Uint8Array(32))
  const xor = (b: Uint8Array) => b.map((x, i) => x ^ (secret[i % 32] ?? 0))
  return { protect: async (k) => xor(k), unprotect: async (w) => xor(w) }
}

describe('app lock and key store', () => {
  it('asks for a passphrase on first start, of at least 10 characters, typed twice alike', async () => {
    const { session } = freshSession()
    expect(await session.state()).toEqual({ kind: 'setup' })
    const short = await session.setup('kort', 'kort')
    expect(short.ok || short.error).toMatchObject({ field: 'passphrase' })
    const differs = await session.setup(PASS, `${PASS}!`)
    expect(differs.ok || differs.error).toMatchObject({ field: 'repeat' })
    expect(await session.setup(PASS, PASS)).toEqual({ ok: true, value: undefined })
    expect(await session.state()).toEqual({ kind: 'unlocked' })
  })

  it('keeps only the wrapped key, with salt and KDF parameters, in meta', async () => {
    const { db, session } = freshSession()
    await session.setup(PASS, PASS)
    const ks = (await db.meta.get('keystore'))?.value as Keystore
    expect(ks.passphrase).toMatchObject({ kdf: 'PBKDF2-SHA256', iterations: 1000 })
    expect(ks.passphrase.salt.byteLength).toBe(16)
    expect(ks.passphrase.wrapped.byteLength).toBe(32 + 16)
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000)
  })

  it('the app itself uses 600,000 PBKDF2 iterations', async () => {
    const name = `lock-real-${Math.random().toString(36).slice(2)}`
    const vault = new Vault()
    const db = new HervatDb(name, vault)
    await createLockSession({ db, vault }).setup(PASS, PASS)
    const ks = (await db.meta.get('keystore'))?.value as Keystore
    expect(ks.passphrase.iterations).toBe(PBKDF2_ITERATIONS)
  }, 30_000)

  it('unlocks with the right passphrase only; wrong tries add a growing, stored wait', async () => {
    let clock = Date.parse('2026-11-30T10:00:00Z')
    const now = () => clock
    const first = freshSession({ now })
    await first.session.setup(PASS, PASS)
    expect((await first.repos.employers.create(employerInput)).ok).toBe(true)
    first.session.lock()
    await expect(first.repos.employers.list()).rejects.toThrow(/vergrendeld/)

    for (let i = 1; i <= 4; i++) {
      const r = await first.session.unlockWithPassphrase(`fout-${i}`)
      expect(r.ok || r.error).toEqual({ kind: 'wrong', message: 'Onjuist wachtwoord.' })
    }
    const fifth = await first.session.unlockWithPassphrase('fout-5')
    expect(fifth.ok || fifth.error).toMatchObject({
      kind: 'wrong',
      message: expect.stringContaining('over 5 seconden opnieuw'),
    })
    // Even the right passphrase waits, and a restart (a new session on the same database) too.
    const restarted = freshSession({ name: first.name, now })
    expect(await restarted.session.state()).toMatchObject({
      kind: 'locked',
      waitUntil: clock + 5000,
    })
    const early = await restarted.session.unlockWithPassphrase(PASS)
    expect(early.ok || early.error).toMatchObject({ kind: 'wait' })
    clock += 5000
    const sixth = await restarted.session.unlockWithPassphrase('fout-6')
    expect(sixth.ok || sixth.error).toMatchObject({
      message: expect.stringContaining('10 seconden'),
    })
    clock += 10_000
    expect((await restarted.session.unlockWithPassphrase(PASS)).ok).toBe(true)
    expect((await restarted.repos.employers.list()).map((e) => e.name)).toEqual(['Bakkerij Jansen'])
    // A success clears the count.
    restarted.session.lock()
    const again = await restarted.session.unlockWithPassphrase('fout')
    expect(again.ok || again.error).toEqual({ kind: 'wrong', message: 'Onjuist wachtwoord.' })
  })

  it('the wait grows with each wrong try after the fifth, up to a quarter of an hour', () => {
    expect([1, 4, 5, 6, 7, 8].map(unlockDelayMs)).toEqual([0, 0, 5000, 10_000, 20_000, 40_000])
    expect(unlockDelayMs(40)).toBe(15 * 60_000)
  })

  it('Electron: the OS key store unlocks too; the passphrase stays the fallback', async () => {
    const os = fakeOsKeyStore()
    const { name, session } = freshSession({ os })
    await session.setup(PASS, PASS)
    session.lock()
    expect(await session.state()).toMatchObject({ kind: 'locked', osKey: true })
    expect((await session.unlockWithOsKey()).ok).toBe(true)
    // Another OS account (another OS secret) cannot; the passphrase still can.
    const other = freshSession({ name, os: fakeOsKeyStore() })
    const r = await other.session.unlockWithOsKey()
    expect(r.ok).toBe(false)
    expect((await other.session.unlockWithPassphrase(PASS)).ok).toBe(true)
  })

  it('remembers a lock: locked and closed, it starts locked even where the OS key store could unlock', async () => {
    const os = fakeOsKeyStore()
    const { name, session } = freshSession({ os })
    await session.setup(PASS, PASS)
    // Closed while unlocked: the next start may unlock with the OS key store by itself.
    const closedUnlocked = freshSession({ name, os })
    expect(await closedUnlocked.session.state()).toMatchObject({ kind: 'locked', autoUnlock: true })
    expect((await closedUnlocked.session.unlockWithOsKey()).ok).toBe(true)
    // The user locks (button, menu or idle time) and quits: the next start waits for her.
    await closedUnlocked.session.lock()
    closedUnlocked.db.close()
    const afterLock = freshSession({ name, os })
    const locked = await afterLock.session.state()
    expect(locked).toMatchObject({ kind: 'locked', osKey: true })
    expect(locked).not.toHaveProperty('autoUnlock')
    // She unlocks herself (either way); from then on a plain close is as before.
    expect((await afterLock.session.unlockWithPassphrase(PASS)).ok).toBe(true)
    afterLock.db.close()
    expect(await freshSession({ name, os }).session.state()).toMatchObject({ autoUnlock: true })
    // Without an OS key store (a browser) there is never an automatic unlock.
    expect(await freshSession({ name }).session.state()).not.toHaveProperty('autoUnlock')
  })
})
