import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auth, buildWorld, storeFactories, type World } from './test-support'

describe('CORS for the browser build and the Electron window', () => {
  let w: World
  beforeAll(async () => {
    w = await buildWorld(storeFactories()[0]!)
  }, 60_000)
  afterAll(async () => w.close())

  it('answers a preflight before authentication, naming the allowed headers', async () => {
    const res = await w.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/sync/push',
      headers: { origin: 'http://127.0.0.1:4183', 'access-control-request-method': 'POST' },
    })
    expect(res.statusCode).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe('http://127.0.0.1:4183')
    expect(String(res.headers['access-control-allow-headers'])).toContain('authorization')
    expect(res.headers['access-control-allow-credentials']).toBeUndefined()
  })

  it('marks real answers, errors included, and still requires a token', async () => {
    const denied = await w.app.inject({
      url: '/api/v1/sync/pull',
      headers: { origin: 'app://hervat' },
    })
    expect(denied.statusCode).toBe(401)
    expect(denied.headers['access-control-allow-origin']).toBe('app://hervat')
    const ok = await w.app.inject({
      url: '/api/v1/sync/pull',
      headers: { origin: 'app://hervat', ...auth(w.actors.cmA1) },
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.headers['access-control-allow-origin']).toBe('app://hervat')
  })

  it('forbids every cache to keep an API answer (they carry dossiers and tokens)', async () => {
    for (const headers of [{}, auth(w.actors.cmA1)]) {
      const res = await w.app.inject({ url: '/api/v1/sync/pull', headers })
      expect(res.headers['cache-control']).toBe('no-store')
    }
  })
})
