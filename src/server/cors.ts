import type { FastifyInstance } from 'fastify'
import { HttpError } from './http-error'

/**
 * Cross-origin access (ADR 0012), only for the app's own origins: the Electron window
 * (`app://hervat`) and the browser build served from this computer (`http://127.0.0.1:<port>`,
 * `http://localhost:<port>`), plus the origins a deployment configures (HERVAT_CORS_ORIGINS,
 * comma-separated, exact). Any other origin, `null` included, gets no CORS headers (and a
 * preflight from it a 403). The API authenticates with a bearer token, never a cookie;
 * credentials are not allowed. Preflight requests are answered before authentication.
 */
export const APP_ORIGIN = 'app://hervat'
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/

export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.HERVAT_CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter((s) => s !== '' && s !== 'null')
}

export function isAllowedOrigin(origin: string, configured: ReadonlySet<string>): boolean {
  return origin === APP_ORIGIN || LOOPBACK.test(origin) || configured.has(origin)
}

export function installCors(app: FastifyInstance, configured: readonly string[] = []): void {
  const extra = new Set(configured)
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin
    if (!origin) return
    void reply.header('vary', 'origin')
    if (!isAllowedOrigin(origin, extra)) {
      if (req.method === 'OPTIONS')
        throw new HttpError('forbidden', 'Deze herkomst (origin) is niet toegestaan.', 'origin')
      return
    }
    void reply.header('access-control-allow-origin', origin)
    if (req.method === 'OPTIONS') {
      return reply
        .status(204)
        .header('access-control-allow-methods', 'GET, POST, PUT, OPTIONS')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', '600')
        .send()
    }
  })
}

/**
 * Headers on every answer: no MIME sniffing (a blob is never run as a page), no referrer, and
 * nothing of the API (tokens from login and refresh, personal data) kept in any cache.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-content-type-options', 'nosniff')
    void reply.header('referrer-policy', 'no-referrer')
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store')
  })
}
