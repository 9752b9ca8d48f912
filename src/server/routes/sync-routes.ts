import type { FastifyInstance } from 'fastify'
import { parsePushRequest, pullQuerySchema } from '../../shared/sync'
import { caller, type AppContext } from '../app'
import { HttpError } from '../http-error'
import { pull, pullForDevice } from '../sync/pull'
import { parseBody } from './parse'

export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/sync/push', async (req) => {
    const who = caller(req)
    const parsed = parsePushRequest(req.body)
    if (!parsed.ok) throw new HttpError('validation', parsed.message, parsed.field)
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
    const { id } = req.params as { id: string }
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
