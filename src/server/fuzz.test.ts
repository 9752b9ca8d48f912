import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYNC_TABLES, syncFields } from '../shared/sync'
import type { ServerErrorEntry } from './http-error'
import { auth, buildWorld, change, PASSWORD, storeFactories, type World } from './test-support'

/**
 * Property-based fuzzing of push and login (ADR 0012) on both stores: generated strings with NUL,
 * lone surrogates, huge and deeply nested values, in every part of a request. Whatever comes in:
 * no 5xx (and nothing logged as one), a refused push applies nothing, and the server stays
 * healthy. `npm run fuzz` runs it longer (HERVAT_FUZZ_RUNS inputs per property and store).
 */

const RUNS = Number(process.env.HERVAT_FUZZ_RUNS ?? 40)

const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.oneof(fc.constant('\u0000'), surrogate, fc.string({ minLength: 1, maxLength: 1 })),
  }),
  fc.constant('\u0000'),
  fc.constant('\ud800'),
  fc.integer({ min: 2_000, max: 40_000 }).map((n) => 'x'.repeat(n)),
  fc.constant(' victim@a.test\t'),
)
const deep = fc.integer({ min: 1, max: 300 }).map((d) => {
  let v: unknown = 'x'
  for (let i = 0; i < d; i++) v = i % 2 ? [v] : { k: v }
  return v
})
const value: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  deep,
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(nasty, nasty, { maxKeys: 3 }),
  fc.constantFrom(null, true, 42, 'actief', '02-03-2026', { $gt: '' }, [1, 2, 3]),
)
const table = fc.oneof(fc.constantFrom(...SYNC_TABLES), nasty)
const fuzzChange = fc
  .record({
    table,
    field: fc.oneof(fc.constantFrom(...syncFields('dossiers'), ...syncFields('audit')), nasty),
    value,
    recordId: fc.oneof(fc.constantFrom('d-fz-1', 'd-fz-2', 'rec-1'), nasty),
    dossierId: fc.oneof(fc.constantFrom('d-fz-1', 'd-fz-2', null), nasty),
    id: fc.oneof(fc.uuid(), nasty),
    keepHlc: fc.boolean(),
    hlc: nasty,
  })
  .map((f) => {
    const base = change(typeof f.dossierId === 'string' ? f.dossierId : 'd-fz-1')
    return {
      ...base,
      id: f.id,
      table: f.table,
      field: f.field,
      value: f.value,
      recordId: f.recordId,
      dossierId: f.dossierId,
      ...(f.keepHlc ? {} : { hlc: f.hlc }),
    }
  })

describe.each(storeFactories())('fuzzing push and login on $name', (factory) => {
  let w: World
  const logged: ServerErrorEntry[] = []
  beforeAll(async () => {
    w = await buildWorld(factory, 1_000_000, { errorLog: (e) => logged.push(e) })
  }, 60_000)
  afterAll(async () => w.close())

  const logCount = async () =>
    Number((await w.db.query('SELECT count(*) AS n FROM changes'))[0]?.n ?? 0)

  it('push: no 5xx, a refused push applies nothing, the server stays healthy', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fuzzChange, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (changes, withValid) => {
          const body = { changes: withValid ? [change('d-fz-1'), ...changes] : changes }
          const before = await logCount()
          const r = await w.app.inject({
            method: 'POST',
            url: '/api/v1/sync/push',
            headers: auth(w.actors.cmA1),
            payload: body,
          })
          expect(r.statusCode).toBeLessThan(500)
          if (r.statusCode !== 200) expect(await logCount()).toBe(before)
        },
      ),
      { numRuns: RUNS },
    )
    expect(logged).toEqual([])
    expect((await w.app.inject({ url: '/health' })).statusCode).toBe(200)
  })

  it('login: no 5xx for any e-mail, password or device name; the server stays healthy', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          email: value,
          password: fc.oneof(value, fc.constant(PASSWORD)),
          deviceName: value,
        }),
        async (payload) => {
          const r = await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload })
          expect(r.statusCode).toBeLessThan(500)
        },
      ),
      { numRuns: RUNS },
    )
    expect(logged).toEqual([])
    expect((await w.app.inject({ url: '/health' })).statusCode).toBe(200)
  })
})
