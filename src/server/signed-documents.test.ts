import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PushRequest } from '../shared/sync'
import type { AccessClaims } from './auth/tokens'
import { createPusher } from './sync/push'
import { auth, buildWorld, change, storeFactories, type World } from './test-support'

type Actor = keyof World['actors']

/** A document version signed by employer and employee never changes, also not through sync. */
describe.each(storeFactories())('signed document versions on $name', (factory) => {
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
  const logged = async (): Promise<string[]> =>
    (await w.db.query('SELECT change_id FROM changes')).map((r) => String(r.change_id))
  const winner = async (recordId: string, field: string): Promise<unknown> => {
    const [r] = await w.db.query(
      'SELECT value FROM field_state WHERE table_name = $1 AND record_id = $2 AND field = $3',
      ['documents', recordId, field],
    )
    return r ? JSON.parse(String(r.value)) : undefined
  }
  const version = (dossierId: string, documentId: string, goal: string) => [
    change(dossierId, 'type', 'plan-van-aanpak', { table: 'documents', recordId: documentId }),
    contentOf(dossierId, documentId, goal),
    change(dossierId, 'createdAt', '2026-03-02T09:00:00.000Z', {
      table: 'documents',
      recordId: documentId,
    }),
  ]
  const contentOf = (dossierId: string, documentId: string, goal: string) =>
    change(
      dossierId,
      'content',
      { id: documentId, goal, signatures: [] },
      {
        table: 'documents',
        recordId: documentId,
      },
    )
  const signature = (dossierId: string, documentId: string, role: 'werkgever' | 'werknemer') => {
    const recordId = `s-${randomUUID()}`
    const f = (field: string, value: unknown) =>
      change(dossierId, field, value, { table: 'documentSignatures', recordId })
    return [
      f('documentId', documentId),
      f('role', role),
      f('name', role === 'werkgever' ? 'Jan Jansen' : 'Sanne de Vries'),
      f('function', role === 'werkgever' ? 'Directeur' : 'Bakker'),
      f('signedAt', '2026-03-03'),
      f('createdAt', '2026-03-03T10:00:00.000Z'),
    ]
  }

  it('a content change of a version both parties signed is refused: 409 naming the field, nothing of the push applied', async () => {
    const d = 'd-sig-1'
    const doc = `doc-${randomUUID()}`
    expect((await push('cmA1', [change(d), ...version(d, doc, 'eigen-werk')])).statusCode).toBe(200)
    const signatures = [...signature(d, doc, 'werkgever'), ...signature(d, doc, 'werknemer')]
    expect((await push('cmA1', signatures)).statusCode).toBe(200)

    const other = change(d, 'status', 'hersteld')
    const edit = contentOf(d, doc, 'ander-werk')
    const r = await push('cmA1', [other, edit])
    expect(r.statusCode).toBe(409)
    expect(r.json()).toMatchObject({ error: { code: 'signed-version', field: 'changes.1.field' } })
    expect(r.json<{ error: { message: string } }>().error.message).toMatch(/bijstelling/)
    const ids = await logged()
    expect(ids).not.toContain(other.id)
    expect(ids).not.toContain(edit.id)
    expect(await winner(doc, 'content')).toMatchObject({ goal: 'eigen-werk' })
    // Nor by the teamleider, nor by changing its type.
    expect((await push('tlA', [contentOf(d, doc, 'x')])).statusCode).toBe(409)
    const type = change(d, 'type', 'evaluatie', { table: 'documents', recordId: doc })
    expect((await push('cmA1', [type])).json()).toMatchObject({
      error: { code: 'signed-version', field: 'changes.0.field' },
    })
    // The rest of that push goes through on its own; a new version (bijstelling) is a new record;
    // and the retention erasure's content-free delete marker is still accepted.
    expect((await push('cmA1', [other])).statusCode).toBe(200)
    expect((await push('cmA1', version(d, `doc-${randomUUID()}`, 'ander-werk'))).statusCode).toBe(
      200,
    )
    const tombstone = change(d, 'deleted', true, { table: 'documents', recordId: doc })
    expect((await push('cmA1', [tombstone])).statusCode).toBe(200)
  })

  it('signed by one party only, or signed later in the same push, the edit stands', async () => {
    const d = 'd-sig-2'
    const one = `doc-${randomUUID()}`
    expect((await push('cmA1', [change(d), ...version(d, one, 'eigen-werk')])).statusCode).toBe(200)
    expect((await push('cmA1', signature(d, one, 'werkgever'))).statusCode).toBe(200)
    expect((await push('cmA1', [contentOf(d, one, 'ander-werk')])).statusCode).toBe(200)
    expect(await winner(one, 'content')).toMatchObject({ goal: 'ander-werk' })

    // Written and then signed by both in one push: accepted.
    const both = `doc-${randomUUID()}`
    const whole = [
      ...version(d, both, 'eigen-werk'),
      ...signature(d, both, 'werkgever'),
      ...signature(d, both, 'werknemer'),
    ]
    expect((await push('cmA1', whole)).statusCode).toBe(200)
    // Signed by both and then changed in one push: refused, none of it applied.
    const third = `doc-${randomUUID()}`
    const late = [
      ...version(d, third, 'eigen-werk'),
      ...signature(d, third, 'werkgever'),
      ...signature(d, third, 'werknemer'),
      contentOf(d, third, 'ander-werk'),
    ]
    const r = await push('cmA1', late)
    expect(r.json()).toMatchObject({
      error: { code: 'signed-version', field: `changes.${late.length - 1}.field` },
    })
    expect(await winner(third, 'content')).toBeUndefined()
  })

  it('signatures pushed in the same group by another push count; a signature elsewhere does not', async () => {
    const d = 'd-sig-3'
    const doc = `doc-${randomUUID()}`
    expect((await push('cmA1', [change(d), ...version(d, doc, 'eigen-werk')])).statusCode).toBe(200)
    // Pushes that arrive together, in this order: the signatures, then the edit.
    const pusher = createPusher(w.db)
    const a = w.actors.cmA1
    const claims: AccessClaims = {
      userId: a.id,
      deviceId: a.deviceId,
      organisationId: w.orgA,
      role: 'casemanager',
    }
    const req = (changes: Record<string, unknown>[]) => ({ changes }) as unknown as PushRequest
    const results = await Promise.allSettled([
      pusher(claims, req([change('d-sig-3b')]), Date.now()),
      pusher(
        claims,
        req([...signature(d, doc, 'werkgever'), ...signature(d, doc, 'werknemer')]),
        Date.now(),
      ),
      pusher(claims, req([contentOf(d, doc, 'ander-werk')]), Date.now()),
    ])
    // All three are queued at once, so the signatures and the edit share one group.
    expect(pusher.stats.pushes).toBe(3)
    expect(pusher.stats.groups).toBeLessThan(3)
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected'])
    const refused = results[2]
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({
      code: 'signed-version',
      field: 'changes.0.field',
    })
    expect(await winner(doc, 'content')).toMatchObject({ goal: 'eigen-werk' })

    // Signatures in another casemanager's dossier naming this version do not lock it.
    const open = `doc-${randomUUID()}`
    expect((await push('cmA1', version(d, open, 'eigen-werk'))).statusCode).toBe(200)
    const foreign = [
      ...signature('d-sig-other', open, 'werkgever'),
      ...signature('d-sig-other', open, 'werknemer'),
    ]
    expect((await push('cmA2', foreign)).statusCode).toBe(200)
    expect((await push('cmA1', [contentOf(d, open, 'ander-werk')])).statusCode).toBe(200)
  })
})
