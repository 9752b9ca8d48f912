import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * Passwords hashed with scrypt (memory-hard). Default cost N=2^17, r=8, p=1 (128 MiB), the OWASP
 * recommendation; the parameters are stored with the hash so they can be raised later.
 */

export type ScryptCost = { readonly N: number; readonly r: number; readonly p: number }
export const STRONG_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 }
const KEY_LEN = 32

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const opts: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LEN, opts, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  )
}

export async function hashPassword(
  password: string,
  cost: ScryptCost = STRONG_SCRYPT,
): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$')
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
