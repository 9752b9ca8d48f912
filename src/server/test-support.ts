import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import { createOrganisation, createUser } from './accounts'
import { buildApp, type AppOptions } from './app'
import type { ScryptCost } from './auth/passwords'
import type { Role } from './auth/roles'
import { openPglite, openPostgres, type Db } from './db/db'
import { migrate } from './db/migrations'

/**
 * Test harness: every server suite runs on the embedded store, and on a real PostgreSQL when
 * HERVAT_TEST_DATABASE_URL is set (a fresh database per store, dropped afterwards).
 */

export const FAST_SCRYPT: ScryptCost = { N: 1024, r: 8, p: 1 }
export const PASSWORD = 'correct horse battery'
export const SECRET = new TextEncoder().encode('test-secret-test-secret-test-secret!')

export type StoreFactory = {
  name: 'pglite' | 'postgres'
  open: () => Promise<{ db: Db; drop: () => Promise<void> }>
}

export function storeFactories(): StoreFactory[] {
  const out: StoreFactory[] = [
    {
      name: 'pglite',
      open: async () => {
        const db = await openPglite(undefined)
        return { db, drop: () => db.close() }
      },
    },
  ]
  const url = process.env.HERVAT_TEST_DATABASE_URL
  if (url) {
    out.push({
      name: 'postgres',
      open: () => freshPostgresDatabase(url, 'hervat_test'),
    })
  }
  return out
}

/** A new, empty database on the PostgreSQL server at `url`; `drop` closes and removes it. */
export async function freshPostgresDatabase(
  url: string,
  prefix: string,
): Promise<{ db: Db; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const u = new URL(url)
  u.pathname = `/${name}`
  const db = await openPostgres(u.toString())
  return {
    db,
    drop: async () => {
      await db.close()
      const a = new pg.Client({ connectionString: url })
      await a.connect()
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await a.end()
    },
  }
}

export type SeedUser = { readonly email: string; readonly name: string; readonly role: Role }

/**
 * Users of an organisation, all with `password`, for the server tests and the sync bench.
 * `scryptCost` is their hashes' cost: FAST_SCRYPT where a test or a load account measures
 * something other than login; without it, the production cost.
 */
export async function seedUsers<U extends SeedUser>(
  db: Db,
  organisationId: string,
  users: readonly U[],
  password: string,
  scryptCost?: ScryptCost,
): Promise<(U & { readonly id: string })[]> {
  const out: (U & { readonly id: string })[] = []
  for (const u of users) {
    const { email, name, role } = u
    const row = await createUser(db, { organisationId, email, name, role, password }, scryptCost)
    out.push({ ...u, id: row.id })
  }
  return out
}

/** A new organisation with its users (see seedUsers). */
export async function seedOrganisation<U extends SeedUser>(
  db: Db,
  name: string,
  users: readonly U[],
  password: string,
  scryptCost?: ScryptCost,
): Promise<{ organisationId: string; users: (U & { readonly id: string })[] }> {
  const organisationId = await createOrganisation(db, name)
  return {
    organisationId,
    users: await seedUsers(db, organisationId, users, password, scryptCost),
  }
}

export type Actor = { id: string; token: string; deviceId: string; refreshToken: string }
export type World = {
  app: FastifyInstance
  db: Db
  orgA: string
  orgB: string
  actors: Record<'cmA1' | 'cmA2' | 'tlA' | 'adminA' | 'tlB', Actor>
  close: () => Promise<void>
}

export async function buildWorld(
  factory: StoreFactory,
  loginRateLimit = 1000,
  /** `prepare`: adds to the app before it starts (a test's fault-injecting hook). */
  { prepare, ...options }: Partial<AppOptions> & { prepare?: (app: FastifyInstance) => void } = {},
): Promise<World> {
  const { db, drop } = await factory.open()
  await migrate(db)
  const app = await buildApp({
    db,
    jwtSecret: SECRET,
    scryptCost: FAST_SCRYPT,
    loginRateLimit,
    ...options,
  })
  prepare?.(app)
  const user = (key: keyof World['actors'], role: Role) => ({
    key,
    email: `${key}-${randomUUID().slice(0, 8)}@example.nl`,
    name: key,
    role,
  })
  const a = await seedOrganisation(
    db,
    'Bureau A',
    [
      user('cmA1', 'casemanager'),
      user('cmA2', 'casemanager'),
      user('tlA', 'teamleider'),
      user('adminA', 'beheerder'),
    ],
    PASSWORD,
    FAST_SCRYPT,
  )
  const b = await seedOrganisation(
    db,
    'Bureau B',
    [user('tlB', 'teamleider')],
    PASSWORD,
    FAST_SCRYPT,
  )
  const actors = {} as World['actors']
  for (const u of [...a.users, ...b.users]) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: PASSWORD, deviceName: 'test' },
    })
    const body = res.json<{ accessToken: string; deviceId: string; refreshToken: string }>()
    actors[u.key] = {
      id: u.id,
      token: body.accessToken,
      deviceId: body.deviceId,
      refreshToken: body.refreshToken,
    }
  }
  const orgA = a.organisationId
  const orgB = b.organisationId
  return {
    app,
    db,
    orgA,
    orgB,
    actors,
    close: async () => {
      await app.close()
      await drop()
    },
  }
}

export const auth = (a: Actor): Record<string, string> => ({ authorization: `Bearer ${a.token}` })

let counter = 0
/** A well-formed change; `node` names the writing replica. */
export function change(
  dossierId: string,
  field = 'status',
  value: unknown = 'actief',
  opts: {
    table?: string
    recordId?: string
    wallMs?: number
    node?: string
    baseHlc?: string | null
    id?: string
  } = {},
): Record<string, unknown> {
  counter++
  const wall = String(opts.wallMs ?? Date.now()).padStart(15, '0')
  return {
    id: opts.id ?? `ch-${randomUUID()}`,
    table: opts.table ?? 'dossiers',
    recordId: opts.recordId ?? dossierId,
    dossierId,
    field,
    value,
    hlc: `${wall}-${String(counter % 99_999).padStart(5, '0')}-${opts.node ?? 'nodeT'}`,
    baseHlc: opts.baseHlc ?? null,
  }
}
