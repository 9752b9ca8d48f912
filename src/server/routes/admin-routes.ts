import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { createUser } from '../accounts'
import { caller, type AppContext } from '../app'
import { assignsDossiers, managesAccounts, ROLES } from '../auth/roles'
import { forbidden, HttpError } from '../http-error'
import { APPEND_LOCK, INSERT_GRANTS } from '../sync/push'
import { INSERT_REVOCATIONS } from '../sync/revocations'
import { parseBody } from './parse'
import { ID_PATTERN } from '../../shared/sync'

const newUserSchema = z
  .object({
    email: z.string().email('Vul een geldig e-mailadres in.').max(200),
    name: z.string().min(1).max(200),
    role: z.enum(ROLES),
    password: z.string().min(12, 'Kies een wachtwoord van minstens 12 tekens.').max(200),
  })
  .strict()
/** Path parameters and references are ids (checked before any query, ADR 0012). */
const id = z.string().regex(ID_PATTERN, 'Ongeldige id.')
export const idParams = z.object({ id })
const assignmentSchema = z.object({ casemanagerId: id }).strict()

/** Accounts, devices and dossier assignment. */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/me', async (req) => {
    const who = caller(req)
    const rows = await ctx.db.query(
      'SELECT id, organisation_id, email, name, role FROM users WHERE id = $1',
      [who.userId],
    )
    return { user: rows[0], deviceId: who.deviceId }
  })

  app.get('/api/v1/users', async (req) => {
    const who = caller(req)
    if (who.role === 'casemanager') throw forbidden()
    const users = await ctx.db.query(
      'SELECT id, email, name, role, disabled FROM users WHERE organisation_id = $1 ORDER BY name',
      [who.organisationId],
    )
    return { users }
  })

  app.post('/api/v1/users', async (req, reply) => {
    const who = caller(req)
    if (!managesAccounts(who.role)) throw forbidden()
    const body = parseBody(newUserSchema, req.body)
    const user = await ctx.db.tx((q) =>
      createUser(q, { ...body, organisationId: who.organisationId }, ctx.scryptCost),
    )
    return reply.status(201).send({ user })
  })

  /**
   * Lockouts of the organisation's accounts after too many wrong passwords (ADR 0012), newest
   * first, for the beheerder.
   */
  app.get('/api/v1/lockouts', async (req) => {
    const who = caller(req)
    if (!managesAccounts(who.role)) throw forbidden()
    const rows = await ctx.db.query(
      `SELECT l.user_id, u.email, u.name, l.failures, l.locked_until, l.created_at
       FROM login_lockouts l JOIN users u ON u.id = l.user_id
       WHERE l.organisation_id = $1 ORDER BY l.id DESC LIMIT 200`,
      [who.organisationId],
    )
    return {
      lockouts: rows.map((r) => ({
        userId: String(r.user_id),
        email: String(r.email),
        name: String(r.name),
        failures: Number(r.failures),
        lockedUntil: new Date(r.locked_until as string | Date).toISOString(),
        at: new Date(r.created_at as string | Date).toISOString(),
      })),
    }
  })

  /** Own devices; a beheerder sees all of the organisation's. */
  app.get('/api/v1/devices', async (req) => {
    const who = caller(req)
    const all = managesAccounts(who.role)
    const devices = await ctx.db.query(
      `SELECT d.id, d.user_id, d.name, d.created_at, d.last_seen_at, d.revoked_at FROM devices d
       JOIN users u ON u.id = d.user_id
       WHERE u.organisation_id = $1 AND ($2::boolean OR d.user_id = $3) ORDER BY d.created_at`,
      [who.organisationId, all, who.userId],
    )
    return { devices }
  })

  app.post('/api/v1/devices/:id/revoke', async (req) => {
    const who = caller(req)
    const { id } = parseBody(idParams, req.params)
    const rows = await ctx.db.query(
      'SELECT d.user_id, u.organisation_id FROM devices d JOIN users u ON u.id = d.user_id WHERE d.id = $1',
      [id],
    )
    const d = rows[0]
    if (!d || d.organisation_id !== who.organisationId)
      throw new HttpError('not-found', 'Apparaat niet gevonden.')
    if (d.user_id !== who.userId && !managesAccounts(who.role)) throw forbidden()
    await ctx.db.query(
      'UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1',
      [id],
    )
    return { revoked: id }
  })

  /**
   * Reassigns a dossier to another casemanager of the organisation (teamleider, beheerder). The
   * new casemanager's next ordinary pull brings the dossier's whole history and its werknemer
   * (an access grant, ADR 0003); `GET /api/v1/sync/pull?dossierId=…&cursor=0` also returns both.
   */
  app.put('/api/v1/dossiers/:id/assignment', async (req) => {
    const who = caller(req)
    if (!assignsDossiers(who.role)) throw forbidden()
    const { id } = parseBody(idParams, req.params)
    const body = parseBody(assignmentSchema, req.body)
    const [acc] = await ctx.db.query(
      'SELECT organisation_id FROM dossier_access WHERE dossier_id = $1',
      [id],
    )
    if (!acc || acc.organisation_id !== who.organisationId)
      throw new HttpError('not-found', 'Dossier niet gevonden.')
    const [u] = await ctx.db.query(
      'SELECT organisation_id FROM users WHERE id = $1 AND NOT disabled',
      [body.casemanagerId],
    )
    if (!u || u.organisation_id !== who.organisationId) {
      throw new HttpError('validation', 'Onbekende casemanager.', 'casemanagerId')
    }
    // Under the append lock, so the grant's seq sits between the changes before and after it:
    // the new casemanager's next pull backfills the dossier and its werknemer (ADR 0003). The
    // previous casemanager gets a revocation the same way: their next pull removes the dossier
    // from their devices.
    await ctx.db.tx(
      async (q) => {
        const [before] = await q.query(
          'SELECT casemanager_id FROM dossier_access WHERE dossier_id = $1',
          [id],
        )
        await q.query(
          'UPDATE dossier_access SET casemanager_id = $2, updated_at = now() WHERE dossier_id = $1',
          [id, body.casemanagerId],
        )
        await q.query(INSERT_GRANTS, [JSON.stringify([{ u: body.casemanagerId, d: id }])])
        const previous = before ? String(before.casemanager_id) : null
        if (previous !== null && previous !== body.casemanagerId)
          await q.query(INSERT_REVOCATIONS, [JSON.stringify([{ u: previous, d: id }])])
      },
      { lock: APPEND_LOCK },
    )
    return { dossierId: id, casemanagerId: body.casemanagerId }
  })
}
