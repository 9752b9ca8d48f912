import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auth, buildWorld, PASSWORD, storeFactories, type World } from './test-support'

/**
 * Headers and limits (ADR 0012) on both stores: no caching of tokens, no sniffing, no referrer,
 * CORS for the app's own and configured origins only, and an oversized body answered 413 to a
 * client that is still sending it.
 */
describe.each(storeFactories())('headers and limits on $name', (factory) => {
  let w: World
  let port = 0
  beforeAll(async () => {
    w = await buildWorld(factory, 1000, { corsOrigins: ['https://hervat.bureau.example'] })
    await w.app.listen({ port: 0, host: '127.0.0.1' })
    port = (w.app.server.address() as AddressInfo).port
  }, 60_000)
  afterAll(async () => w.close())

  it('login and refresh answers are never cached; every answer has nosniff and no referrer', async () => {
    const users = await w.db.query('SELECT email FROM users WHERE name = $1', ['cmA2'])
    const login = await w.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: String(users[0]?.email), password: PASSWORD, deviceName: 'x' },
    })
    expect(login.statusCode).toBe(200)
    expect(login.headers['cache-control']).toBe('no-store')
    const refresh = await w.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: login.json<{ refreshToken: string }>().refreshToken },
    })
    expect(refresh.statusCode).toBe(200)
    expect(refresh.headers['cache-control']).toBe('no-store')
    for (const r of [login, refresh]) {
      expect(r.headers['x-content-type-options']).toBe('nosniff')
      expect(r.headers['referrer-policy']).toBe('no-referrer')
    }
  })

  it('a blob download is not sniffed', async () => {
    const sha = '0'.repeat(64)
    const r = await w.app.inject({ url: `/api/v1/blobs/${sha}`, headers: auth(w.actors.tlA) })
    expect(r.headers['x-content-type-options']).toBe('nosniff')
  })

  it("CORS answers the app's own and configured origins only, never null or any other", async () => {
    const preflight = (origin: string) =>
      w.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/sync/push',
        headers: { origin, 'access-control-request-method': 'POST' },
      })
    for (const origin of [
      'app://hervat',
      'http://127.0.0.1:4173',
      'http://localhost:4187',
      'https://hervat.bureau.example',
    ]) {
      const r = await preflight(origin)
      expect(r.statusCode, origin).toBe(204)
      expect(r.headers['access-control-allow-origin'], origin).toBe(origin)
    }
    for (const origin of ['null', 'https://evil.example', 'http://127.0.0.1.evil.example']) {
      const r = await preflight(origin)
      expect(r.statusCode, origin).toBe(403)
      expect(r.headers['access-control-allow-origin'], origin).toBeUndefined()
      const get = await w.app.inject({
        url: '/api/v1/sync/pull',
        headers: { origin, ...auth(w.actors.tlA) },
      })
      expect(get.headers['access-control-allow-origin'], origin).toBeUndefined()
    }
  })

  it.each([
    ['with a content length', true],
    ['chunked', false],
  ])(
    'an oversized body, %s, is answered 413 while the client streams it (no EPIPE)',
    async (_, withLength) => {
      const size = 9 * 1024 * 1024
      const result = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/v1/sync/push',
            headers: {
              ...auth(w.actors.cmA1),
              'content-type': 'application/json',
              ...(withLength ? { 'content-length': String(size) } : {}),
            },
          },
          (res) => {
            let body = ''
            res.setEncoding('utf8')
            res.on('data', (d: string) => (body += d))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
          },
        )
        req.on('error', reject)
        const chunk = Buffer.alloc(64 * 1024, 0x20)
        let sent = 0
        const pump = (): void => {
          while (sent < size) {
            sent += chunk.length
            if (!req.write(chunk)) {
              req.once('drain', pump)
              return
            }
          }
          req.end()
        }
        pump()
      })
      expect(result.status).toBe(413)
      expect(JSON.parse(result.body)).toMatchObject({
        error: { code: 'payload-too-large', field: 'body' },
      })
      expect((await w.app.inject({ url: '/health' })).statusCode).toBe(200)
    },
  )
})
