import { spawn, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import {
  applyChanges,
  changesToApply,
  fieldKey,
  hlcClock,
  receiveAll,
  recordLocalWrite,
  type HlcClock,
  type Json,
  type PulledChange,
  type ReplicaState,
  type SyncChange,
  type SyncTable,
} from '../src/shared/sync'

/**
 * `npm run bench -- sync`: the sync figures of issue 5, over loopback HTTP against a server in its
 * own process (bench/sync-bench-server.ts). Embedded store unless DATABASE_URL is set.
 * 1. first sync: a fresh client pulls 5,000 dossiers × 20 fields (100,000 changes); target < 10 s.
 * 2. load: SYNC_BENCH_CLIENTS (200) clients for SYNC_BENCH_SECONDS (60 s). Each client is a
 *    replica built from the shared client protocol (recordLocalWrite, changesToApply,
 *    applyChanges): every ~1 s (0.8-1.2 s) it edits 1-3 fields of one record, pushes its outbox and
 *    pulls until it is up to date. Casemanagers edit their own 5 dossiers; teamleiders (10) edit
 *    any casemanager's dossier, so concurrent overwrites and conflict records happen. Afterwards
 *    every client syncs once more and its replica (winners and conflicts) is compared with the
 *    server's stored state of what it may see; every acknowledged change id must be in the log.
 *    Target: p99 of every request < 200 ms, zero errors, zero lost changes, zero diverged clients.
 */

const DOSSIERS = 5000
const FIELDS = 20
const CLIENTS = Number(process.env.SYNC_BENCH_CLIENTS ?? 200)
const TEAMLEADERS = Number(process.env.SYNC_BENCH_TEAMLEADERS ?? 10)
const SECONDS = Number(process.env.SYNC_BENCH_SECONDS ?? 60)
const INTERVAL_MS = 1000
const DOSSIERS_PER_CM = 5
const PASSWORD = 'bench password 123'

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
const round = (x: number): number => Math.round(x * 10) / 10
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!

type Started = {
  port: number
  store: string
  seeder: string
  users: { email: string; role: string }[]
}

function startServer(): Promise<{
  info: Started
  send: (cmd: string) => Promise<unknown>
  proc: ReturnType<typeof spawn>
}> {
  // SYNC_BENCH_SERVER_NODE_ARGS: extra node flags for the server process (e.g. --cpu-prof).
  const nodeArgs = (process.env.SYNC_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const proc = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', join(__dirname, 'sync-bench-server.ts')],
    {
      env: {
        ...process.env,
        SYNC_BENCH_CLIENTS: String(CLIENTS),
        SYNC_BENCH_TEAMLEADERS: String(TEAMLEADERS),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const lines = createInterface({ input: proc.stdout! })
  const waiters: ((x: unknown) => void)[] = []
  let first: ((x: Started) => void) | undefined
  const ready = new Promise<Started>((r) => (first = r))
  lines.on('line', (l) => {
    const msg = JSON.parse(l) as unknown
    if (first) {
      first(msg as Started)
      first = undefined
    } else waiters.shift()?.(msg)
  })
  proc.on('exit', (code) => {
    if (code !== 0) console.error(`bench server exited ${code}`)
  })
  return ready.then((info) => ({
    info,
    proc,
    send: (cmd) =>
      new Promise((r) => {
        waiters.push(r)
        proc.stdin!.write(`${cmd}\n`)
      }),
  }))
}

type PullPage = { changes: PulledChange[]; cursor: number; hasMore: boolean; headSeq: number }

export async function runSyncBench(): Promise<Record<string, number | string>> {
  const server = await startServer()
  const base = `http://127.0.0.1:${server.info.port}`
  const dumpDir = mkdtempSync(join(tmpdir(), 'hervat-bench-dump-'))
  try {
    const login = async (email: string): Promise<string> => {
      const r = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD, deviceName: 'bench' }),
      })
      if (r.status !== 200) throw new Error(`login ${r.status}: ${await r.text()}`)
      return ((await r.json()) as { accessToken: string }).accessToken
    }
    const call = (token: string, path: string, body?: unknown): Promise<Response> =>
      fetch(`${base}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      })

    // Seed 100,000 field changes through the API.
    const seeder = await login(server.info.seeder)
    let clock = hlcClock('seed')
    const all: SyncChange[] = []
    for (let d = 0; d < DOSSIERS; d++) {
      for (let i = 0; i < FIELDS; i++) {
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
        all.push(...w.changes)
      }
    }
    const t0 = performance.now()
    for (let i = 0; i < all.length; i += 5000) {
      const r = await call(seeder, '/api/v1/sync/push', { changes: all.slice(i, i + 5000) })
      if (r.status !== 200) throw new Error(`seed push ${r.status}: ${await r.text()}`)
    }
    const seedMs = performance.now() - t0
    await server.send('analyze')

    // First sync of a fresh device.
    const fresh = await login(server.info.seeder)
    const t1 = performance.now()
    let cursor = 0
    let received = 0
    for (;;) {
      const r = await call(fresh, `/api/v1/sync/pull?cursor=${cursor}&limit=10000`)
      if (r.status !== 200) throw new Error(`first sync ${r.status}`)
      const body = (await r.json()) as PullPage
      received += body.changes.length
      cursor = body.cursor
      if (!body.hasMore) break
    }
    const firstSyncMs = performance.now() - t1
    if (received !== all.length) throw new Error(`first sync received ${received} of ${all.length}`)
    const seedHead = cursor

    // Load.
    type Client = {
      k: number
      role: string
      token: string
      node: string
      clock: HlcClock
      replica: ReplicaState
      outbox: SyncChange[]
      cursor: number
      nextId: number
      dossiers: string[]
    }
    const clients: Client[] = []
    for (const [k, u] of server.info.users.entries()) {
      clients.push({
        k,
        role: u.role,
        token: await login(u.email),
        node: `c${k}`,
        clock: hlcClock(`c${k}`),
        replica: new Map(),
        outbox: [],
        cursor: seedHead,
        nextId: 0,
        dossiers: Array.from({ length: DOSSIERS_PER_CM }, (_, j) => `load-${k}-${j}`),
      })
    }
    /** Dossiers whose creation a push acknowledged: teamleiders edit only those. */
    const created: string[] = []
    const pushLat: number[] = []
    const pullLat: number[] = []
    const errorSamples: string[] = []
    let errors = 0
    let acceptedChanges = 0
    let pulledChanges = 0
    const acked = new Set<string>()
    const fail = (what: string): void => {
      errors++
      if (errorSamples.length < 5) errorSamples.push(what)
    }

    const write = (c: Client): void => {
      let dossier: string
      if (c.role === 'casemanager') dossier = pick(c.dossiers)
      else if (created.length) dossier = pick(created)
      else return
      const sick = Math.random() < 0.5
      const fields: Record<string, Json> = sick
        ? { start: `2025-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}` }
        : Object.fromEntries(
            (
              [
                ['status', pick(['actief', 'hersteld', 'gesloten'])],
                ['safetyNet', pick(['ja', 'nee', 'onbekend'])],
                ['workAccident', Math.random() < 0.5],
              ] as [string, Json][]
            ).slice(0, 1 + Math.floor(Math.random() * 3)),
          )
      const w = recordLocalWrite(
        {
          table: (sick ? 'sickPeriods' : 'dossiers') as SyncTable,
          recordId: sick ? `${dossier}-sp` : dossier,
          dossierId: dossier,
          fields,
        },
        {
          clock: c.clock,
          nowMs: Date.now(),
          newId: () => `${c.node}-${c.nextId++}`,
          currentHlc: (t, r, f) => c.replica.get(fieldKey(t, r, f))?.winner.hlc,
        },
      )
      c.clock = w.clock
      applyChanges(c.replica, w.changes)
      c.outbox.push(...w.changes)
    }
    const timeline: [number, number][] = []
    const pushOutbox = async (c: Client): Promise<void> => {
      if (!c.outbox.length) return
      const batch = c.outbox.slice()
      const t = performance.now()
      try {
        const r = await call(c.token, '/api/v1/sync/push', { changes: batch })
        const text = await r.text()
        pushLat.push(performance.now() - t)
        timeline.push([t, performance.now() - t])
        if (r.status !== 200) return fail(`push ${r.status} ${text.slice(0, 200)}`)
        acceptedChanges += (JSON.parse(text) as { accepted: number }).accepted
        for (const ch of batch) acked.add(ch.id)
        c.outbox = c.outbox.slice(batch.length)
        if (c.role === 'casemanager')
          for (const d of new Set(batch.map((ch) => ch.dossierId)))
            if (d && !created.includes(d)) created.push(d)
      } catch (e) {
        pushLat.push(performance.now() - t)
        fail(`push ${String(e)}`)
      }
    }
    const pullAll = async (c: Client): Promise<void> => {
      for (;;) {
        const t = performance.now()
        try {
          const r = await call(c.token, `/api/v1/sync/pull?cursor=${c.cursor}&limit=2000`)
          const text = await r.text()
          pullLat.push(performance.now() - t)
          timeline.push([t, performance.now() - t])
          if (r.status !== 200) return fail(`pull ${r.status} ${text.slice(0, 200)}`)
          const page = JSON.parse(text) as PullPage
          pulledChanges += page.changes.length
          const theirs = changesToApply(page.changes, c.node)
          c.clock = receiveAll(c.clock, theirs, Date.now())
          applyChanges(c.replica, theirs)
          c.cursor = page.cursor
          if (!page.hasMore) return
        } catch (e) {
          pullLat.push(performance.now() - t)
          return fail(`pull ${String(e)}`)
        }
      }
    }

    const lag = monitorEventLoopDelay({ resolution: 10 })
    lag.enable()
    const load0 = loadavg()[0] ?? 0
    const tLoad = performance.now()
    const end = tLoad + SECONDS * 1000
    await Promise.all(
      clients.map(async (c) => {
        await sleep(Math.random() * INTERVAL_MS)
        while (performance.now() < end) {
          const next = performance.now() + INTERVAL_MS * (0.8 + Math.random() * 0.4)
          write(c)
          await pushOutbox(c)
          await pullAll(c)
          await sleep(Math.max(0, next - performance.now()))
        }
      }),
    )
    const loadMs = performance.now() - tLoad
    if (process.env.SYNC_BENCH_TIMELINE) {
      const buckets = new Map<number, number[]>()
      for (const [t, ms] of timeline) {
        const b = Math.floor((t - tLoad) / 2000)
        buckets.set(b, [...(buckets.get(b) ?? []), ms])
      }
      for (const [b, xs] of [...buckets].sort((x, y) => x[0] - y[0])) {
        const s = xs.sort((x, y) => x - y)
        console.error(
          `t=${b * 2}s n=${s.length} p50=${round(pct(s, 50))} p99=${round(pct(s, 99))} max=${round(s[s.length - 1] ?? 0)}`,
        )
      }
    }
    lag.disable()
    const load1 = loadavg()[0] ?? 0
    // Latency figures cover the load phase only; the settling round below is not timed.
    const loadPush = pushLat.slice()
    const loadPull = pullLat.slice()
    const loadAccepted = acceptedChanges
    const requests = loadPush.length + loadPull.length

    // Settle: every client pushes what is left, then everyone pulls to the end.
    for (const c of clients) await pushOutbox(c)
    await Promise.all(clients.map((c) => pullAll(c)))
    const unsent = clients.reduce((n, c) => n + c.outbox.length, 0)

    // Compare every replica with the server's stored state of what that client may see.
    const dumpFile = join(dumpDir, 'state.json')
    await server.send(`dump ${dumpFile}`)
    const dump = JSON.parse(readFileSync(dumpFile, 'utf8')) as {
      fields: { table_name: string; record_id: string; field: string; value: string; hlc: string }[]
      conflicts: { table_name: string; record_id: string; field: string; hlc: string }[]
      changeIds: string[]
    }
    const serverState = new Map<string, { v: Json; h: string; c: string[] }>()
    for (const f of dump.fields)
      serverState.set(fieldKey(f.table_name, f.record_id, f.field), {
        v: JSON.parse(f.value) as Json,
        h: f.hlc,
        c: [],
      })
    for (const x of dump.conflicts)
      serverState.get(fieldKey(x.table_name, x.record_id, x.field))?.c.push(x.hlc)
    const inLog = new Set(dump.changeIds)
    const lost = [...acked].filter((id) => !inLog.has(id)).length
    const duplicated = dump.changeIds.length - inLog.size
    let diverged = 0
    let compared = 0
    for (const c of clients) {
      const sees = (key: string): boolean =>
        c.role !== 'casemanager' || key.split('\u0000')[1]?.startsWith(`load-${c.k}-`) === true
      const want = [...serverState].filter(([k]) => sees(k))
      const got = [...c.replica].filter(([k]) => k.split('\u0000')[1]?.startsWith('load'))
      let same = want.length === got.length
      for (const [k, s] of want) {
        const r = c.replica.get(k)
        compared++
        if (
          !r ||
          r.winner.hlc !== s.h ||
          JSON.stringify(r.winner.value) !== JSON.stringify(s.v) ||
          JSON.stringify(r.conflicts.map((x) => x.hlc)) !== JSON.stringify(s.c)
        )
          same = false
      }
      if (!same) diverged++
    }
    if (errorSamples.length) console.error('sample errors:', errorSamples)

    const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b)
    const both = sorted([...loadPush, ...loadPull])
    const pu = sorted(loadPush)
    const pl = sorted(loadPull)
    return {
      store: server.info.store,
      seedChanges: all.length,
      seedPushMs: round(seedMs),
      firstSyncChanges: received,
      firstSyncMs: round(firstSyncMs),
      loadClients: CLIENTS,
      loadTeamleiders: TEAMLEADERS,
      loadSeconds: SECONDS,
      loadRate: `each client every ${INTERVAL_MS * 0.8}-${INTERVAL_MS * 1.2} ms: edit 1-3 fields, push, pull until up to date`,
      loadRequests: requests,
      loadRequestsPerSecond: round(requests / (loadMs / 1000)),
      loadPushes: loadPush.length,
      loadPulls: loadPull.length,
      loadAcceptedChangesPerSecond: round(loadAccepted / (loadMs / 1000)),
      loadPulledChanges: pulledChanges,
      loadP50Ms: round(pct(both, 50)),
      loadP95Ms: round(pct(both, 95)),
      loadP99Ms: round(pct(both, 99)),
      loadMaxMs: round(both[both.length - 1] ?? 0),
      pushP50Ms: round(pct(pu, 50)),
      pushP99Ms: round(pct(pu, 99)),
      pullP50Ms: round(pct(pl, 50)),
      pullP99Ms: round(pct(pl, 99)),
      loadErrors: errors,
      loadAcknowledgedChanges: acked.size,
      loadLostChanges: lost,
      loadDuplicatedChanges: duplicated,
      loadUnsentChanges: unsent,
      loadFieldsCompared: compared,
      loadDivergedClients: diverged,
      benchClientEventLoopP99Ms: round(lag.percentile(99) / 1e6),
      loadAverage1mBefore: round(load0),
      loadAverage1mAfter: round(load1),
      uptime: spawnSync('uptime', { encoding: 'utf8' }).stdout.trim(),
    }
  } finally {
    await server.send('stop')
    rmSync(dumpDir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('sync-bench.ts')) {
  runSyncBench()
    .then((m) => {
      console.log(JSON.stringify(m))
      process.exit(0)
    })
    .catch((e: unknown) => {
      console.error(e)
      process.exit(1)
    })
}
