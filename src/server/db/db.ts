import { PGlite } from '@electric-sql/pglite'
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

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const lite = dataDir ? await PGlite.create(dataDir) : await PGlite.create()
  const serial = queue()
  const q = (target: Pick<PGlite, 'query'>): Queryable => ({
    query: async (sql, params) => (await target.query<Row>(sql, params ? [...params] : [])).rows,
  })
  let closed = false
  return {
    kind: 'pglite',
    query: (sql, params) => serial(() => q(lite).query(sql, params)),
    tx: (fn) => serial(() => lite.transaction((t) => fn(q(t)))),
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
