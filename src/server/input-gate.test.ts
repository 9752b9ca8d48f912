import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerErrorEntry } from './http-error'
import { auth, buildWorld, change, PASSWORD, storeFactories, type World } from './test-support'

/**
 * The input gate (ADR 0012) on both stores: inputs that gave 500 (NUL, lone surrogates, indexed
 * values past the index limit, unchecked path parameters) are a 400 naming the field; pushed
 * values are checked against the shared schemas; an audit entry's actor is the token's user;
 * every 5xx is logged, structured and without personal data.
 */

const NUL = 'a\u0000b'
const LONE = 'a\ud800b'

describe.each(storeFactories())('input gate on $name', (factory) => {
  let w: World
  const logged: ServerErrorEntry[] = []
  beforeAll(async () => {
    w = await buildWorld(factory, 1000, {
      errorLog: (e) => logged.push(e),
      // Fault injection: a request carrying this header fails inside the server, as a database
      // error would, with personal data in its message.
      prepare: (app) =>
        app.addHook('preHandler', async (req) => {
          if (req.headers['x-test-fault'])
            throw Object.assign(new Error('waarde "Jan Jansen 123456782" past niet'), {
              code: '22021',
            })
        }),
    })
  }, 60_000)
  afterAll(async () => w.close())

  const push = (who: keyof World['actors'], changes: unknown[]) =>
    w.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: auth(w.actors[who]),
      payload: { changes },
    })

  const healthy = async () => {
    expect((await w.app.inject({ url: '/health' })).statusCode).toBe(200)
    expect(logged).toEqual([])
  }

  it('a NUL or lone surrogate in an indexed pushed value is a 400 naming it, nothing applied', async () => {
    for (const bad of [NUL, LONE]) {
      const changes = [
        change('d-gate-1', 'status', 'actief'),
        change('d-gate-1', 'employeeId', bad),
      ]
      const r = await push('cmA1', changes)
      expect(r.statusCode).toBe(400)
      expect(r.json()).toMatchObject({ error: { code: 'validation', field: 'changes.1.value' } })
      const sig = change('d-gate-1', 'documentId', bad, {
        table: 'documentSignatures',
        recordId: 'sig-gate-1',
      })
      const s = await push('cmA1', [sig])
      expect(s.statusCode).toBe(400)
      expect(s.json()).toMatchObject({ error: { field: 'changes.0.value' } })
    }
    // Longer than a btree index entry may be (about 2,700 bytes).
    const long = await push('cmA1', [change('d-gate-1', 'employeeId', 'x'.repeat(3000))])
    expect(long.statusCode).toBe(400)
    expect(long.json()).toMatchObject({ error: { field: 'changes.0.value' } })
    const pulled = await w.app.inject({
      url: '/api/v1/sync/pull?dossierId=d-gate-1',
      headers: auth(w.actors.tlA),
    })
    expect(pulled.statusCode).toBe(403)
    await healthy()
  })

  it('a NUL or lone surrogate in a login, a device name, a user or a reference is a 400', async () => {
    for (const bad of [NUL, LONE]) {
      const email = await w.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `x${bad}@a.test`, password: PASSWORD, deviceName: 'x' },
      })
      expect(email.statusCode).toBe(400)
      expect(email.json()).toMatchObject({ error: { field: 'email' } })
      const device = await w.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'x@a.test', password: PASSWORD, deviceName: bad },
      })
      expect(device.json()).toMatchObject({ error: { code: 'validation', field: 'deviceName' } })
      const user = await w.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: auth(w.actors.adminA),
        payload: { email: 'n@a.test', name: bad, role: 'casemanager', password: PASSWORD },
      })
      expect(user.json()).toMatchObject({ error: { code: 'validation', field: 'name' } })
      const assign = await w.app.inject({
        method: 'PUT',
        url: '/api/v1/dossiers/d-gate-2/assignment',
        headers: auth(w.actors.tlA),
        payload: { casemanagerId: bad },
      })
      expect(assign.json()).toMatchObject({
        error: { code: 'validation', field: 'casemanagerId' },
      })
      // A key of a pushed value counts as well.
      const key = await push('cmA1', [
        change('d-gate-3', 'address', { [bad]: 'x' }, { table: 'employers', recordId: 'e-1' }),
      ])
      expect(key.statusCode).toBe(400)
    }
    await healthy()
  })

  it('path parameters are ids, checked before any query', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/dossiers/%00/conflicts'],
      ['POST', '/api/v1/devices/%00/revoke'],
      ['PUT', '/api/v1/dossiers/%00/assignment'],
      ['GET', `/api/v1/dossiers/${'x'.repeat(80)}/conflicts`],
      ['POST', '/api/v1/devices/a%20b/revoke'],
    ] as const) {
      const r = await w.app.inject({
        method,
        url,
        headers: auth(w.actors.tlA),
        ...(method === 'PUT' ? { payload: { casemanagerId: w.actors.cmA1.id } } : {}),
      })
      expect(r.statusCode, url).toBe(400)
      expect(r.json<{ error: { field: string } }>().error.field, url).toBe('id')
    }
    // A surrogate half encoded as UTF-8 is no valid URL at all.
    const bytes = await w.app.inject({
      url: '/api/v1/dossiers/%ED%A0%80/conflicts',
      headers: auth(w.actors.tlA),
    })
    expect(bytes.statusCode).toBe(400)
    await healthy()
  })

  it('pushed values are checked against the shared schemas per table and field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        change('d-val-g', 'start', { $gt: '' }, { table: 'sickPeriods', recordId: 'sp-g' }),
        'changes.0.value',
      ],
      [change('d-val-g', 'deleted', 'yes please'), 'changes.0.value'],
      [
        {
          ...change('x', 'bsn', [1, 2, 3], { table: 'employees', recordId: 'emp-g' }),
          dossierId: null,
        },
        'changes.0.value',
      ],
      [change('d-val-g', 'status', 'misschien'), 'changes.0.value'],
      [
        {
          ...change('x', 'address', { street: 5 }, { table: 'employers', recordId: 'er-g' }),
          dossierId: null,
        },
        'changes.0.value.street',
      ],
    ]
    for (const [c, field] of cases) {
      const r = await push('cmA1', [c])
      expect(r.statusCode, JSON.stringify(c.value)).toBe(400)
      const error = r.json<{ error: { code: string; field: string; message: string } }>().error
      expect(error.code).toBe('validation')
      expect(error.field).toBe(field)
      expect(error.message).not.toMatch(/invalid|expected/i)
    }
    // Nothing of those was stored or served.
    const pull = await w.app.inject({ url: '/api/v1/sync/pull', headers: auth(w.actors.tlA) })
    const values = pull.json<{ changes: { recordId: string }[] }>().changes.map((c) => c.recordId)
    expect(values).not.toContain('d-val-g')
    expect(values).not.toContain('emp-g')
    // Valid values and a cleared field still pass.
    const ok = await push('cmA1', [
      change('d-val-g', 'status', 'hersteld'),
      change('d-val-g', 'deleted', true),
      change('d-val-g', 'safetyNet', null),
      change('d-val-g', 'start', '02-03-2026', { table: 'sickPeriods', recordId: 'sp-g' }),
    ])
    expect(ok.statusCode).toBe(200)
    await healthy()
  })

  it("an audit entry's actor is the pushing user; another user's id is refused", async () => {
    const entry = (actorId: string, recordId: string) => ({
      ...change('x', 'actorId', actorId, { table: 'audit', recordId }),
      dossierId: null,
    })
    const forged = await push('cmA1', [entry(w.actors.cmA2.id, 'audit-g-1')])
    expect(forged.statusCode).toBe(403)
    expect(forged.json()).toMatchObject({ error: { code: 'forbidden', field: 'changes.0.value' } })
    expect((await push('cmA1', [entry(w.actors.cmA1.id, 'audit-g-2')])).statusCode).toBe(200)
    await healthy()
  })

  it('a 5xx is logged, structured and without personal data, and answered with the envelope', async () => {
    const r = await w.app.inject({
      method: 'GET',
      url: '/api/v1/dossiers/d-gate-9/conflicts',
      headers: { ...auth(w.actors.tlA), 'x-test-fault': '1' },
    })
    expect(r.statusCode).toBe(500)
    expect(r.json()).toEqual({
      error: { code: 'internal', message: 'Er ging iets mis op de server.' },
    })
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatchObject({
      level: 'error',
      event: 'server-error',
      method: 'GET',
      route: '/api/v1/dossiers/:id/conflicts',
      status: 500,
      errorCode: '22021',
    })
    expect(JSON.stringify(logged)).not.toMatch(/Jan|123456782|d-gate-9/)
    logged.length = 0
  })
})
