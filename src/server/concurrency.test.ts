import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate, MIGRATIONS, SchemaStateError } from './db/migrations'
import { auth, buildWorld, change, storeFactories, type World } from './test-support'

describe.each(storeFactories())('log ordering and schema state on $name', (factory) => {
  let w: World
  beforeAll(async () => {
    w = await buildWorld(factory)
  }, 60_000)
  afterAll(async () => {
    await w.close()
  })

  it('pulls running while pushes commit concurrently never skip a change', async () => {
    const writers = 8
    const pushesEach = 10
    let done = false
    const seen = new Set<string>()
    const reader = (async () => {
      let cursor = 0
      for (;;) {
        const finished = done
        const r = await w.app.inject({
          method: 'GET',
          url: `/api/v1/sync/pull?cursor=${cursor}&limit=50`,
          headers: auth(w.actors.tlA),
        })
        const body = r.json<{
          changes: { id: string; seq: number }[]
          cursor: number
          hasMore: boolean
        }>()
        for (const c of body.changes) {
          expect(c.seq).toBeGreaterThan(cursor)
          seen.add(c.id)
        }
        cursor = body.cursor
        if (finished && !body.hasMore) return
        // A real client's next pull goes over the network; in-process inject on the embedded
        // store (a cached token, PGlite) can complete in microtasks only, which would starve the
        // writers' requests forever.
        await new Promise((r) => setImmediate(r))
      }
    })()
    const pushed: string[] = []
    await Promise.all(
      Array.from({ length: writers }, async (_, k) => {
        for (let p = 0; p < pushesEach; p++) {
          const batch = Array.from({ length: 5 }, (_, i) =>
            change(`d-cc-${k}-${p}-${i}`, 'status', 'actief', { node: `w${k}` }),
          )
          pushed.push(...batch.map((c) => String(c.id)))
          const r = await w.app.inject({
            method: 'POST',
            url: '/api/v1/sync/push',
            headers: auth(w.actors.tlA),
            payload: { changes: batch },
          })
          expect(r.statusCode).toBe(200)
        }
      }),
    )
    done = true
    await reader
    for (const id of pushed) expect(seen.has(id)).toBe(true)
  }, 60_000)

  it('refuses to start on an unknown schema state', async () => {
    await w.db.query(
      `INSERT INTO schema_migrations (version, name) VALUES (999, 'from-the-future')`,
    )
    await expect(migrate(w.db)).rejects.toBeInstanceOf(SchemaStateError)
    await w.db.query('DELETE FROM schema_migrations WHERE version = 999')
    await expect(migrate(w.db)).resolves.toEqual([])
    const renamed = MIGRATIONS.map((m) => ({ ...m, name: `${m.name}-x` }))
    await expect(migrate(w.db, renamed)).rejects.toBeInstanceOf(SchemaStateError)
  })
})
