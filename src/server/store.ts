import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import type { ServerConfig } from './config'
import { openPglite, openPostgres, type Db } from './db/db'
import { migrate } from './db/migrations'

/**
 * Opens the configured store and brings its schema up to date. The embedded store takes a lock
 * file first: two processes on one PGlite data dir corrupt it (pglite #327).
 */
export async function openStore(config: ServerConfig): Promise<{ db: Db; release: () => void }> {
  let release = (): void => undefined
  let db: Db
  if (config.databaseUrl) db = await openPostgres(config.databaseUrl)
  else {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
    release = takeLock(join(config.dataDir, 'server.lock'))
    db = await openPglite(join(config.dataDir, 'pgdata'))
  }
  await migrate(db)
  return { db, release }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function takeLock(file: string): () => void {
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'))
    if (pid && pid !== process.pid && alive(pid)) {
      throw new Error(`De datamap is in gebruik door proces ${pid}.`)
    }
    rmSync(file, { force: true })
  }
  const fd = openSync(file, 'wx', 0o600)
  writeSync(fd, String(process.pid))
  closeSync(fd)
  return () => rmSync(file, { force: true })
}
