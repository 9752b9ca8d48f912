import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { authenticate } from '../accounts'
import { normaliseEmail } from '../auth/identity'
import type { AppContext } from '../app'
import {
  ACCESS_TTL_SECONDS,
  hashRefreshToken,
  newRefreshToken,
  REFRESH_TTL_DAYS,
  signAccessToken,
} from '../auth/tokens'
import type { Role } from '../auth/roles'
import type { Queryable } from '../db/db'
import { HttpError } from '../http-error'
import { parseBody } from './parse'

const loginSchema = z
  .object({
    email: z.string().min(3).max(200),
    password: z.string().min(1).max(200),
    deviceName: z.string().min(1).max(100),
  })
  .strict()
const refreshSchema = z.object({ refreshToken: z.string().min(10).max(200) }).strict()

export type TokenResponse = {
  accessToken: string
  refreshToken: string
  expiresIn: number
  deviceId: string
  user: { id: string; organisationId: string; name: string; email: string; role: Role }
}

async function issue(
  q: Queryable,
  ctx: AppContext,
  deviceId: string,
  user: TokenResponse['user'],
): Promise<TokenResponse> {
  const refresh = newRefreshToken()
  await q.query(
    `INSERT INTO refresh_tokens (token_hash, device_id, expires_at)
     VALUES ($1, $2, now() + interval '${REFRESH_TTL_DAYS} days')`,
    [refresh.hash, deviceId],
  )
  const accessToken = await signAccessToken(
    { userId: user.id, organisationId: user.organisationId, role: user.role, deviceId },
    ctx.jwtSecret,
  )
  return { accessToken, refreshToken: refresh.token, expiresIn: ACCESS_TTL_SECONDS, deviceId, user }
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  /**
   * Login (ADR 0012): the e-mail is normalised once, then the attempt is charged to the account
   * and the source address in the database before the password is checked (login-limit.ts).
   */
  app.post('/api/v1/auth/login', async (req, reply) => {
    const body = parseBody(loginSchema, req.body)
    const email = normaliseEmail(body.email)
    const charge = await ctx.limiter.charge(email, req.ip)
    if (!charge.ok) {
      const seconds = Math.ceil(charge.retryAfterMs / 1000)
      void reply.header('retry-after', String(seconds))
      throw new HttpError(
        'rate-limited',
        `Te veel mislukte inlogpogingen; probeer het over ${waitText(seconds)} opnieuw.`,
      )
    }
    let user: TokenResponse['user']
    try {
      user = await authenticate(ctx.db, email, body.password, ctx.scryptCost)
    } catch (e) {
      if (e instanceof HttpError && e.code === 'unauthorized')
        await ctx.limiter.failed(charge.ticket)
      throw e
    }
    await ctx.limiter.succeeded(charge.ticket)
    return ctx.db.tx(async (q) => {
      const deviceId = randomUUID()
      await q.query('INSERT INTO devices (id, user_id, name) VALUES ($1, $2, $3)', [
        deviceId,
        user.id,
        body.deviceName,
      ])
      return issue(q, ctx, deviceId, user)
    })
  })

  /** Rotates the refresh token; a reused (stolen) token revokes the device. */
  app.post('/api/v1/auth/refresh', async (req) => {
    const body = parseBody(refreshSchema, req.body)
    const result = await ctx.db.tx(async (q) => {
      const rows = await q.query(
        `SELECT t.device_id, t.used_at, t.expires_at < now() AS expired, d.revoked_at, u.id, u.organisation_id,
                u.name, u.email, u.role, u.disabled
         FROM refresh_tokens t JOIN devices d ON d.id = t.device_id JOIN users u ON u.id = d.user_id
         WHERE t.token_hash = $1 FOR UPDATE OF t`,
        [hashRefreshToken(body.refreshToken)],
      )
      const r = rows[0]
      if (!r || r.expired || r.revoked_at || r.disabled) return undefined
      if (r.used_at) {
        await q.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [r.device_id])
        return undefined
      }
      await q.query('UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1', [
        hashRefreshToken(body.refreshToken),
      ])
      const user = {
        id: String(r.id),
        organisationId: String(r.organisation_id),
        name: String(r.name),
        email: String(r.email),
        role: r.role as Role,
      }
      return issue(q, ctx, String(r.device_id), user)
    })
    if (!result) throw new HttpError('unauthorized', 'Log opnieuw in.')
    return result
  })
}

const waitText = (seconds: number): string => {
  const minutes = Math.ceil(seconds / 60)
  return minutes <= 1 ? 'een minuut' : `${minutes} minuten`
}
