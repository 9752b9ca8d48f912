import { createHash, randomBytes, type KeyObject } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import { ROLES, type Role } from './roles'

/** Short-lived access tokens (JWT, HS256) and opaque refresh tokens (stored hashed). */

export const ACCESS_TTL_SECONDS = 15 * 60
export const REFRESH_TTL_DAYS = 30

export type AccessClaims = { userId: string; organisationId: string; role: Role; deviceId: string }

export async function signAccessToken(claims: AccessClaims, secret: Uint8Array): Promise<string> {
  return new SignJWT({ org: claims.organisationId, role: claims.role, dev: claims.deviceId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer('hervat')
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TTL_SECONDS}s`)
    .sign(secret)
}

/** `secret` may be a KeyObject made once (createSecretKey): that saves a key import per request. */
export async function verifyAccessToken(
  token: string,
  secret: Uint8Array | KeyObject,
): Promise<AccessClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: 'hervat', algorithms: ['HS256'] })
    const role = payload.role
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.org !== 'string' ||
      typeof payload.dev !== 'string' ||
      !(ROLES as readonly unknown[]).includes(role)
    ) {
      return undefined
    }
    return {
      userId: payload.sub,
      organisationId: payload.org,
      role: role as Role,
      deviceId: payload.dev,
    }
  } catch {
    return undefined
  }
}

export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashRefreshToken(token) }
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
