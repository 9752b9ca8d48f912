import { z } from 'zod'
import { isHlc, type Hlc } from './hlc'
import { isSyncField, isSyncTable, tableScope, type SyncTable } from './tables'

/**
 * The wire protocol between the sync client (renderer) and the server (src/server), version 1.
 * Everything arriving from the other side starts as `unknown` and is parsed here; a failure names
 * the field (`changes.3.field`), so the server can answer 400 with it (style.md rule 3).
 */

export const SYNC_LIMITS = {
  /** Changes per push; a client splits a larger outbox into several pushes. */
  maxChangesPerPush: 5000,
  /** Serialised JSON size of one field value; contact summaries are at most 8,000 characters. */
  maxValueBytes: 16_384,
  /** Changes per pull page (default and maximum). */
  defaultPullLimit: 2000,
  maxPullLimit: 10_000,
  /** Attachment blobs (content-addressed, transferred once). */
  maxBlobBytes: 25 * 1024 * 1024,
} as const

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

/** Client-generated ids (UUIDv7 recommended): no server round trip needed to create a record. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
const idField = z.string().regex(ID_PATTERN, 'Ongeldige id.')
const hlcField = z.custom<Hlc>((v) => isHlc(v), 'Ongeldige HLC-tijdstempel.')

function jsonSize(value: unknown): number | undefined {
  try {
    const s = JSON.stringify(value)
    return s === undefined ? undefined : new TextEncoder().encode(s).length
  } catch {
    return undefined
  }
}

/**
 * One field-level change, as recorded in the client's outbox and stored in the server's log.
 * `baseHlc` is the timestamp of the value the writer saw when it made this change (null for a
 * field it had never seen); the merge rule uses it to tell a knowing overwrite from a conflict.
 */
export const syncChangeSchema = z
  .object({
    id: idField,
    table: z.string().refine(isSyncTable, 'Onbekende tabel.'),
    recordId: idField,
    /** The dossier the record belongs to: the record itself for `dossiers`, null for org tables. */
    dossierId: idField.nullable(),
    field: z.string().max(64),
    value: z.unknown(),
    hlc: hlcField,
    baseHlc: hlcField.nullable(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!isSyncTable(c.table)) return
    if (!isSyncField(c.table, c.field)) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: `Onbekend veld voor ${c.table}.` })
    }
    const size = jsonSize(c.value)
    if (size === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Waarde is geen JSON.' })
    } else if (size > SYNC_LIMITS.maxValueBytes) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Waarde is te groot.' })
    }
    const scope = tableScope(c.table)
    if (scope === 'organisation' && c.dossierId !== null) {
      ctx.addIssue({ code: 'custom', path: ['dossierId'], message: 'Hoort niet bij een dossier.' })
    }
    if (scope === 'dossier' && c.dossierId !== c.recordId) {
      ctx.addIssue({
        code: 'custom',
        path: ['dossierId'],
        message: 'Moet gelijk zijn aan recordId.',
      })
    }
    if (scope === 'dossier-child' && c.dossierId === null) {
      ctx.addIssue({ code: 'custom', path: ['dossierId'], message: 'Dossier ontbreekt.' })
    }
    if (c.baseHlc !== null && c.baseHlc >= c.hlc) {
      ctx.addIssue({ code: 'custom', path: ['baseHlc'], message: 'Moet voor hlc liggen.' })
    }
  })

export type SyncChange = {
  readonly id: string
  readonly table: SyncTable
  readonly recordId: string
  readonly dossierId: string | null
  readonly field: string
  readonly value: Json
  readonly hlc: Hlc
  readonly baseHlc: Hlc | null
}

/** A change as the server hands it out: with its position in the log. */
export type PulledChange = SyncChange & { readonly seq: number }

export const pushRequestSchema = z
  .object({
    changes: z.array(syncChangeSchema).min(1).max(SYNC_LIMITS.maxChangesPerPush),
  })
  .strict()
export type PushRequest = { readonly changes: readonly SyncChange[] }

export type PushResponse = {
  /** Changes appended to the log by this push. */
  readonly accepted: number
  /** Changes the server already had (a retried push): applied once, never twice. */
  readonly duplicates: number
  /** Concurrent overwrites this push produced; the overwritten values are kept as conflicts. */
  readonly conflicts: number
  /** Highest log position after this push. */
  readonly headSeq: number
}

export const pullQuerySchema = z
  .object({
    cursor: z.coerce.number().int().min(0).default(0),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(SYNC_LIMITS.maxPullLimit)
      .default(SYNC_LIMITS.defaultPullLimit),
    dossierId: idField.optional(),
  })
  .strict()

export type PullResponse = {
  readonly changes: readonly PulledChange[]
  /** Pass back as `cursor` on the next pull; never skips a committed change. */
  readonly cursor: number
  readonly hasMore: boolean
  /** Highest log position visible when this page was read (for progress). */
  readonly headSeq: number
  /** On the first page (cursor 0): how many changes this user will receive in all. */
  readonly total?: number
  /**
   * Dossiers this user lost after the request's cursor (reassigned to another casemanager) and
   * does not have again now: the client removes them and everything of them from the device.
   * Always empty for a teamleider or beheerder, and on a page with `hasMore`.
   */
  readonly revoked: readonly string[]
}

/** `revoked` of a pull response, as the client parses it (absent from an older server: none). */
export const revokedSchema = z.array(idField).max(100_000).optional().default([])

/** Parses a push body; the error names the offending field as a dotted path. */
export function parsePushRequest(
  body: unknown,
): { ok: true; value: PushRequest } | { ok: false; field: string; message: string } {
  const r = pushRequestSchema.safeParse(body)
  if (r.success) return { ok: true, value: r.data as PushRequest }
  const issue = r.error.issues[0]
  const field = issue?.path.map(String).join('.') ?? ''
  return { ok: false, field: field || 'body', message: issue?.message ?? 'Ongeldige invoer.' }
}
