import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auth, buildWorld, change, storeFactories, type World } from './test-support'

type Actor = keyof World['actors']
type Pulled = {
  changes: { id: string; table: string; recordId: string; field: string; value: unknown }[]
  cursor: number
  hasMore: boolean
}

/** Werknemers are personal data (BSN, address): a casemanager sees one only through a dossier. */
describe.each(storeFactories())('werknemer access on $name', (factory) => {
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
  const pull = async (actor: Actor, cursor = 0): Promise<Pulled> => {
    const r = await w.app.inject({
      method: 'GET',
      url: `/api/v1/sync/pull?cursor=${cursor}&limit=1000`,
      headers: auth(w.actors[actor]),
    })
    expect(r.statusCode).toBe(200)
    return r.json<Pulled>()
  }
  const employeeField = (employeeId: string, field: string, value: unknown) =>
    change('', field, value, { table: 'employees', recordId: employeeId })
  const orgChange = (c: Record<string, unknown>): Record<string, unknown> => ({
    ...c,
    dossierId: null,
  })
  /** The outbox of a new dossier with a new werknemer, as the client pushes it. */
  const newDossier = (dossierId: string, employeeId: string, bsn: string) => [
    orgChange(employeeField(employeeId, 'bsn', bsn)),
    orgChange(employeeField(employeeId, 'lastName', `Jansen-${bsn}`)),
    change(dossierId, 'employeeId', employeeId),
    change(dossierId, 'status', 'actief'),
  ]
  const bsnsIn = (p: Pulled): unknown[] =>
    p.changes.filter((c) => c.table === 'employees' && c.field === 'bsn').map((c) => c.value)

  it('a casemanager never receives the werknemer of another casemanager’s dossier; a teamleider does', async () => {
    const e1 = `e-${randomUUID()}`
    const e2 = `e-${randomUUID()}`
    expect((await push('cmA1', newDossier('d-ea-1', e1, '111222333'))).statusCode).toBe(200)
    expect((await push('cmA2', newDossier('d-ea-2', e2, '444555675'))).statusCode).toBe(200)
    const cm1 = bsnsIn(await pull('cmA1'))
    const cm2 = bsnsIn(await pull('cmA2'))
    expect(cm1).toContain('111222333')
    expect(cm1).not.toContain('444555675')
    expect(cm2).toContain('444555675')
    expect(cm2).not.toContain('111222333')
    for (const boss of ['tlA', 'adminA'] as const) {
      expect(bsnsIn(await pull(boss))).toEqual(expect.arrayContaining(['111222333', '444555675']))
    }
    expect(bsnsIn(await pull('tlB'))).not.toContain('111222333')
    // Other organisation-level records (werkgevers) still reach every casemanager.
    const employer = orgChange(
      change('', 'name', 'Bakkerij', { table: 'employers', recordId: `w-${randomUUID()}` }),
    )
    expect((await push('cmA1', [employer])).statusCode).toBe(200)
    expect((await pull('cmA2')).changes.map((c) => c.id)).toContain(employer.id)
  })

  it('a casemanager cannot change another casemanager’s werknemer: 403 naming the field, nothing applied', async () => {
    const e1 = `e-${randomUUID()}`
    expect((await push('cmA1', newDossier('d-ea-3', e1, '123123124'))).statusCode).toBe(200)
    const own = change('d-ea-4', 'status', 'actief')
    const bad = orgChange(employeeField(e1, 'bsn', '987654329'))
    const r = await push('cmA2', [own, bad])
    expect(r.statusCode).toBe(403)
    expect(r.json()).toMatchObject({ error: { code: 'forbidden', field: 'changes.1.recordId' } })
    const all = await pull('tlA')
    expect(all.changes.map((c) => c.id)).not.toContain(own.id)
    expect(bsnsIn(all)).not.toContain('987654329')
    // Its own casemanager and the teamleider may change it.
    expect(
      (await push('cmA1', [orgChange(employeeField(e1, 'phone', '0612345678'))])).statusCode,
    ).toBe(200)
    expect(
      (await push('tlA', [orgChange(employeeField(e1, 'jobTitle', 'Bakker'))])).statusCode,
    ).toBe(200)
    // A werknemer without a dossier may be changed by whoever created it, not by others.
    const e3 = `e-${randomUUID()}`
    expect(
      (await push('cmA1', [orgChange(employeeField(e3, 'bsn', '321321327'))])).statusCode,
    ).toBe(200)
    expect(
      (await push('cmA1', [orgChange(employeeField(e3, 'lastName', 'Smit'))])).statusCode,
    ).toBe(200)
    const other = await push('cmA2', [orgChange(employeeField(e3, 'lastName', 'Smid'))])
    expect(other.statusCode).toBe(403)
    expect(bsnsIn(await pull('cmA2'))).not.toContain('321321327')
    // Nor can a casemanager reach it by pointing their own dossier at it in the same push.
    const hijack = await push('cmA2', [
      change('d-ea-5', 'employeeId', e1),
      orgChange(employeeField(e1, 'lastName', 'Overgenomen')),
    ])
    expect(hijack.statusCode).toBe(403)
    expect(hijack.json()).toMatchObject({ error: { code: 'forbidden', field: 'changes.0.value' } })
  })

  it('after reassignment the new casemanager’s next pull brings the dossier’s whole history and its werknemer', async () => {
    const e1 = `e-${randomUUID()}`
    const history = newDossier('d-ea-r', e1, '555666785')
    expect((await push('cmA1', history)).statusCode).toBe(200)
    const later = change('d-ea-r', 'status', 'hersteld')
    expect((await push('cmA1', [later])).statusCode).toBe(200)
    // cmA2 writes after it, then catches up: its cursor is past all of the dossier's changes,
    // none of which it saw.
    const own = change('d-ea-own', 'status', 'actief')
    expect((await push('cmA2', [own])).statusCode).toBe(200)
    let cursor = 0
    for (;;) {
      const p = await pull('cmA2', cursor)
      expect(p.changes.map((c) => c.id)).not.toContain(later.id)
      cursor = p.cursor
      if (!p.hasMore) break
    }
    expect(cursor).toBeGreaterThan(
      Number(
        (await w.db.query('SELECT max(seq) AS m FROM changes WHERE dossier_id = $1', ['d-ea-r']))[0]
          ?.m,
      ),
    )
    const reassign = await w.app.inject({
      method: 'PUT',
      url: '/api/v1/dossiers/d-ea-r/assignment',
      headers: auth(w.actors.tlA),
      payload: { casemanagerId: w.actors.cmA2.id },
    })
    expect(reassign.statusCode).toBe(200)
    const after = await pull('cmA2', cursor)
    const ids = after.changes.map((c) => c.id)
    for (const c of [...history, later]) expect(ids).toContain(c.id)
    expect(bsnsIn(after)).toContain('555666785')
    expect(after.cursor).toBeGreaterThan(cursor)
    // Backfilled once: the next pull from the new cursor does not repeat it.
    const again = await pull('cmA2', after.cursor)
    expect(again.changes.map((c) => c.id)).not.toContain(later.id)
    // The new casemanager may edit the werknemer now; the old one neither may nor sees it.
    const edit = orgChange(employeeField(e1, 'lastName', 'Nieuw'))
    expect((await push('cmA2', [edit])).statusCode).toBe(200)
    expect((await push('cmA1', [orgChange(employeeField(e1, 'lastName', 'Oud'))])).statusCode).toBe(
      403,
    )
    expect((await pull('cmA1')).changes.map((c) => c.id)).not.toContain(edit.id)
  })

  it('linking a dossier to a werknemer already on the server backfills that werknemer', async () => {
    const e1 = `e-${randomUUID()}`
    const created = orgChange(employeeField(e1, 'bsn', '888777668'))
    expect((await push('cmA2', [created])).statusCode).toBe(200)
    expect((await push('cmA2', [change('d-ea-own2', 'status', 'actief')])).statusCode).toBe(200)
    let cursor = 0
    for (;;) {
      const p = await pull('cmA2', cursor)
      cursor = p.cursor
      if (!p.hasMore) break
    }
    // Unlinked, the werknemer did not reach the pull; the cursor is past it.
    expect(bsnsIn(await pull('cmA2'))).not.toContain('888777668')
    expect((await push('cmA2', [change('d-ea-l', 'employeeId', e1)])).statusCode).toBe(200)
    const after = await pull('cmA2', cursor)
    expect(after.changes.map((c) => c.id)).toContain(created.id)
  })
})
