import { describe, expect, it } from 'vitest'
import { ACCESS_TTL_SECONDS, cachedAccessTokenVerifier, signAccessToken } from './tokens'

const secret = new TextEncoder().encode('token-test-secret-token-test-secret!')
const claims = { userId: 'u1', organisationId: 'o1', role: 'casemanager', deviceId: 'd1' } as const

describe('cached access token verifier', () => {
  it('accepts a valid token again from its cache, and refuses it once expired', async () => {
    let clock = Date.now()
    const verify = cachedAccessTokenVerifier(secret, 10, () => clock)
    const token = await signAccessToken(claims, secret)
    expect(await verify(token)).toEqual(claims)
    expect(await verify(token)).toEqual(claims)
    clock += (ACCESS_TTL_SECONDS + 1) * 1000
    expect(await verify(token)).toBeUndefined()
  })

  it('refuses a token signed with another key or altered, also after a valid one was cached', async () => {
    const verify = cachedAccessTokenVerifier(secret)
    const good = await signAccessToken(claims, secret)
    expect(await verify(good)).toEqual(claims)
    const other = await signAccessToken(
      claims,
      new TextEncoder().encode('another-secret-another-secret-another!'),
    )
    expect(await verify(other)).toBeUndefined()
    const [h, , sig] = good.split('.')
    const forged = Buffer.from(
      JSON.stringify({
        sub: 'u2',
        org: 'o1',
        role: 'teamleider',
        dev: 'd1',
        iss: 'hervat',
        exp: 9e9,
      }),
    ).toString('base64url')
    expect(await verify(`${h}.${forged}.${sig}`)).toBeUndefined()
  })
})
