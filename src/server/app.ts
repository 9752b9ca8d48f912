import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import type { ScryptCost } from './auth/passwords'
import { cachedAccessTokenVerifier, type AccessClaims } from './auth/tokens'
import { checkDevice } from './auth/device-check'
import { createLoginLimiter, type LoginLimiter } from './auth/login-limit'
import { dummyHash } from './accounts'
import type { Db } from './db/db'
import { installCors, installSecurityHeaders } from './cors'
import { HttpError, installErrorHandling, type ServerErrorLog } from './http-error'
import { installInputGate } from './input-gate'
import { OPENAPI } from './openapi'
import { registerAdminRoutes } from './routes/admin-routes'
import { registerAuthRoutes } from './routes/auth-routes'
import { registerBlobRoutes } from './routes/blob-routes'
import { registerSyncRoutes } from './routes/sync-routes'
import { registerUpdateRoutes } from './routes/update-routes'
import { createPusher, type Pusher } from './sync/push'

export type AppOptions = {
  readonly db: Db
  readonly jwtSecret: Uint8Array
  /** Failed logins per account before a lockout (ADR 0012; default 10). */
  readonly loginRateLimit?: number
  /** Failed logins per source address, across accounts, before a lockout (default 3 × the above). */
  readonly loginSourceLimit?: number
  readonly scryptCost?: ScryptCost
  readonly logger?: boolean
  /** Origins allowed besides the app's own (HERVAT_CORS_ORIGINS; cors.ts). */
  readonly corsOrigins?: readonly string[]
  /** Where every 5xx is logged (structured, no personal data); standard error by default. */
  readonly errorLog?: ServerErrorLog
  readonly now?: () => number
  /** Folder of the desktop app's update feed (HERVAT_UPDATES_DIR); no `/updates/` without it. */
  readonly updatesDir?: string
}

export type AppContext = Required<
  Omit<
    AppOptions,
    'logger' | 'scryptCost' | 'loginSourceLimit' | 'errorLog' | 'corsOrigins' | 'updatesDir'
  >
> & {
  scryptCost?: ScryptCost
  limiter: LoginLimiter
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
  const now = opts.now ?? Date.now
  const perAccount = opts.loginRateLimit ?? 10
  const ctx: AppContext = {
    db: opts.db,
    jwtSecret: opts.jwtSecret,
    loginRateLimit: perAccount,
    now,
    limiter: createLoginLimiter(
      opts.db,
      { perAccount, perSource: opts.loginSourceLimit ?? 3 * perAccount },
      now,
    ),
    push: createPusher(opts.db),
    ...(opts.scryptCost ? { scryptCost: opts.scryptCost } : {}),
  }
  const verifyToken = cachedAccessTokenVerifier(opts.jwtSecret)
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 8 * 1024 * 1024 })
  installErrorHandling(app, opts.errorLog)
  installCors(app, opts.corsOrigins)
  installSecurityHeaders(app)
  installInputGate(app)
  // The hash an unknown e-mail is checked against, made before the first login needs it.
  void dummyHash(opts.scryptCost)

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
  await registerUpdateRoutes(app, opts.updatesDir)
  return app
}
