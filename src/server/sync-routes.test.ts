import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auth, buildWorld, change, storeFactories, type World } from './test-support'

describe.each(storeFactories())('sync routes on $name', (factory) => {
  let w: World
  beforeAll(async () => {
    w = await buildWorld(factory)
  }, 60_000)
  afterAll(async () => {
    await w.close()
  })

  const push = (actor: keyof World['actors'], changes: unknown[]) =>
    w.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: auth(w.actors[actor]),
      payload: { changes },
    })
  const pull = (actor: keyof World['actors'], qs = 'cursor=0') =>
    w.app.inject({ method: 'GET', url: `/api/v1/sync/pull?${qs}`, headers: auth(w.actors[actor]) })
  const pulledDossiers = async (actor: keyof World['actors']): Promise<Set<string>> => {
    const body = (await pull(actor, 'cursor=0&limit=10000')).json<{
      changes: { dossierId: string | null }[]
    }>()
    return new Set(body.changes.map((c) => c.dossierId ?? 'org'))
  }

  it('push then pull returns the change with a seq, and a retried push applies nothing twice', async () => {
    const c = change('d-own-1', 'status', 'actief')
    const first = await push('cmA1', [c])
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ accepted: 1, duplicates: 0 })
    const again = await push('cmA1', [c, c])
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 2 })
    const body = (await pull('cmA1', 'cursor=0')).json<{
      changes: { id: string; seq: number }[]
      total: number
    }>()
    expect(body.changes.filter((x) => x.id === c.id)).toHaveLength(1)
    expect(body.total).toBeGreaterThanOrEqual(1)
  })

  it('every API route needs a token; errors come in one envelope', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/sync/pull'],
      ['POST', '/api/v1/sync/push'],
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/devices'],
    ] as const) {
      const r = await w.app.inject({ method, url })
      expect(r.statusCode).toBe(401)
      expect(r.json()).toMatchObject({ error: { code: 'unauthorized' } })
    }
    const bad = await w.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer nonsense' },
    })
    expect(bad.statusCode).toBe(401)
    expect(
      (
        await w.app.inject({ method: 'GET', url: '/api/v1/nope', headers: auth(w.actors.tlA) })
      ).json(),
    ).toMatchObject({ error: { code: 'not-found' } })
    expect((await w.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200)
  })

  it('malformed, oversized or foreign payloads: 400 naming the field, nothing applied', async () => {
    const good = change('d-val-1')
    const cases: [unknown, string][] = [
      [{ ...change('d-val-1'), table: 'salaries' }, 'changes.1.table'],
      [{ ...change('d-val-1'), field: 'diagnosis' }, 'changes.1.field'],
      [{ ...change('d-val-1'), value: 'x'.repeat(20_000) }, 'changes.1.value'],
      [{ ...change('d-val-1'), extra: 1 }, 'changes.1'],
      [change('d-val-1', 'status', 'actief', { wallMs: Date.now() + 3_600_000 }), 'changes.1.hlc'],
    ]
    for (const [bad, field] of cases) {
      const r = await push('cmA1', [good, bad])
      expect(r.statusCode).toBe(400)
      expect(r.json()).toMatchObject({ error: { code: 'validation', field } })
    }
    const notJson = await w.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: { ...auth(w.actors.cmA1), 'content-type': 'application/json' },
      payload: '{"changes": [',
    })
    expect(notJson.statusCode).toBe(400)
    expect(notJson.json()).toMatchObject({ error: { field: 'body' } })
    expect(await pulledDossiers('tlA')).not.toContain('d-val-1')
  })

  it('authorisation matrix on push and pull', async () => {
    expect((await push('cmA1', [change('d-m-1')])).statusCode).toBe(200)
    expect((await push('cmA2', [change('d-m-2')])).statusCode).toBe(200)
    expect((await push('tlB', [change('d-m-b')])).statusCode).toBe(200)
    // Pull: casemanagers see their own; teamleider and beheerder all of their organisation's.
    const seen = {
      cmA1: await pulledDossiers('cmA1'),
      cmA2: await pulledDossiers('cmA2'),
      tlA: await pulledDossiers('tlA'),
      adminA: await pulledDossiers('adminA'),
      tlB: await pulledDossiers('tlB'),
    }
    expect(seen.cmA1.has('d-m-1') && !seen.cmA1.has('d-m-2') && !seen.cmA1.has('d-m-b')).toBe(true)
    expect(seen.cmA2.has('d-m-2') && !seen.cmA2.has('d-m-1')).toBe(true)
    for (const s of [seen.tlA, seen.adminA])
      expect(s.has('d-m-1') && s.has('d-m-2') && !s.has('d-m-b')).toBe(true)
    expect(seen.tlB.has('d-m-b') && !seen.tlB.has('d-m-1')).toBe(true)
    // Push: into someone else's dossier, or another organisation's, is 403 and applies nothing.
    const child = (d: string) =>
      change(d, 'summary', 'verslag', {
        table: 'contacts',
        recordId: `c-${d}-${Math.random().toString(36).slice(2)}`,
      })
    const r = await push('cmA1', [child('d-m-1'), child('d-m-2')])
    expect(r.statusCode).toBe(403)
    expect(r.json()).toMatchObject({ error: { code: 'forbidden', field: 'changes.1.dossierId' } })
    expect((await push('tlB', [child('d-m-1')])).statusCode).toBe(403)
    expect((await push('tlA', [child('d-m-1'), child('d-m-2')])).statusCode).toBe(200)
    expect((await push('adminA', [child('d-m-2')])).statusCode).toBe(200)
    // Per-dossier pull outside one's rights.
    expect((await pull('cmA1', 'cursor=0&dossierId=d-m-2')).statusCode).toBe(403)
    expect((await pull('tlB', 'cursor=0&dossierId=d-m-1')).statusCode).toBe(403)
    // A record id of another organisation cannot be taken over.
    const hijack = change('d-m-b2', 'name', 'x', { table: 'employers', recordId: 'emp-b' })
    expect((await push('tlB', [{ ...hijack, dossierId: null }])).statusCode).toBe(200)
    const steal = await push('tlA', [
      { ...change('x', 'name', 'y', { table: 'employers', recordId: 'emp-b' }), dossierId: null },
    ])
    expect(steal.statusCode).toBe(403)
  })

  it('reassignment by a teamleider moves the dossier; a casemanager may not reassign', async () => {
    await push('cmA1', [change('d-r-1')])
    const url = '/api/v1/dossiers/d-r-1/assignment'
    const denied = await w.app.inject({
      method: 'PUT',
      url,
      headers: auth(w.actors.cmA1),
      payload: { casemanagerId: w.actors.cmA2.id },
    })
    expect(denied.statusCode).toBe(403)
    const foreign = await w.app.inject({
      method: 'PUT',
      url,
      headers: auth(w.actors.tlB),
      payload: { casemanagerId: w.actors.tlB.id },
    })
    expect(foreign.statusCode).toBe(404)
    const ok = await w.app.inject({
      method: 'PUT',
      url,
      headers: auth(w.actors.tlA),
      payload: { casemanagerId: w.actors.cmA2.id },
    })
    expect(ok.statusCode).toBe(200)
    expect(await pulledDossiers('cmA2')).toContain('d-r-1')
    expect(await pulledDossiers('cmA1')).not.toContain('d-r-1')
    expect((await push('cmA1', [change('d-r-1')])).statusCode).toBe(403)
  })

  it('a concurrent overwrite is kept as a conflict record; append-only records cannot be edited', async () => {
    const t = Date.now()
    const a = change('d-c-1', 'status', 'actief', { wallMs: t, node: 'nA' })
    const b = change('d-c-1', 'status', 'hersteld', { wallMs: t + 1, node: 'nB' })
    await push('tlA', [a])
    expect((await push('tlA', [b])).json()).toMatchObject({ conflicts: 1 })
    const conflicts = await w.app.inject({
      method: 'GET',
      url: '/api/v1/dossiers/d-c-1/conflicts',
      headers: auth(w.actors.tlA),
    })
    expect(conflicts.json()).toMatchObject({ conflicts: [{ field: 'status', value: 'actief' }] })
    const first = change('d-c-1', 'summary', 'eerste', { table: 'contacts', recordId: 'contact-1' })
    expect((await push('tlA', [first])).statusCode).toBe(200)
    const edit = change('d-c-1', 'summary', 'gewijzigd', {
      table: 'contacts',
      recordId: 'contact-1',
    })
    const r = await push('tlA', [edit])
    expect(r.statusCode).toBe(409)
    expect(r.json()).toMatchObject({ error: { code: 'append-only', field: 'changes.0.field' } })
  })

  it('pull is paginated and reports progress', async () => {
    const changes = Array.from({ length: 25 }, (_, i) => change(`d-p-${i}`))
    await push('cmA2', changes)
    let cursor = 0
    let pages = 0
    const ids = new Set<string>()
    for (;;) {
      const body = (await pull('cmA2', `cursor=${cursor}&limit=7`)).json<{
        changes: { id: string }[]
        cursor: number
        hasMore: boolean
        headSeq: number
      }>()
      body.changes.forEach((c) => ids.add(c.id))
      pages++
      cursor = body.cursor
      expect(body.headSeq).toBeGreaterThanOrEqual(cursor)
      if (!body.hasMore) break
    }
    expect(pages).toBeGreaterThan(3)
    for (const c of changes) expect(ids.has(String(c.id))).toBe(true)
  })

  it('a role or organisation changed after the token was issued counts at once in a pull', async () => {
    // The pull checks the device in its own statement (pullForDevice): the token still says
    // teamleider, the account now says casemanager, so only the caller's own dossiers come back.
    await push('cmA1', [change('d-role-cm1')])
    await push('tlA', [change('d-role-tl', 'status', 'actief')])
    expect((await pulledDossiers('tlA')).has('d-role-cm1')).toBe(true)
    await w.db.query(`UPDATE users SET role = 'casemanager' WHERE id = $1`, [w.actors.tlA.id])
    try {
      const seen = await pulledDossiers('tlA')
      expect(seen.has('d-role-cm1')).toBe(false)
      // A dossier a teamleider creates is assigned to them, so it is still theirs.
      expect(seen.has('d-role-tl')).toBe(true)
      await w.db.query(`UPDATE users SET organisation_id = $1 WHERE id = $2`, [
        w.orgB,
        w.actors.tlA.id,
      ])
      expect((await pulledDossiers('tlA')).has('d-role-tl')).toBe(false)
    } finally {
      await w.db.query(`UPDATE users SET role = 'teamleider', organisation_id = $1 WHERE id = $2`, [
        w.orgA,
        w.actors.tlA.id,
      ])
    }
  })
})
