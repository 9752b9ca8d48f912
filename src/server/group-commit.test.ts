import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  applyChanges,
  type PulledChange,
  type PushRequest,
  type PushResponse,
  type ReplicaState,
} from '../shared/sync'
import { snapshot } from '../shared/sync/sim'
import type { AccessClaims } from './auth/tokens'
import { HttpError } from './http-error'
import { createPusher } from './sync/push'
import { auth, buildWorld, change, storeFactories, type Actor, type World } from './test-support'

/**
 * Group commit (ADR 0003): pushes that arrive together share one transaction, yet each is still
 * all-or-nothing, idempotent and authorised against the database's current state.
 */
describe.each(storeFactories())('group commit on $name', (factory) => {
  let w: World
  beforeAll(async () => {
    w = await buildWorld(factory)
  }, 60_000)
  afterAll(async () => {
    await w.close()
  })

  // Role and organisation in the claims are deliberately wrong: the group reads them from the db.
  const claims = (a: Actor): AccessClaims => ({
    userId: a.id,
    deviceId: a.deviceId,
    organisationId: 'not-read-from-the-token',
    role: 'beheerder',
  })
  const req = (changes: Record<string, unknown>[]): PushRequest =>
    ({ changes }) as unknown as PushRequest

  const pullAll = async (a: Actor): Promise<PulledChange[]> => {
    const out: PulledChange[] = []
    let cursor = 0
    for (;;) {
      const r = await w.app.inject({
        method: 'GET',
        url: `/api/v1/sync/pull?cursor=${cursor}&limit=100`,
        headers: auth(a),
      })
      const body = r.json<{ changes: PulledChange[]; cursor: number; hasMore: boolean }>()
      out.push(...body.changes)
      cursor = body.cursor
      if (!body.hasMore) return out
    }
  }

  it('concurrent pushes share transactions; each is all-or-nothing, applied once, and merged as if in sequence', async () => {
    const pusher = createPusher(w.db)
    const { cmA1, cmA2, tlA } = w.actors
    const t = Date.now()
    const own = change('d-g-1', 'status', 'actief', { wallMs: t, node: 'g1' })
    const retried = [
      change('d-g-2', 'status', 'actief', { node: 'g1' }),
      change('d-g-2', 'safetyNet', 'nee', { node: 'g1' }),
    ]
    const contact = change('d-g-1', 'summary', 'eerste', {
      table: 'contacts',
      recordId: 'g-contact',
      node: 'g1',
    })
    const refused = [
      change('d-g-3', 'status', 'actief', { node: 'g3' }),
      change('d-g-1', 'status', 'x', { node: 'g3' }),
    ]
    const jobs: [Actor, Record<string, unknown>[]][] = [
      [cmA1, [own, contact]],
      // Same ids twice at once (a retry while the first is still in flight): applied once.
      [cmA1, retried],
      [cmA1, retried],
      // A teamleider overwrites without having seen the casemanager's value: a conflict.
      [tlA, [change('d-g-1', 'status', 'hersteld', { wallMs: t + 1, node: 'g2' })]],
      // Foreign dossier: the whole push is refused, its own-dossier change included.
      [cmA2, refused],
      // Append-only record edited: refused; nothing of it lands.
      [
        cmA1,
        [
          change('d-g-4', 'status', 'actief', { node: 'g1' }),
          change('d-g-1', 'summary', 'anders', { table: 'contacts', recordId: 'g-contact' }),
        ],
      ],
      [cmA1, [change('d-g-5', 'status', 'actief', { node: 'g1' })]],
      // A refused push leaves no trace for the pushes after it: d-g-3 is still free to create.
      [cmA1, [change('d-g-3', 'status', 'hersteld', { node: 'g1' })]],
    ]
    const results = await Promise.allSettled(
      jobs.map(([a, changes]) => pusher(claims(a), req(changes), Date.now())),
    )
    // The first push starts a transaction alone; the rest queue behind it and share the next.
    expect(pusher.stats.pushes).toBe(jobs.length)
    expect(pusher.stats.groups).toBeLessThan(jobs.length)

    const ok = (i: number): PushResponse => {
      const r = results[i]
      if (r?.status !== 'fulfilled') throw new Error(`push ${i} failed: ${String(r?.reason)}`)
      return r.value
    }
    const err = (i: number): HttpError => {
      const r = results[i]
      if (r?.status !== 'rejected' || !(r.reason instanceof HttpError))
        throw new Error(`push ${i} should have failed`)
      return r.reason
    }
    expect(ok(0)).toMatchObject({ accepted: 2, duplicates: 0 })
    expect([ok(1).accepted, ok(2).accepted].sort()).toEqual([0, 2])
    expect(ok(1).duplicates + ok(2).duplicates).toBe(2)
    expect(ok(3)).toMatchObject({ accepted: 1, conflicts: 1 })
    expect(err(4)).toMatchObject({ code: 'forbidden', field: 'changes.1.dossierId' })
    expect(err(5)).toMatchObject({ code: 'append-only', field: 'changes.1.field' })
    expect(ok(6).accepted).toBe(1)
    expect(ok(7).accepted).toBe(1)

    // The log holds every accepted change once, nothing of the refused pushes.
    const log = await pullAll(tlA)
    const ids = log.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const c of refused) expect(ids).not.toContain(c.id)
    expect(log.some((c) => c.dossierId === 'd-g-4')).toBe(false)
    expect(ids.filter((id) => id === retried[0]?.id)).toHaveLength(1)
    // d-g-3 was created by cmA1 (whose push came after cmA2's refused one), so it is theirs.
    const again = await w.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: auth(cmA2),
      payload: { changes: [change('d-g-3', 'status', 'actief', { node: 'g3' })] },
    })
    expect(again.statusCode).toBe(403)

    // The server's state is the shared merge of its log in seq order: the conflict is kept.
    const model: ReplicaState = new Map()
    applyChanges(model, await pullAll(tlA))
    const conflicts = await w.app.inject({
      method: 'GET',
      url: '/api/v1/dossiers/d-g-1/conflicts',
      headers: auth(tlA),
    })
    expect(conflicts.json()).toMatchObject({ conflicts: [{ field: 'status', value: 'actief' }] })
    const snap = snapshot(model) as Record<string, { v: unknown; c: string[] }>
    expect(snap['dossiers\u0000d-g-1\u0000status']).toMatchObject({ v: 'hersteld' })
    expect(snap['dossiers\u0000d-g-1\u0000status']?.c).toHaveLength(1)
  })

  it('a queued push is checked against the current device, user and role', async () => {
    const pusher = createPusher(w.db)
    const { cmA1, tlA } = w.actors
    const seed = await pusher(claims(cmA1), req([change('d-g-own')]), Date.now())
    expect(seed.accepted).toBe(1)
    // A teamleider demoted to casemanager may no longer write a colleague's dossier.
    await w.db.query(`UPDATE users SET role = 'casemanager' WHERE id = $1`, [tlA.id])
    await expect(
      pusher(claims(tlA), req([change('d-g-own', 'status', 'hersteld')]), Date.now()),
    ).rejects.toMatchObject({ code: 'forbidden' })
    await w.db.query(`UPDATE users SET role = 'teamleider' WHERE id = $1`, [tlA.id])
    // A disabled user or a device of someone else: 401, nothing applied.
    await w.db.query('UPDATE users SET disabled = true WHERE id = $1', [cmA1.id])
    const lost = change('d-g-own', 'status', 'gesloten')
    await expect(pusher(claims(cmA1), req([lost]), Date.now())).rejects.toMatchObject({
      code: 'unauthorized',
    })
    await w.db.query('UPDATE users SET disabled = false WHERE id = $1', [cmA1.id])
    await expect(
      pusher({ ...claims(cmA1), deviceId: tlA.deviceId }, req([lost]), Date.now()),
    ).rejects.toMatchObject({ code: 'unauthorized' })
    expect((await pullAll(tlA)).some((c) => c.id === lost.id)).toBe(false)
    // Through HTTP, a revoked device's push is refused with 401.
    await w.db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [cmA1.deviceId])
    const r = await w.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: auth(cmA1),
      payload: { changes: [lost] },
    })
    expect(r.statusCode).toBe(401)
    expect((await pullAll(tlA)).some((c) => c.id === lost.id)).toBe(false)
  })
})
