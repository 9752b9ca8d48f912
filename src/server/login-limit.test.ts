import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from './app'
import type { ScryptCost } from './auth/passwords'
import type { Db } from './db/db'
import { migrate } from './db/migrations'
import {
  FAST_SCRYPT,
  PASSWORD,
  SECRET,
  seedOrganisation,
  storeFactories,
  type StoreFactory,
} from './test-support'

/**
 * The login limit (ADR 0012) on both stores: one normalised identity for limiting and
 * authentication, a limit per account and per source address kept in the database, a growing
 * wait, a lockout notice for the beheerder, and equal cost for unknown and known accounts.
 */

type Setup = {
  app: FastifyInstance
  db: Db
  clock: { ms: number }
  drop: () => Promise<void>
}

async function setup(
  factory: StoreFactory,
  opts: { perAccount?: number; perSource?: number; cost?: ScryptCost } = {},
): Promise<Setup> {
  const { db, drop } = await factory.open()
  await migrate(db)
  const clock = { ms: Date.UTC(2026, 0, 5, 9) }
  const app = await buildApp({
    db,
    jwtSecret: SECRET,
    scryptCost: opts.cost ?? FAST_SCRYPT,
    loginRateLimit: opts.perAccount ?? 3,
    ...(opts.perSource ? { loginSourceLimit: opts.perSource } : {}),
    now: () => clock.ms,
  })
  return {
    app,
    db,
    clock,
    drop: async () => {
      await app.close()
      await drop()
    },
  }
}

const login = async (
  app: FastifyInstance,
  email: string,
  password: string,
  remoteAddress = '10.1.1.1',
) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    payload: { email, password, deviceName: 'laptop' },
  })

