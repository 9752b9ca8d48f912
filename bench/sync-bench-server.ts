import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { buildApp } from '../src/server/app'
import { openPglite, type Db } from '../src/server/db/db'
import { migrate } from '../src/server/db/migrations'
import {
  FAST_SCRYPT,
  freshPostgresDatabase,
  seedOrganisation,
  seedUsers,
  type SeedUser,
} from '../src/server/test-support'

/**
 * The server side of bench/sync-bench.ts, in its own process (as in production: the clients'
 * work does not share the server's event loop). Embedded store in a fresh on-disk data dir, or a
 * fresh database on DATABASE_URL (dropped afterwards). Prints one JSON line with the port and the
 * accounts, then answers commands on stdin: `analyze` (after the seed), `dump <file>` writes the server's state of the load
 * records (field states, conflicts, change ids); `stop` closes everything.
 */

const CLIENTS = Number(process.env.SYNC_BENCH_CLIENTS ?? 200)
const TEAMLEADERS = Number(process.env.SYNC_BENCH_TEAMLEADERS ?? 10)
export const BENCH_PASSWORD = 'bench password 123'

async function open(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL
  if (url) return freshPostgresDatabase(url, 'hervat_bench')
  const dir = mkdtempSync(join(tmpdir(), 'hervat-bench-'))
  const db = await openPglite(join(dir, 'pgdata'))
  return {
    db,
    drop: async () => {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function main(): Promise<void> {
  const { db, drop } = await open()
  await migrate(db)
  const app = await buildApp({
    db,
    jwtSecret: new TextEncoder().encode(randomUUID() + randomUUID()),
    loginRateLimit: 100_000,
  })
  const seeder = 'seed@bench.nl'
  const { organisationId } = await seedOrganisation(
    db,
    'Bench',
    [{ email: seeder, name: 'Seed', role: 'teamleider' }],
    BENCH_PASSWORD,
  )
  // Load accounts use a cheap scrypt cost: this bench measures sync, not login.
  const load: SeedUser[] = Array.from({ length: CLIENTS }, (_, k) => ({
    email: `c${k}@bench.nl`,
    name: `Client ${k}`,
    role: k < TEAMLEADERS ? 'teamleider' : 'casemanager',
  }))
  const seeded = await seedUsers(db, organisationId, load, BENCH_PASSWORD, FAST_SCRYPT)
  const users = seeded.map(({ email, role }) => ({ email, role }))
  await app.listen({ port: 0, host: '127.0.0.1' })
  const addr = app.server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  console.log(JSON.stringify({ port, store: db.kind, seeder, users }))

  for await (const line of createInterface({ input: process.stdin })) {
    const [cmd, arg] = line.trim().split(' ')
    if (cmd === 'analyze') {
      // After the bulk seed, as autovacuum would do within its next round: table statistics.
      await db.query('ANALYZE changes, field_state, conflicts, record_scope, dossier_access')
      console.log(JSON.stringify({ analyzed: true }))
    } else if (cmd === 'dump' && arg) {
      const load = `record_id LIKE 'load%'`
      const fields = await db.query(
        `SELECT table_name, record_id, field, value, hlc FROM field_state WHERE ${load}`,
      )
      const conflicts = await db.query(
        `SELECT table_name, record_id, field, hlc FROM conflicts WHERE ${load} ORDER BY hlc`,
      )
      const ids = await db.query(`SELECT change_id FROM changes WHERE ${load}`)
      writeFileSync(
        arg,
        JSON.stringify({
          fields,
          conflicts,
          changeIds: ids.map((r) => String(r.change_id)),
        }),
      )
      console.log(JSON.stringify({ dumped: arg }))
    } else if (cmd === 'stop') {
      await app.close()
      // A busy cluster may still have an autovacuum worker in the database; report, don't fail.
      await drop().catch((e: unknown) => console.error(`bench database not dropped: ${String(e)}`))
      console.log(JSON.stringify({ stopped: true }))
      process.exit(0)
    }
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
