import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './auth/passwords'
import { auth, buildWorld, FAST_SCRYPT, PASSWORD, storeFactories, type World } from './test-support'

describe('passwords', () => {
  it('scrypt hashes verify and carry their parameters', async () => {
    const h = await hashPassword('geheim wachtwoord', FAST_SCRYPT)
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$/)
    expect(await verifyPassword('geheim wachtwoord', h)).toBe(true)
    expect(await verifyPassword('fout', h)).toBe(false)
  })
})

describe.each(storeFactories())('accounts and devices on $name', (factory) => {
  let w: World
  beforeAll(async () => {
    w = await buildWorld(factory, 3)
  }, 60_000)
  afterAll(async () => {
    await w.close()
  })

  it('refresh rotates; a reused refresh token revokes the device', async () => {
    const first = await w.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: w.actors.cmA2.refreshToken },
    })
    expect(first.statusCode).toBe(200)
    const fresh = first.json<{ accessToken: string }>()
    expect(
      (
        await w.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${fresh.accessToken}` },
        })
      ).statusCode,
    ).toBe(200)
    const reuse = await w.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: w.actors.cmA2.refreshToken },
    })
    expect(reuse.statusCode).toBe(401)
    expect(
      (
        await w.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${fresh.accessToken}` },
        })
      ).statusCode,
    ).toBe(401)
  })

  it('a revoked device loses access at once; only its owner or a beheerder may revoke', async () => {
    const url = `/api/v1/devices/${w.actors.cmA1.deviceId}/revoke`
    expect(
      (await w.app.inject({ method: 'POST', url, headers: auth(w.actors.tlA) })).statusCode,
    ).toBe(403)
    expect(
      (await w.app.inject({ method: 'POST', url, headers: auth(w.actors.tlB) })).statusCode,
    ).toBe(404)
    expect(
      (await w.app.inject({ method: 'POST', url, headers: auth(w.actors.adminA) })).statusCode,
    ).toBe(200)
    const r = await w.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull',
      headers: auth(w.actors.cmA1),
    })
    expect(r.statusCode).toBe(401)
  })

  it('only a beheerder creates users', async () => {
    const payload = {
      email: 'nieuw@example.nl',
      name: 'Nieuw',
      role: 'casemanager',
      password: PASSWORD,
    }
    expect(
      (
        await w.app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: auth(w.actors.tlA),
          payload,
        })
      ).statusCode,
    ).toBe(403)
    const ok = await w.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: auth(w.actors.adminA),
      payload,
    })
    expect(ok.statusCode).toBe(201)
    const dup = await w.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: auth(w.actors.adminA),
      payload,
    })
    expect(dup.json()).toMatchObject({ error: { code: 'conflict', field: 'email' } })
    const weak = await w.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: auth(w.actors.adminA),
      payload: { ...payload, password: 'kort' },
    })
    expect(weak.json()).toMatchObject({ error: { code: 'validation', field: 'password' } })
  })

  it('login is rate-limited per address and email, with the envelope', async () => {
    const payload = { email: 'nieuw@example.nl', password: 'fout wachtwoord', deviceName: 'x' }
    const codes: number[] = []
    for (let i = 0; i < 5; i++)
      codes.push(
        (await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload })).statusCode,
      )
    expect(codes.slice(0, 3)).toEqual([401, 401, 401])
    const last = await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload })
    expect(last.statusCode).toBe(429)
    expect(last.json()).toMatchObject({ error: { code: 'rate-limited' } })
  })

  it('serves its OpenAPI description', async () => {
    const r = await w.app.inject({ method: 'GET', url: '/openapi.json' })
    expect(r.json()).toMatchObject({ openapi: '3.1.0', paths: { '/sync/push': {} } })
  })
})
