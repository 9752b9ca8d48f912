import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import { createOrganisation, createUser } from './accounts'
import { buildApp } from './app'
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
      open: async () => {
        const name = `hervat_test_${randomUUID().replace(/-/g, '')}`
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
      },
    })
  }
  return out
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

export async function buildWorld(factory: StoreFactory, loginRateLimit = 1000): Promise<World> {
  const { db, drop } = await factory.open()
  await migrate(db)
  const app = await buildApp({ db, jwtSecret: SECRET, scryptCost: FAST_SCRYPT, loginRateLimit })
  const orgA = await createOrganisation(db, 'Bureau A')
  const orgB = await createOrganisation(db, 'Bureau B')
  const spec: [keyof World['actors'], string, Role][] = [
    ['cmA1', orgA, 'casemanager'],
    ['cmA2', orgA, 'casemanager'],
    ['tlA', orgA, 'teamleider'],
    ['adminA', orgA, 'beheerder'],
    ['tlB', orgB, 'teamleider'],
  ]
  const actors = {} as World['actors']
  for (const [key, organisationId, role] of spec) {
    const email = `${key}-${randomUUID().slice(0, 8)}@example.nl`
    const user = await createUser(
      db,
      { organisationId, email, name: key, role, password: PASSWORD },
      FAST_SCRYPT,
    )
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD, deviceName: 'test' },
    })
    const body = res.json<{ accessToken: string; deviceId: string; refreshToken: string }>()
    actors[key] = {
      id: user.id,
      token: body.accessToken,
      deviceId: body.deviceId,
      refreshToken: body.refreshToken,
    }
  }
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
