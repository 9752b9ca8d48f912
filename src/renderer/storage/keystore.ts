import Dexie from 'dexie'
import type { Result } from '../../shared/kernel/errors'
import {
  blindIndex,
  copy,
  deriveDataKeys,
  newDataKey,
  unwrapWithPassphrase,
  wrapWithPassphrase,
  type DataKeys,
  type PassphraseWrap,
} from './crypto/keys'
import { ENCRYPTION_STATE_KEY, KEYSTORE_KEY, LOCKED_KEY, UNLOCK_FAILURES_KEY } from './crypto/state'
import type { Vault } from './crypto/vault'
import type { HervatDb } from './db'
import { encryptExistingRows } from './migrations/v7-encryption'

/** What `meta.keystore` holds: the data key, wrapped; never the key itself. */
export type Keystore = {
  readonly version: 1
  readonly passphrase: PassphraseWrap
  /** Electron: the data key encrypted by the OS key store (safeStorage). */
  readonly os?: { readonly wrapped: Uint8Array }
  /** A keyed hash of a fixed text: tells a wrong key (e.g. from another OS account) at once. */
  readonly check: string
}

const keyCheck = (keys: DataKeys) => blindIndex(keys, 'hervat/key-check', 'v1')

export type UnlockFailures = { readonly count: number; readonly lastAt: string }

/** The OS key store through the desktop bridge; both answer `null` where it is unavailable. */
export type OsKeyStore = {
  readonly protect: (key: Uint8Array) => Promise<Uint8Array | null>
  readonly unprotect: (wrapped: Uint8Array) => Promise<Uint8Array | null>
}

export const MIN_PASSPHRASE_LENGTH = 10
/** Wrong tries that cost nothing; from the fifth on, each adds a growing wait. */
export const FREE_TRIES = 4

/** The wait before the next try after `count` wrong ones: 0, then 5 s, 10 s, 20 s, … ≤ 15 min. */
export function unlockDelayMs(count: number): number {
  if (count <= FREE_TRIES) return 0
  return Math.min(5_000 * 2 ** (count - FREE_TRIES - 1), 15 * 60_000)
}

export type LockState =
  | { readonly kind: 'setup' }
  | {
      readonly kind: 'locked'
      readonly osKey: boolean
      readonly waitUntil?: number
      /**
       * The OS key store may unlock at start without a click: it can, and the user did not lock
       * Hervat before it closed (a lock is remembered across a restart).
       */
      readonly autoUnlock?: boolean
    }
  | { readonly kind: 'unlocked' }

export type UnlockError =
  | { readonly kind: 'wrong'; readonly message: string; readonly waitUntil?: number }
  | { readonly kind: 'wait'; readonly message: string; readonly waitUntil: number }

const seconds = (ms: number) => Math.ceil(ms / 1000)
const waitMessage = (ms: number) =>
  `Te veel verkeerde pogingen. Probeer het over ${seconds(ms)} seconden opnieuw.`

/**
 * Reads meta rows without opening the versioned database (which would run upgrades before the
 * key exists): a schema-less connection that is closed again at once. `undefined` for a
 * database that does not exist yet.
 */
async function peekMeta(name: string, keys: readonly string[]): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>()
  if (!(await Dexie.exists(name))) return found
  const peek = new Dexie(name)
  try {
    await peek.open()
    if (!peek.tables.some((t) => t.name === 'meta')) return found
    for (const key of keys) {
      const row = (await peek.table('meta').get(key)) as { value: unknown } | undefined
      if (row) found.set(key, row.value)
    }
    return found
  } finally {
    peek.close()
  }
}

async function writeMeta(db: HervatDb, key: string, value: unknown): Promise<void> {
  if (db.isOpen()) {
    await db.meta.put({ key, value })
    return
  }
  const peek = new Dexie(db.name)
  try {
    await peek.open()
    await peek.table('meta').put({ key, value })
  } finally {
    peek.close()
  }
}

/**
 * The app lock: first-run setup, unlock by passphrase or OS key, and lock. Holds no key itself:
 * the vault does, and only while unlocked. The database opens on the first unlock, so upgrades
 * (and the v7 encryption of existing rows) run with the key present.
 */