describe.each(storeFactories())('login limit on $name', (factory) => {
  let s: Setup
  let orgA: string
  beforeAll(async () => {
    s = await setup(factory, { perAccount: 3, perSource: 6 })
    const a = await seedOrganisation(
      s.db,
      'Bureau A',
      [
        { email: 'victim@a.test', name: 'Victim', role: 'casemanager' as const },
        { email: 'josé@a.test', name: 'José', role: 'casemanager' as const },
        { email: 'beheer@a.test', name: 'Beheer', role: 'beheerder' as const },
      ],
      PASSWORD,
      FAST_SCRYPT,
    )
    orgA = a.organisationId
    await seedOrganisation(
      s.db,
      'Bureau B',
      [{ email: 'beheer@b.test', name: 'Beheer B', role: 'beheerder' as const }],
      PASSWORD,
      FAST_SCRYPT,
    )
  }, 60_000)
  afterAll(async () => s.drop())

  it('white space, case and Unicode form do not make another account for the limit', async () => {
    const codes: number[] = []
    for (const email of ['victim@a.test', ' victim@a.test', 'VICTIM@a.test\t'])
      codes.push((await login(s.app, email, 'wrong password', '10.2.0.1')).statusCode)
    expect(codes).toEqual([401, 401, 401])
    for (const email of [' victim@a.test', 'victim@a.test ', '\nVictim@A.TEST']) {
      const r = await login(s.app, email, PASSWORD, '10.2.0.2')
      expect(r.statusCode).toBe(429)
      expect(r.json()).toMatchObject({ error: { code: 'rate-limited' } })
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0)
    }
    // NFD (e + combining acute) is the same account as the NFC form it was created with.
    const nfd = 'jose\u0301@a.test'
    for (let i = 0; i < 3; i++) await login(s.app, i % 2 ? nfd : 'josé@a.test', 'wrong', '10.2.0.3')
    expect((await login(s.app, ` ${nfd}`, PASSWORD, '10.2.0.4')).statusCode).toBe(429)
  })

  it('limits one source address across accounts', async () => {
    const codes: number[] = []
    for (let i = 0; i < 8; i++)
      codes.push((await login(s.app, `probe${i}@a.test`, 'wrong', '10.3.0.1')).statusCode)
    expect(codes).toEqual([401, 401, 401, 401, 401, 401, 429, 429])
    // Another address is not affected.
    expect((await login(s.app, 'probe9@a.test', 'wrong', '10.3.0.2')).statusCode).toBe(401)
  })

  it('charges parallel guesses before checking them: no more than the limit get checked', async () => {
    const codes = (
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          login(s.app, 'beheer@a.test', 'wrong', `10.4.0.${i + 1}`),
        ),
      )
    ).map((r) => r.statusCode)
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(3)
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(7)
  })

  it('waits longer after every lockout, and a right password after the wait works', async () => {
    const email = 'victim@a.test'
    const start = s.clock.ms
    // Still locked from the first test: 60 s from its third failure.
    s.clock.ms = start + 61_000
    for (let i = 0; i < 3; i++)
      expect((await login(s.app, email, 'wrong', '10.5.0.1')).statusCode).toBe(401)
    // The second lockout lasts two minutes.
    s.clock.ms = start + 61_000 + 119_000
    expect((await login(s.app, email, PASSWORD, '10.5.0.1')).statusCode).toBe(429)
    s.clock.ms = start + 61_000 + 121_000
    expect((await login(s.app, email, PASSWORD, '10.5.0.1')).statusCode).toBe(200)
  })

  it('leaves a lockout notice the beheerder of that organisation can list, nobody else', async () => {
    s.clock.ms += 3_600_000
    const admin = (await login(s.app, 'beheer@a.test', PASSWORD, '10.6.0.1')).json<{
      accessToken: string
    }>()
    const list = await s.app.inject({
      url: '/api/v1/lockouts',
      headers: { authorization: `Bearer ${admin.accessToken}` },
    })
    expect(list.statusCode).toBe(200)
    const lockouts = list.json<{ lockouts: { email: string; failures: number }[] }>().lockouts
    expect(lockouts.map((l) => l.email)).toEqual(
      expect.arrayContaining(['victim@a.test', 'josé@a.test', 'beheer@a.test']),
    )
    // Unknown addresses (the probes) were limited but leave no notice.
    expect(lockouts.some((l) => l.email.startsWith('probe'))).toBe(false)
    const other = (await login(s.app, 'beheer@b.test', PASSWORD, '10.6.0.2')).json<{
      accessToken: string
    }>()
    const otherList = await s.app.inject({
      url: '/api/v1/lockouts',
      headers: { authorization: `Bearer ${other.accessToken}` },
    })
    expect(otherList.json()).toEqual({ lockouts: [] })
    const rows = await s.db.query('SELECT organisation_id FROM login_lockouts')
    expect(new Set(rows.map((r) => r.organisation_id))).toEqual(new Set([orgA]))
  })
})

describe.each(storeFactories())('login cost on $name', (factory) => {
  // Stronger than the tests' fast hashes, so the scrypt work dominates the request's own cost.
  const cost: ScryptCost = { N: 2 ** 16, r: 8, p: 1 }
  let s: Setup
  beforeAll(async () => {
    s = await setup(factory, { perAccount: 1000, perSource: 1000, cost })
    await seedOrganisation(
      s.db,
      'Bureau',
      [{ email: 'known@a.test', name: 'Known', role: 'casemanager' as const }],
      PASSWORD,
      cost,
    )
  }, 60_000)
  afterAll(async () => s.drop())

  it('an unknown e-mail costs the same as a wrong password (same scrypt parameters)', async () => {
    const time = async (email: string): Promise<number> => {
      const t0 = performance.now()
      const r = await login(s.app, email, 'wrong password')
      expect(r.statusCode).toBe(401)
      return performance.now() - t0
    }
    await time('warm-up@a.test')
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 3; i++) {
      known.push(await time('known@a.test'))
      unknown.push(await time(`nobody${i}@a.test`))
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const ratio = median(unknown) / median(known)
    // Generous: scheduling noise on a shared machine, but a cheaper dummy hash is far outside.
    expect(ratio).toBeGreaterThan(0.6)
    expect(ratio).toBeLessThan(1.6)
  })
})
