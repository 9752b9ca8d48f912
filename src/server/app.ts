import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import type { ScryptCost } from './auth/passwords'
import { cachedAccessTokenVerifier, type AccessClaims } from './auth/tokens'
import { checkDevice } from './auth/device-check'
import type { Db } from './db/db'
import { installCors, installNoStore } from './cors'
import { HttpError, installErrorHandling } from './http-error'
import { OPENAPI } from './openapi'
import { registerAdminRoutes } from './routes/admin-routes'
import { registerAuthRoutes } from './routes/auth-routes'
import { registerBlobRoutes } from './routes/blob-routes'
import { registerSyncRoutes } from './routes/sync-routes'
import { createPusher, type Pusher } from './sync/push'

export type AppOptions = {
  readonly db: Db
  readonly jwtSecret: Uint8Array
  /** Login attempts per minute per client address and email. */
  readonly loginRateLimit?: number
  readonly scryptCost?: ScryptCost
  readonly logger?: boolean
  readonly now?: () => number
}

export type AppContext = Required<Omit<AppOptions, 'logger' | 'scryptCost'>> & {
  scryptCost?: ScryptCost
  /** Applies pushes with group commit (sync/push.ts). */
  push: Pusher
}

declare module 'fastify' {
  interface FastifyRequest {
    who?: AccessClaims
  }
}

/** The claims of the authenticated caller; the auth hook has run for every /api/v1 route. */
export function caller(req: FastifyRequest): AccessClaims {
  if (!req.who) throw new HttpError('unauthorized', 'Log opnieuw in.')
  return req.who
}

const PUBLIC = new Set(['/api/v1/auth/login', '/api/v1/auth/refresh'])
const PUSH_PATH = '/api/v1/sync/push'
const PULL_PATH = '/api/v1/sync/pull'

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const ctx: AppContext = {
    db: opts.db,
    jwtSecret: opts.jwtSecret,
    loginRateLimit: opts.loginRateLimit ?? 10,
    now: opts.now ?? Date.now,
    push: createPusher(opts.db),
    ...(opts.scryptCost ? { scryptCost: opts.scryptCost } : {}),
  }
  const verifyToken = cachedAccessTokenVerifier(opts.jwtSecret)
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 8 * 1024 * 1024 })
  installErrorHandling(app)
  installCors(app)
  installNoStore(app)
  await app.register(rateLimit, { global: false, hook: 'preHandler' })

  app.addHook('onRequest', async (req) => {
    const path = req.url.split('?')[0] ?? ''
    if (!path.startsWith('/api/') || PUBLIC.has(path)) return
    const header = req.headers.authorization ?? ''
    const token = header.startsWith('Bearer ') ? header.slice(7) : ''
    const claims = token ? await verifyToken(token) : undefined
    if (!claims) throw new HttpError('unauthorized', 'Log in om verder te gaan.')
    // A push checks its device and user inside its group-commit transaction (sync/push.ts), and
    // a pull in its page statement (sync/pull.ts): one query less per sync request.
    if (
      (path === PUSH_PATH && req.method === 'POST') ||
      (path === PULL_PATH && req.method === 'GET')
    ) {
      req.who = claims
      return
    }
    req.who = await checkDevice(ctx.db, claims)
  })

  app.get('/health', async () => {
    await ctx.db.query('SELECT 1')
    return { status: 'ok' }
  })
  app.get('/openapi.json', async () => OPENAPI)
  registerAuthRoutes(app, ctx)
  registerAdminRoutes(app, ctx)
  registerSyncRoutes(app, ctx)
  registerBlobRoutes(app, ctx)
  return app
}
