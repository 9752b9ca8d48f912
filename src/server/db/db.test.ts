import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_PREPARED, openPglite, type Db } from './db'

describe('PGlite with named prepared statements', () => {
  let db: Db
  beforeAll(async () => {
    db = await openPglite(undefined)
    await db.query('CREATE TABLE t (id text PRIMARY KEY, n int NOT NULL)')
  })
  afterAll(() => db.close())

  it('binds parameters of every kind, and a repeated statement gives fresh results', async () => {
    await db.query('INSERT INTO t (id, n) SELECT unnest($1::text[]), unnest($2::int[])', [
      ['a', 'b', 'c'],
      [1, 2, 3],
    ])
    const sql = 'SELECT id, n FROM t WHERE id = ANY($1::text[]) AND n > $2 ORDER BY id'
    expect(await db.query(sql, [['a', 'b', 'c'], 1])).toEqual([
      { id: 'b', n: 2 },
      { id: 'c', n: 3 },
    ])
    expect(await db.query(sql, [['a'], 0])).toEqual([{ id: 'a', n: 1 }])
    expect(await db.query('SELECT $1::text AS x', [null])).toEqual([{ x: null }])
  })

  it('an error names the problem and leaves the connection usable; a failed transaction leaves nothing', async () => {
    await expect(db.query('INSERT INTO t (id, n) VALUES ($1, $2)', ['a', 9])).rejects.toThrow(
      /duplicate key/,
    )
    await expect(
      db.tx(async (q) => {
        await q.query('INSERT INTO t (id, n) VALUES ($1, $2)', ['z', 26])
        await q.query('INSERT INTO t (id, n) VALUES ($1, $2)', ['a', 9])
      }),
    ).rejects.toThrow(/duplicate key/)
    expect(await db.query('SELECT count(*)::int AS c FROM t WHERE id = $1', ['z'])).toEqual([
      { c: 0 },
    ])
  })

  it('past the cache cap, statements still run, also inside a transaction', async () => {
    const n = await db.tx(async (q) => {
      let sum = 0
      for (let i = 0; i <= MAX_PREPARED + 5; i++) {
        const [r] = await q.query(`SELECT $1::int + ${i} AS v`, [1])
        sum += Number(r?.v)
      }
      return sum
    })
    const k = MAX_PREPARED + 6
    expect(n).toBe(k + (k * (k - 1)) / 2)
    expect(await db.query('SELECT $1::int * 2 AS v', [21])).toEqual([{ v: 42 }])
  })
})
