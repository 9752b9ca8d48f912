import type { FastifyInstance } from 'fastify'
import { parsePushRequest, pullQuerySchema, type PushRequest } from '../../shared/sync'
import { checkFieldValue } from '../../shared/sync/values'
import type { AccessClaims } from '../auth/tokens'
import { caller, type AppContext } from '../app'
import { forbidden, HttpError } from '../http-error'
import { pull, pullForDevice } from '../sync/pull'
import { idParams } from './admin-routes'
import { parseBody } from './parse'

/**
 * Every pushed value against its field's shared schema, and every audit entry's actor against
 * the token (ADR 0012). A refusal names the change (`changes.N.value…`), so the client sets that
 * one change aside and pushes the rest; nothing of the push is applied.
 */
export function checkPushValues(who: AccessClaims, req: PushRequest): void {
  req.changes.forEach((c, i) => {
    const r = checkFieldValue(c.table, c.field, c.value)
    if (!r.ok)
      throw new HttpError('validation', r.message, [`changes.${i}.value`, ...r.path].join('.'))
    if (c.table === 'audit' && c.field === 'actorId' && c.value !== null && c.value !== who.userId)
      throw forbidden(`changes.${i}.value`)
  })
}

export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/sync/push', async (req) => {
    const who = caller(req)
    const parsed = parsePushRequest(req.body)
    if (!parsed.ok) throw new HttpError('validation', parsed.message, parsed.field)
    checkPushValues(who, parsed.value)
    // Group commit (push.ts): also records the device's last_seen_at in the same transaction.
    return ctx.push(who, parsed.value, ctx.now())
  })

  app.get('/api/v1/sync/pull', async (req) => {
    const who = caller(req)
    const query = parseBody(pullQuerySchema, req.query)
    // The device is checked in the pull's own statement (app.ts skips it for this route).
    return pullForDevice(ctx.db, who, query)
  })

  /** The conflict records of one dossier (overwritten concurrent values), for review. */
  app.get('/api/v1/dossiers/:id/conflicts', async (req) => {
    const who = caller(req)
    const { id } = parseBody(idParams, req.params)
    await pull(ctx.db, who, { cursor: 0, limit: 1, dossierId: id })
    const rows = await ctx.db.query(
      `SELECT table_name, record_id, field, hlc, value, change_id FROM conflicts
       WHERE dossier_id = $1 AND organisation_id = $2 ORDER BY table_name, record_id, field, hlc`,
      [id, who.organisationId],
    )
    return {
      conflicts: rows.map((r) => ({
        table: r.table_name,
        recordId: r.record_id,
        field: r.field,
        hlc: r.hlc,
        changeId: r.change_id,
        value: JSON.parse(String(r.value)),
      })),
    }
  })
}
