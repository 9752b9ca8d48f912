import { PGlite, protocol, parse as pgParse } from '@electric-sql/pglite'
import pg from 'pg'

/**
 * One SQL code path for both stores (ADR 0003): the embedded PGlite (PostgreSQL in WASM) and a
 * real PostgreSQL. PGlite is single-connection, so every query and transaction goes through one
 * queue; PostgreSQL uses a pool. Rows come back as plain objects; callers normalise int8 with
 * Number() (pg returns strings, PGlite numbers).
 */

export type Row = Record<string, unknown>
export type Queryable = { query: (sql: string, params?: readonly unknown[]) => Promise<Row[]> }
export type Db = Queryable & {
  readonly kind: 'pglite' | 'postgres'
  /**
   * One transaction. `lock`: a transaction-level advisory lock taken first (on PostgreSQL in the
   * same round trip as BEGIN; PGlite is one connection in one process, so it cannot be contended).
   */
  tx: <T>(fn: (q: Queryable) => Promise<T>, opts?: { lock?: number }) => Promise<T>
  close: () => Promise<void>
}

/** A FIFO mutex: PGlite must never see two callers at once (pglite #956). */
function queue(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn)
    tail = run.catch(() => undefined)
    return run
  }
}

/** How many distinct SQL texts PGlite keeps prepared; the code has a few dozen. */
export const MAX_PREPARED = 256

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/**
 * Named prepared statements on PGlite. `PGlite.query` parses, describes and plans every call in
 * six trips into the WASM backend; here each SQL text is parsed once (the parameter types are
 * kept) and later calls are one trip (Bind, Describe, Execute, Sync), and PostgreSQL's plan
 * cache can reuse a generic plan. Values are serialised exactly as `PGlite.query` does.
 */
function preparedQueries(
  lite: PGlite,
): (sql: string, params: readonly unknown[]) => Promise<Row[]> {
  const { serialize } = protocol
  const statements = new Map<string, { name: string; types: number[] }>()
  return async (sql, params) => {
    let st = statements.get(sql)
    if (!st) {
      // Past the cap, the unnamed statement (replaced by the next Parse), through the same path:
      // `PGlite.query` would wait for the transaction lock that `tx` already holds.
      const keep = statements.size < MAX_PREPARED
      const name = keep ? `hervat_${statements.size}` : ''
      const described = await lite.execProtocolStream(
        concat([
          serialize.parse({ name, text: sql }),
          serialize.describe({ type: 'S', name }),
          serialize.sync(),
        ]),
        { syncToFs: false },
      )
      st = { name, types: pgParse.parseDescribeStatementResults(described) }
      if (keep) statements.set(sql, st)
    }
    const types = st.types
    const values = params.map((v, i) => {
      if (v === null || v === undefined) return null
      const ser = lite.serializers[types[i] ?? 0]
      return ser ? ser(v) : String(v)
    })
    const messages = await lite.execProtocolStream(
      concat([
        serialize.bind({ statement: st.name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false },
    )
    return (pgParse.parseResults(messages, lite.parsers)[0]?.rows ?? []) as Row[]
  }
}

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const lite = dataDir ? await PGlite.create(dataDir) : await PGlite.create()
  const serial = queue()
  // Plan each execution with its values (only parsing is reused). A generic plan cannot know
  // that a casemanager has 5 dossiers while the organisation has thousands, nor that a cursor is
  // near the head: measured with bench/sync-cost.ts, generic plans cost more than replanning.
  await lite.exec('SET plan_cache_mode = force_custom_plan')
  const run = preparedQueries(lite)
  const inTx: Queryable = { query: (sql, params) => run(sql, params ?? []) }
  let closed = false
  return {
    kind: 'pglite',
    query: (sql, params) =>
      serial(async () => {
        const rows = await run(sql, params ?? [])
        // As PGlite.query does after a statement outside a transaction.
        await lite.syncToFs()
        return rows
      }),
    tx: (fn) => serial(() => lite.transaction(() => fn(inTx))),
    close: () =>
      serial(async () => {
        if (closed) return
        closed = true
        await lite.query('CHECKPOINT')
        await lite.close()
      }),
  }
}

export async function openPostgres(connectionString: string, max = 20): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max })
  pool.on('error', () => undefined)
  const q = (c: pg.Pool | pg.PoolClient): Queryable => ({
    query: async (sql, params) => (await c.query(sql, params ? [...params] : [])).rows as Row[],
  })
  await pool.query('SELECT 1')
  return {
    kind: 'postgres',
    query: q(pool).query,
    tx: async (fn, opts) => {
      const client = await pool.connect()
      try {
        await client.query(
          opts?.lock === undefined
            ? 'BEGIN'
            : `BEGIN; SELECT pg_advisory_xact_lock(${Math.trunc(opts.lock)})`,
        )
        const out = await fn(q(client))
        await client.query('COMMIT')
        return out
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
