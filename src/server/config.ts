import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Zero configuration: everything has a default; the environment overrides it. */
export type ServerConfig = {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly databaseUrl: string | undefined
  /** The desktop app's update feed (docs/adr/0014), served read-only under /updates/. */
  readonly updatesDir?: string | undefined
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'hervat-server')
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'hervat-server')
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'hervat-server')
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Ongeldige PORT: ${env.PORT}`)
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: env.HERVAT_DATA_DIR ?? defaultDataDir(env),
    databaseUrl: env.DATABASE_URL || undefined,
    updatesDir: env.HERVAT_UPDATES_DIR || undefined,
  }
}

/** The JWT signing key: HERVAT_JWT_SECRET, else generated on first run, stored 0600 in the data dir. */
export function loadJwtSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  if (env.HERVAT_JWT_SECRET) {
    if (env.HERVAT_JWT_SECRET.length < 32)
      throw new Error('HERVAT_JWT_SECRET moet minstens 32 tekens zijn.')
    return new TextEncoder().encode(env.HERVAT_JWT_SECRET)
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const file = join(dataDir, 'jwt-secret')
  if (!existsSync(file))
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' })
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim())
}
