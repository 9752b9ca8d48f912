import { randomUUID } from 'node:crypto'
import { loadavg } from 'node:os'
import { buildApp } from '../src/server/app'
import { openPglite } from '../src/server/db/db'
import { migrate } from '../src/server/db/migrations'
import { hlcClock, recordLocalWrite, type SyncChange } from '../src/shared/sync'
import { createOrganisation, createUser } from '../src/server/accounts'
import type { Role } from '../src/server/auth/roles'

/**
 * `npm run bench -- sync-cost`: the server's CPU time per sync cycle on the embedded store, the
 * figure that decides how many clients one PGlite process can serve. A cycle is what a client of
 * bench/sync-bench.ts does each second: push 2 fields of one of its dossiers, then pull since its
 * cursor. Same data as that bench (5,000 dossiers, 100,000 changes, 200 accounts), in process
 * through the HTTP routes (fastify inject), one cycle at a time, measured as process CPU time
 * (user + system), so other load on the machine disturbs it less than wall time.
 */

const CYCLES = Number(process.env.SYNC_COST_CYCLES ?? 3000)
const PASSWORD = 'bench password 123'

async function main(): Promise<Record<string, number>> {
  const db = await openPglite(undefined)
  await migrate(db)
  const jwtSecret = new TextEncoder().encode(randomUUID() + randomUUID())
  const app = await buildApp({ db, jwtSecret, loginRateLimit: 1_000_000 })
  const org = await createOrganisation(db, 'Bench')
  const users: { email: string; role: Role }[] = []
  for (let k = 0; k < 200; k++) {
    const role: Role = k < 10 ? 'teamleider' : 'casemanager'
    const email = `c${k}@bench.nl`
    await createUser(
      db,
      { organisationId: org, email, name: `Client ${k}`, role, password: PASSWORD },
      { N: 1024, r: 8, p: 1 },
    )
    users.push({ email, role })
  }
  const tokens: string[] = []
  for (const u of users) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: PASSWORD, deviceName: 'bench' },
    })
    tokens.push(r.json<{ accessToken: string }>().accessToken)
  }
  const call = async (k: number, url: string, changes?: SyncChange[]): Promise<unknown> => {
    const r = await app.inject({
      method: changes ? 'POST' : 'GET',
      url,
      headers: { authorization: `Bearer ${tokens[k]}` },
      ...(changes ? { payload: { changes } } : {}),
    })
    if (r.statusCode !== 200) throw new Error(`${url} ${r.statusCode}: ${r.body}`)
    return r.json()
  }

  let clock = hlcClock('seed')
  const seed: SyncChange[] = []
  for (let d = 0; d < 5000; d++)
    for (let i = 0; i < 20; i++) {
      const w = recordLocalWrite(
        {
          table: i === 0 ? 'dossiers' : 'sickPeriods',
          recordId: i === 0 ? `bench-d${d}` : `bench-d${d}-sp${i}`,
          dossierId: `bench-d${d}`,
          fields: i === 0 ? { status: 'actief' } : { start: '2025-01-06' },
        },
        { clock, nowMs: Date.now(), newId: randomUUID, currentHlc: () => undefined },
      )
      clock = w.clock
      seed.push(...w.changes)
    }
  for (let i = 0; i < seed.length; i += 5000)
    await call(0, '/api/v1/sync/push', seed.slice(i, i + 5000))
  await db.query('ANALYZE')

  const cursors = tokens.map(() => seed.length)
  const clocks = tokens.map((_, k) => hlcClock(`c${k}`))
  const cycle = async (n: number): Promise<void> => {
    const k = n % 200
    // Casemanagers edit their own dossiers; teamleiders one of a casemanager's.
    const owner = k < 10 ? 10 + ((n * 7) % 190) : k
    const dossier = `load-${owner}-${n % 5}`
    if (k >= 10 || n > 400) {
      const w = recordLocalWrite(
        {
          table: 'dossiers',
          recordId: dossier,
          dossierId: dossier,
          fields: { status: n % 2 ? 'actief' : 'hersteld', safetyNet: 'nee' },
        },
        { clock: clocks[k]!, nowMs: Date.now(), newId: randomUUID, currentHlc: () => undefined },
      )
      clocks[k] = w.clock
      await call(k, '/api/v1/sync/push', w.changes)
    }
    const page = (await call(k, `/api/v1/sync/pull?cursor=${cursors[k]}&limit=2000`)) as {
      cursor: number
    }
    cursors[k] = page.cursor
  }
  // Warm-up: every account's dossiers exist and every statement has been prepared.
  for (let n = 0; n < 600; n++) await cycle(n)
  const load0 = loadavg()[0] ?? 0
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  for (let n = 600; n < 600 + CYCLES; n++) await cycle(n)
  const cpu = process.cpuUsage(cpu0)
  const wallMs = performance.now() - t0
  await app.close()
  await db.close()
  const cpuMsPerCycle = (cpu.user + cpu.system) / 1000 / CYCLES
  return {
    cycles: CYCLES,
    serverCpuMsPerCycle: Math.round(cpuMsPerCycle * 100) / 100,
    wallMsPerCycle: Math.round((wallMs / CYCLES) * 100) / 100,
    /** Cycles per second one fully busy core could serve. */
    cyclesPerCpuSecond: Math.round(1000 / cpuMsPerCycle),
    loadAverage1mBefore: Math.round(load0 * 10) / 10,
  }
}

main()
  .then((m) => {
    console.log(JSON.stringify(m))
    process.exit(0)
  })
  .catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