export function createLockSession(opts: {
  readonly db: HervatDb
  readonly vault: Vault
  readonly os?: OsKeyStore
  readonly now?: () => number
  /** Tests only: fewer PBKDF2 iterations. The app always uses PBKDF2_ITERATIONS. */
  readonly iterations?: number
}) {
  const { db, vault } = opts
  const now = opts.now ?? (() => Date.now())

  const readState = async () => {
    const keys = [KEYSTORE_KEY, UNLOCK_FAILURES_KEY, LOCKED_KEY]
    if (db.isOpen()) {
      const rows = await db.meta.bulkGet(keys)
      return {
        keystore: rows[0]?.value as Keystore | undefined,
        failures: rows[1]?.value as UnlockFailures | undefined,
        locked: rows[2]?.value === true,
      }
    }
    const m = await peekMeta(db.name, keys)
    return {
      keystore: m.get(KEYSTORE_KEY) as Keystore | undefined,
      failures: m.get(UNLOCK_FAILURES_KEY) as UnlockFailures | undefined,
      locked: m.get(LOCKED_KEY) === true,
    }
  }

  const waitUntilOf = (f: UnlockFailures | undefined) => {
    if (!f) return undefined
    const until = Date.parse(f.lastAt) + unlockDelayMs(f.count)
    return until > now() ? until : undefined
  }

  /**
   * Checks the key, opens the database (first time), encrypts rows still in plaintext, and turns
   * on strict reading. `false` when the key is not this database's.
   */
  const enter = async (raw: Uint8Array<ArrayBuffer>, check: string | undefined) => {
    const keys = await deriveDataKeys(raw)
    raw.fill(0)
    if (check !== undefined && (await keyCheck(keys)) !== check) return false
    vault.unlock(keys)
    try {
      if (!db.isOpen()) await db.open()
      await encryptExistingRows(db)
      vault.strict = true
      await db.meta.delete(LOCKED_KEY)
      return true
    } catch (e) {
      vault.lock()
      throw e
    }
  }

  return {
    state: async (): Promise<LockState> => {
      if (vault.unlocked) return { kind: 'unlocked' }
      const { keystore, failures, locked } = await readState()
      if (!keystore) return { kind: 'setup' }
      const until = waitUntilOf(failures)
      const osKey = !!keystore.os && !!opts.os
      return {
        kind: 'locked',
        osKey,
        ...(until ? { waitUntil: until } : {}),
        ...(osKey && !locked ? { autoUnlock: true } : {}),
      }
    },

    /** First start: a new data key, wrapped by the passphrase (and the OS key store if any). */
    setup: async (passphrase: string, repeat: string): Promise<Result<void>> => {
      if (passphrase.length < MIN_PASSPHRASE_LENGTH)
        return {
          ok: false,
          error: {
            kind: 'validation',
            field: 'passphrase',
            message: `Kies een wachtwoord van minstens ${MIN_PASSPHRASE_LENGTH} tekens.`,
          },
        }
      if (passphrase !== repeat)
        return {
          ok: false,
          error: {
            kind: 'validation',
            field: 'repeat',
            message: 'De wachtwoorden zijn niet gelijk.',
          },
        }
      if ((await readState()).keystore)
        return {
          ok: false,
          error: { kind: 'conflict', message: 'Er is al een wachtwoord ingesteld.' },
        }
      const raw = newDataKey()
      const wrapped = await wrapWithPassphrase(raw, passphrase, opts.iterations)
      const osWrapped = opts.os ? await opts.os.protect(raw) : null
      const keystore: Keystore = {
        version: 1,
        passphrase: wrapped,
        ...(osWrapped ? { os: { wrapped: osWrapped } } : {}),
        check: await keyCheck(await deriveDataKeys(raw)),
      }
      await enter(raw, undefined)
      await db.meta.put({ key: KEYSTORE_KEY, value: keystore })
      return { ok: true, value: undefined }
    },

    unlockWithPassphrase: async (passphrase: string): Promise<Result<void, UnlockError>> => {
      const { keystore, failures } = await readState()
      if (!keystore)
        return {
          ok: false,
          error: { kind: 'wrong', message: 'Er is nog geen wachtwoord ingesteld.' },
        }
      const blockedUntil = waitUntilOf(failures)
      if (blockedUntil)
        return {
          ok: false,
          error: {
            kind: 'wait',
            message: waitMessage(blockedUntil - now()),
            waitUntil: blockedUntil,
          },
        }
      const raw = await unwrapWithPassphrase(keystore.passphrase, passphrase)
      if (!raw) {
        const next: UnlockFailures = {
          count: (failures?.count ?? 0) + 1,
          lastAt: new Date(now()).toISOString(),
        }
        await writeMeta(db, UNLOCK_FAILURES_KEY, next)
        const delay = unlockDelayMs(next.count)
        return {
          ok: false,
          error: {
            kind: 'wrong',
            message: delay ? `Onjuist wachtwoord. ${waitMessage(delay)}` : 'Onjuist wachtwoord.',
            ...(delay ? { waitUntil: now() + delay } : {}),
          },
        }
      }
      if (!(await enter(raw, keystore.check)))
        return {
          ok: false,
          error: { kind: 'wrong', message: 'Deze sleutel hoort niet bij deze gegevens.' },
        }
      if (failures) await db.meta.delete(UNLOCK_FAILURES_KEY)
      return { ok: true, value: undefined }
    },

    /** Electron: the OS key store unwraps the data key for the logged-in user. */
    unlockWithOsKey: async (): Promise<Result<void, UnlockError>> => {
      const { keystore } = await readState()
      const raw = keystore?.os && opts.os ? await opts.os.unprotect(keystore.os.wrapped) : null
      const failed = {
        ok: false,
        error: {
          kind: 'wrong',
          message: 'De sleutel van dit systeem werkt niet; gebruik uw wachtwoord.',
        },
      } as const
      if (!raw || raw.byteLength !== 32 || !keystore) return failed
      if (!(await enter(copy(raw), keystore.check))) return failed
      return { ok: true, value: undefined }
    },

    /**
     * Drops the key: from now on nothing personal can be read until the next unlock. Remembered,
     * so a Hervat closed while locked starts locked even where the OS key store could unlock it.
     */
    lock: (): Promise<void> => {
      vault.lock()
      return writeMeta(db, LOCKED_KEY, true)
    },
  }
}

export type LockSession = ReturnType<typeof createLockSession>
export { ENCRYPTION_STATE_KEY }
