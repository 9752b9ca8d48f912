import { randomBytes, randomUUID } from 'node:crypto'
import type { Db, Queryable } from './db/db'
import { hashPassword, STRONG_SCRYPT, verifyPassword, type ScryptCost } from './auth/passwords'
import { normaliseEmail } from './auth/identity'
import type { Role } from './auth/roles'
import { HttpError } from './http-error'

export type UserRow = {
  id: string
  organisationId: string
  email: string
  name: string
  role: Role
}

export async function createOrganisation(q: Queryable, name: string): Promise<string> {
  const id = randomUUID()
  await q.query('INSERT INTO organisations (id, name) VALUES ($1, $2)', [id, name])
  return id
}

export async function createUser(
  q: Queryable,
  input: { organisationId: string; email: string; name: string; role: Role; password: string },
  cost?: ScryptCost,
): Promise<UserRow> {
  const id = randomUUID()
  const email = normaliseEmail(input.email)
  const exists = await q.query('SELECT 1 FROM users WHERE email = $1', [email])
  if (exists.length) throw new HttpError('conflict', 'Dit e-mailadres is al in gebruik.', 'email')
  await q.query(
    `INSERT INTO users (id, organisation_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      id,
      input.organisationId,
      email,
      input.name,
      input.role,
      await hashPassword(input.password, cost),
    ],
  )
  return { id, organisationId: input.organisationId, email, name: input.name, role: input.role }
}

/** First run: the first organisation and its beheerder; refuses when any organisation exists. */
export async function initialise(
  db: Db,
  input: { organisationName: string; email: string; name: string; password: string },
  cost?: ScryptCost,
): Promise<UserRow> {
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(727002)')
    const any = await q.query('SELECT 1 FROM organisations LIMIT 1')
    if (any.length) throw new HttpError('conflict', 'Er bestaat al een organisatie.')
    const organisationId = await createOrganisation(q, input.organisationName)
    return createUser(q, { ...input, organisationId, role: 'beheerder' }, cost)
  })
}

/**
 * Checks email and password; the same answer for an unknown email and a wrong password, at the
 * same cost: an unknown email is checked against a hash made with the same scrypt parameters as
 * new accounts get (`cost`), on the same code path (ADR 0012).
 */
export async function authenticate(
  db: Db,
  email: string,
  password: string,
  cost: ScryptCost = STRONG_SCRYPT,
): Promise<UserRow> {
  const rows = await db.query(
    `SELECT id, organisation_id, email, name, role, password_hash FROM users
     WHERE email = $1 AND NOT disabled`,
    [normaliseEmail(email)],
  )
  const row = rows[0]
  const hash = typeof row?.password_hash === 'string' ? row.password_hash : await dummyHash(cost)
  const okPassword = await verifyPassword(password, hash)
  if (!row || !okPassword)
    throw new HttpError('unauthorized', 'E-mailadres of wachtwoord klopt niet.')
  return {
    id: String(row.id),
    organisationId: String(row.organisation_id),
    email: String(row.email),
    name: String(row.name),
    role: row.role as Role,
  }
}

const dummies = new Map<string, Promise<string>>()

/** A hash of a random password at `cost`, made once per cost and process. */
export function dummyHash(cost: ScryptCost = STRONG_SCRYPT): Promise<string> {
  const key = `${cost.N}/${cost.r}/${cost.p}`
  let h = dummies.get(key)
  if (!h) {
    h = hashPassword(randomBytes(24).toString('base64url'), cost)
    dummies.set(key, h)
  }
  return h
}
