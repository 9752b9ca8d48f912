import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { initialise } from '../server/accounts'
import { buildApp } from '../server/app'
import { loadJwtSecret } from '../server/config'
import { openStore } from '../server/store'
import type { EmbeddedSyncSession } from '../shared/ipc/contract'

/**
 * The sync server inside the desktop app (docs/adr/0005): `npm start` needs no setup. Main runs
 * src/server in-process on PGlite in the app's userData folder, on a free loopback port. On
 * first run it provisions a local organisation and one user; the user's password stays in main
 * (encrypted with Electron `safeStorage` where the OS offers it) and the renderer only ever gets
 * tokens for this device. No Electron import: index.ts passes safeStorage in, tests pass fakes.
 */

/** Electron's `safeStorage`, or null where the OS has no keychain. */
export type SecretBox = {
  readonly encrypt: (plain: string) => Buffer
  readonly decrypt: (sealed: Buffer) => string
}

export type EmbeddedServerOptions = {
  /** e.g. `join(app.getPath('userData'), 'sync-server')`; created when missing. */
  readonly dataDir: string
  readonly secretBox: SecretBox | null
  readonly deviceName: string
  /** 0 = any free port (the default). */
  readonly port?: number
}

export type EmbeddedServer = {
  readonly url: string
  /** Signs this device in on the embedded server (a new device registration each time). */
  readonly session: () => Promise<EmbeddedSyncSession>
  /** CHECKPOINT, close, release the data folder lock. */
  readonly close: () => Promise<void>
}

const ACCOUNT_FILE = 'embedded-account.json'
export const EMBEDDED_EMAIL = 'casemanager@hervat.lokaal'

type StoredAccount = { email: string; password: string; sealed: boolean }

function readAccount(file: string, box: SecretBox | null): { email: string; password: string } {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredAccount
  if (!stored.sealed) return { email: stored.email, password: stored.password }
  if (!box) throw new Error('Het wachtwoord van de ingebouwde server is versleuteld opgeslagen.')
  return { email: stored.email, password: box.decrypt(Buffer.from(stored.password, 'base64')) }
}

function writeAccount(file: string, box: SecretBox | null, email: string, password: string) {
  const stored: StoredAccount = box
    ? { email, password: box.encrypt(password).toString('base64'), sealed: true }
    : { email, password, sealed: false }
  writeFileSync(file, JSON.stringify(stored), { mode: 0o600, flag: 'wx' })
}

export async function startEmbeddedServer(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { db, release } = await openStore({
    port: opts.port ?? 0,
    host: '127.0.0.1',
    dataDir: opts.dataDir,
    databaseUrl: undefined,
  })
  try {
    const accountFile = join(opts.dataDir, ACCOUNT_FILE)
    if (!existsSync(accountFile)) {
      const password = randomBytes(24).toString('base64url')
      await initialise(db, {
        organisationName: 'Eigen praktijk',
        email: EMBEDDED_EMAIL,
        name: 'Casemanager',
        password,
      })
      writeAccount(accountFile, opts.secretBox, EMBEDDED_EMAIL, password)
    }
    const account = readAccount(accountFile, opts.secretBox)
    const app = await buildApp({ db, jwtSecret: loadJwtSecret(opts.dataDir, {}) })
    await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' })
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    return {
      url,
      session: async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { ...account, deviceName: opts.deviceName },
        })
        if (res.statusCode !== 200)
          throw new Error(`Inloggen op de ingebouwde server mislukt (${res.statusCode}).`)
        const body = res.json<Omit<EmbeddedSyncSession, 'serverUrl'>>()
        return {
          serverUrl: url,
          accessToken: body.accessToken,
          refreshToken: body.refreshToken,
          deviceId: body.deviceId,
          user: body.user,
        }
      },
      close: async () => {
        await app.close()
        await db.close()
        release()
      },
    }
  } catch (e) {
    await db.close()
    release()
    throw e
  }
}
