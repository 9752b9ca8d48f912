import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auth, buildWorld, change, storeFactories, type World } from './test-support'

type Actor = keyof World['actors']
type Pulled = {
  changes: { id: string; recordId: string; dossierId: string | null }[]
  cursor: number
  hasMore: boolean
  revoked: string[]
}

/** A dossier reassigned away must leave the previous casemanager's devices (ADR 0003). */
describe.each(storeFactories())('access revocations on $name', (factory) => {
  let w: World
  beforeAll(async () => {
    w = await buildWorld(factory)
  }, 60_000)
  afterAll(async () => {
    await w.close()
  })

  const push = (actor: Actor, changes: unknown[]) =>
    w.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: auth(w.actors[actor]),
      payload: { changes },
    })
  const pull = async (actor: Actor, cursor: number, limit = 1000): Promise<Pulled> => {
    const r = await w.app.inject({
      method: 'GET',
      url: `/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`,
      headers: auth(w.actors[actor]),
    })
    expect(r.statusCode).toBe(200)
    return r.json<Pulled>()
  }
  /** Pulls until up to date; every page's revoked ids, and the final cursor. */
  const catchUp = async (actor: Actor, from: number, limit = 1000) => {
    let cursor = from
    const revoked: string[] = []
    const ids: string[] = []
    for (;;) {
      const p = await pull(actor, cursor, limit)
      revoked.push(...p.revoked)
      ids.push(...p.changes.map((c) => c.id))
      cursor = p.cursor
      if (!p.hasMore) return { cursor, revoked, ids }
    }
  }
  const assign = async (dossierId: string, to: Actor) => {
    const r = await w.app.inject({
      method: 'PUT',
      url: `/api/v1/dossiers/${dossierId}/assignment`,
      headers: auth(w.actors.tlA),
      payload: { casemanagerId: w.actors[to].id },
    })
    expect(r.statusCode).toBe(200)
  }
  const contact = (dossierId: string, n: number) =>
    change(dossierId, 'summary', `verslag ${n}`, {
      table: 'contacts',
      recordId: `c-${dossierId}-${n}`,
    })

  it('reassigned away: the previous casemanager’s next pull lists it once; the new one has it', async () => {
    const d = 'd-rv-1'
    const history = [change(d, 'status', 'actief'), contact(d, 1)]
    expect((await push('cmA1', history)).statusCode).toBe(200)
    const start = await catchUp('cmA1', 0)
    expect(start.revoked).toEqual([])
    await assign(d, 'cmA2')

    const after = await catchUp('cmA1', start.cursor)
    expect(after.revoked).toEqual([d])
    expect(after.cursor).toBeGreaterThan(start.cursor)
    // Listed once: from the new cursor it is not repeated.
    expect((await catchUp('cmA1', after.cursor)).revoked).toEqual([])
    // The new casemanager received the whole history; no one else was told to remove it.
    const cm2 = await catchUp('cmA2', 0)
    for (const c of history) expect(cm2.ids).toContain(c.id)
    expect(cm2.revoked).not.toContain(d)
    // A change the previous casemanager still had in their outbox is refused, naming the field,
    // and nothing of that push is applied.
    const own = change('d-rv-own', 'status', 'actief')
    const late = await push('cmA1', [own, contact(d, 2)])
    expect(late.statusCode).toBe(403)
    expect(late.json()).toMatchObject({
      error: {
        code: 'forbidden',
        field: 'changes.1.dossierId',
        message: 'Dit dossier is niet (meer) aan u toegewezen.',
      },
    })
    expect((await catchUp('tlA', 0)).ids).not.toContain(own.id)
    // Without the refused change, the rest goes through.
    expect((await push('cmA1', [own])).statusCode).toBe(200)
  })

  it('also when the catch-up takes several pages: listed once, never skipped', async () => {
    const d = 'd-rv-2'
    expect((await push('cmA1', [change(d), contact(d, 1)])).statusCode).toBe(200)
    const start = await catchUp('cmA1', 0)
    await assign(d, 'cmA2')
    // More of cmA1's own changes after the revocation, so the catch-up takes several pages.
    for (let i = 0; i < 3; i++)
      expect((await push('cmA1', [change(`d-rv-2-own-${i}`)])).statusCode).toBe(200)
    const pages: Pulled[] = []
    let cursor = start.cursor
    for (;;) {
      const p = await pull('cmA1', cursor, 1)
      pages.push(p)
      cursor = p.cursor
      if (!p.hasMore) break
    }
    expect(pages.length).toBeGreaterThan(1)
    // Listed once, on the page whose range passed the revocation, whichever page that is.
    expect(pages.flatMap((p) => p.revoked)).toEqual([d])
  })

  it('a reassignment backfills the new casemanager also when their catch-up takes several pages', async () => {
    const d = 'd-rv-6'
    const history = [change(d, 'status', 'actief'), contact(d, 1)]
    expect((await push('cmA1', history)).statusCode).toBe(200)
    expect((await push('cmA2', [change('d-rv-6-own')])).statusCode).toBe(200)
    const start = await catchUp('cmA2', 0)
    expect(start.ids).not.toContain(history[0]!.id)
    await assign(d, 'cmA1')
    await assign(d, 'cmA2')
    // Changes of the dossier and of cmA2's own after the grant: the pages pass the grant's seq.
    for (let i = 0; i < 3; i++)
      expect((await push('cmA2', [change(`d-rv-6-own-${i}`), contact(d, 10 + i)])).statusCode).toBe(
        200,
      )
    const paged = await catchUp('cmA2', start.cursor, 1)
    for (const c of history) expect(paged.ids).toContain(c.id)
  })

  it('reassigned away and back: not listed, and the dossier’s data is all there', async () => {
    // Before the casemanager pulled in between.
    const d = 'd-rv-3'
    const history = [change(d, 'status', 'actief'), contact(d, 1)]
    expect((await push('cmA1', history)).statusCode).toBe(200)
    const start = await catchUp('cmA1', 0)
    await assign(d, 'cmA2')
    const byCm2 = contact(d, 2)
    expect((await push('cmA2', [byCm2])).statusCode).toBe(200)
    await assign(d, 'cmA1')
    const back = await catchUp('cmA1', start.cursor)
    expect(back.revoked).not.toContain(d)
    for (const c of [...history, byCm2]) expect(back.ids).toContain(c.id)

    // After it pulled in between: first removed, then backfilled whole again.
    const e = 'd-rv-4'
    const hist2 = [change(e, 'status', 'actief'), contact(e, 1)]
    expect((await push('cmA1', hist2)).statusCode).toBe(200)
    const s2 = await catchUp('cmA1', 0)
    await assign(e, 'cmA2')
    const gone = await catchUp('cmA1', s2.cursor)
    expect(gone.revoked).toEqual([e])
    await assign(e, 'cmA1')
    const again = await catchUp('cmA1', gone.cursor)
    expect(again.revoked).toEqual([])
    for (const c of hist2) expect(again.ids).toContain(c.id)
    expect((await push('cmA1', [contact(e, 3)])).statusCode).toBe(200)
  })

  it('a teamleider or beheerder is never told to remove a dossier', async () => {
    const d = 'd-rv-5'
    // The teamleider created it (so was its casemanager), then handed it on twice.
    expect((await push('tlA', [change(d), contact(d, 1)])).statusCode).toBe(200)
    const tl = await catchUp('tlA', 0)
    const admin = await catchUp('adminA', 0)
    await assign(d, 'cmA1')
    await assign(d, 'cmA2')
    const tlAfter = await catchUp('tlA', tl.cursor)
    const adminAfter = await catchUp('adminA', admin.cursor)
    expect(tlAfter.revoked).toEqual([])
    expect(adminAfter.revoked).toEqual([])
    expect((await pull('tlA', 0)).revoked).toEqual([])
    // cmA1 had it between the two reassignments and lost it again.
    expect((await catchUp('cmA1', 0)).revoked).toContain(d)
    expect((await push('tlA', [contact(d, 2)])).statusCode).toBe(200)
  })
})
