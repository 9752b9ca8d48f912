import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto'
import { SignJWT, decodeJwt, jwtVerify } from 'jose'
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
    if (typeof payload.exp !== 'number') return undefined
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

/**
 * A verifier that remembers tokens whose signature it has checked, until they expire: a client
 * sends the same access token with every request for 15 minutes, and verifying it (WebCrypto HMAC
 * through jose) was a fifth of the server's CPU under load. Expiry is still checked on every use;
 * revocation is checked against the database by the caller, as before.
 */
export function cachedAccessTokenVerifier(
  secret: Uint8Array,
  maxEntries = 10_000,
  now: () => number = Date.now,
): (token: string) => Promise<AccessClaims | undefined> {
  const key = createSecretKey(secret)
  const seen = new Map<string, { claims: AccessClaims; expMs: number }>()
  return async (token) => {
    const hit = seen.get(token)
    if (hit) {
      if (hit.expMs > now()) return hit.claims
      seen.delete(token)
      return undefined
    }
    const claims = await verifyAccessToken(token, key)
    if (!claims) return undefined
    const exp = decodeJwt(token).exp
    if (typeof exp !== 'number') return undefined
    if (seen.size >= maxEntries) seen.clear()
    seen.set(token, { claims, expMs: exp * 1000 })
    return claims
  }
}

export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashRefreshToken(token) }
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
