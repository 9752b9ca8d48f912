import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { SYNC_LIMITS } from '../../shared/sync'
import { caller, type AppContext } from '../app'
import { seesAllDossiers } from '../auth/roles'
import { forbidden, HttpError } from '../http-error'
import { parseBody } from './parse'

const sha = z.string().regex(/^[0-9a-f]{64}$/, 'Geen SHA-256 (hex).')
const missingSchema = z.object({ sha256: z.array(sha).max(1000) }).strict()

/**
 * Attachments are content-addressed (SHA-256 of the bytes) per organisation: a client asks which
 * hashes are missing and uploads only those, so each blob crosses the wire once.
 */
export function registerBlobRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: SYNC_LIMITS.maxBlobBytes },
    (_req, body, done) => done(null, body),
  )

  app.post('/api/v1/blobs/missing', async (req) => {
    const who = caller(req)
    const { sha256 } = parseBody(missingSchema, req.body)
    const have = await ctx.db.query(
      `SELECT sha256 FROM blobs WHERE organisation_id = $1 AND sha256 = ANY(SELECT jsonb_array_elements_text($2::text::jsonb))`,
      [who.organisationId, JSON.stringify(sha256)],
    )
    const present = new Set(have.map((r) => String(r.sha256)))
    return { missing: [...new Set(sha256)].filter((h) => !present.has(h)) }
  })

  app.put('/api/v1/blobs/:sha256', { bodyLimit: SYNC_LIMITS.maxBlobBytes }, async (req, reply) => {
    const who = caller(req)
    const { sha256 } = parseBody(z.object({ sha256: sha }), req.params)
    if (!Buffer.isBuffer(req.body))
      throw new HttpError('validation', 'Stuur de inhoud als application/octet-stream.', 'body')
    const actual = createHash('sha256').update(req.body).digest('hex')
    if (actual !== sha256)
      throw new HttpError('validation', 'De inhoud past niet bij de hash.', 'sha256')
    const rows = await ctx.db.query(
      `INSERT INTO blobs (organisation_id, sha256, size, content) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING sha256`,
      [who.organisationId, sha256, req.body.length, req.body],
    )
    return reply.status(rows.length ? 201 : 200).send({ sha256, stored: rows.length > 0 })
  })

  /** Readable only through an attachment record the caller may see. */
  app.get('/api/v1/blobs/:sha256', async (req, reply) => {
    const who = caller(req)
    const { sha256 } = parseBody(z.object({ sha256: sha }), req.params)
    const refs = await ctx.db.query(
      `SELECT a.casemanager_id FROM field_state f
       JOIN record_scope s ON s.table_name = f.table_name AND s.record_id = f.record_id
       JOIN dossier_access a ON a.dossier_id = s.dossier_id
       WHERE f.table_name = 'attachments' AND f.field = 'sha256' AND f.value = $1 AND s.organisation_id = $2`,
      [JSON.stringify(sha256), who.organisationId],
    )
    if (!refs.some((r) => seesAllDossiers(who.role) || r.casemanager_id === who.userId))
      throw forbidden('sha256')
    const [blob] = await ctx.db.query(
      'SELECT content FROM blobs WHERE organisation_id = $1 AND sha256 = $2',
      [who.organisationId, sha256],
    )
    if (!blob) throw new HttpError('not-found', 'Bijlage niet gevonden.')
    return reply.type('application/octet-stream').send(Buffer.from(blob.content as Uint8Array))
  })
}
