import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createOrganisation, createUser } from '../src/server/accounts'
import { buildApp } from '../src/server/app'
import { openPglite, openPostgres, type Db } from '../src/server/db/db'
import { migrate } from '../src/server/db/migrations'

/**
 * `npx tsx bench/sync-bench.ts`: the sync figures of the issue, over loopback HTTP.
 * 1. first sync: a fresh client pulls 5,000 dossiers × 20 fields (100,000 changes); target < 10 s.
 * 2. load: 200 clients push and pull for SYNC_BENCH_SECONDS (default 60); target p99 < 200 ms,
 *    zero errors, zero lost changes. Embedded store unless DATABASE_URL is set.
 */

const DOSSIERS = 5000
const FIELDS = 20
const CLIENTS = Number(process.env.SYNC_BENCH_CLIENTS ?? 200)
const SECONDS = Number(process.env.SYNC_BENCH_SECONDS ?? 60)
const PASSWORD = 'bench password 123'

type Change = Record<string, unknown>
let seq = 0
const hlc = (node: string): string =>
  `${String(Date.now()).padStart(15, '0')}-${String(seq++ % 99_999).padStart(5, '0')}-${node}`
const dossierChanges = (d: string, node: string, n: number): Change[] =>
  Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    table: i === 0 ? 'dossiers' : 'sickPeriods',
    recordId: i === 0 ? d : `${d}-sp${i}`,
    dossierId: d,
    field: i === 0 ? 'status' : 'start',
    value: i === 0 ? 'actief' : '2025-01-06',
    hlc: hlc(node),
    baseHlc: null,
  }))

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0
}
const round = (x: number): number => Math.round(x * 10) / 10

export async function runSyncBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'hervat-bench-'))
  const db: Db = process.env.DATABASE_URL
    ? await openPostgres(process.env.DATABASE_URL, 30)
    : await openPglite(join(dir, 'pgdata'))
  await migrate(db)
  const app = await buildApp({
    db,
    jwtSecret: new TextEncoder().encode(randomUUID() + randomUUID()),
    loginRateLimit: 100_000,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const addr = app.server.address()
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
  try {
    const org = await createOrganisation(db, `Bench ${randomUUID()}`)
    const email = `tl-${randomUUID()}@bench.nl`
    await createUser(db, {
      organisationId: org,
      email,
      name: 'TL',
      role: 'teamleider',
      password: PASSWORD,
    })
    const login = async (who = email): Promise<string> => {
      const r = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: who, password: PASSWORD, deviceName: 'bench' }),
      })
      return ((await r.json()) as { accessToken: string }).accessToken
    }
    const call = async (token: string, path: string, body?: unknown): Promise<Response> =>
      fetch(`${base}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      })

    // Seed 100,000 field changes through the API.
    const seeder = await login()
    const all = Array.from({ length: DOSSIERS }, (_, d) =>
      dossierChanges(`bench-d${d}`, 'seed', FIELDS),
    ).flat()
    const t0 = performance.now()
    for (let i = 0; i < all.length; i += 5000) {
      const r = await call(seeder, '/api/v1/sync/push', { changes: all.slice(i, i + 5000) })
      if (r.status !== 200) throw new Error(`seed push ${r.status}: ${await r.text()}`)
    }
    const seedMs = performance.now() - t0

    // First sync of a fresh client.
    const fresh = await login()
    const t1 = performance.now()
    let cursor = 0
    let received = 0
    for (;;) {
      const body = (await (
        await call(fresh, `/api/v1/sync/pull?cursor=${cursor}&limit=10000`)
      ).json()) as {
        changes: unknown[]
        cursor: number
        hasMore: boolean
      }
      received += body.changes.length
      cursor = body.cursor
      if (!body.hasMore) break
    }
    const firstSyncMs = performance.now() - t1
    if (received !== all.length) throw new Error(`first sync received ${received} of ${all.length}`)

    // Load: CLIENTS casemanagers (each sees only their own dossiers), each pushing 5 changes and
    // pulling about once a second. Their passwords use a cheap scrypt cost: this measures sync.
    const tokens: string[] = []
    for (let k = 0; k < CLIENTS; k++) {
      const cm = `cm${k}-${randomUUID()}@bench.nl`
      await createUser(
        db,
        {
          organisationId: org,
          email: cm,
          name: `CM ${k}`,
          role: 'casemanager',
          password: PASSWORD,
        },
        { N: 1024, r: 8, p: 1 },
      )
      tokens.push(await login(cm))
    }
    const latencies: number[] = []
    let errors = 0
    let pushedIds = 0
    const end = performance.now() + SECONDS * 1000
    const client = async (token: string, k: number): Promise<void> => {
      let cur = cursor
      await new Promise((r) => setTimeout(r, Math.random() * 1000))
      while (performance.now() < end) {
        const changes = dossierChanges(`load-${k}`, `c${k}`, 5)
        let t = performance.now()
        const p = await call(token, '/api/v1/sync/push', { changes })
        latencies.push(performance.now() - t)
        if (p.status === 200) pushedIds += changes.length
        else errors++
        await p.arrayBuffer()
        t = performance.now()
        const r = await call(token, `/api/v1/sync/pull?cursor=${cur}&limit=2000`)
        latencies.push(performance.now() - t)
        if (r.status !== 200) errors++
        else cur = ((await r.json()) as { cursor: number }).cursor
        await new Promise((res) => setTimeout(res, 800 + Math.random() * 400))
      }
    }
    await Promise.all(tokens.map((t, k) => client(t, k)))
    const [stored] = await db.query(
      `SELECT count(*) AS n FROM changes WHERE dossier_id LIKE 'load-%'`,
    )
    return {
      seedChanges: all.length,
      seedPushMs: round(seedMs),
      firstSyncChanges: received,
      firstSyncMs: round(firstSyncMs),
      loadClients: CLIENTS,
      loadSeconds: SECONDS,
      loadRequests: latencies.length,
      loadP50Ms: round(pct(latencies, 50)),
      loadP99Ms: round(pct(latencies, 99)),
      loadErrors: errors,
      loadLostChanges: pushedIds - Number(stored?.n ?? 0),
    }
  } finally {
    await app.close()
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('sync-bench.ts')) {
  runSyncBench()
    .then((m) => console.log(JSON.stringify(m, null, 2)))
    .catch((e: unknown) => {
      console.error(e)
      process.exit(1)
    })
}
