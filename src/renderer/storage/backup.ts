import { z } from 'zod'
import {
  appointmentInputSchema,
  attachmentInputSchema,
  contactInputSchema,
  dossierInputSchema,
  employeeInputSchema,
  employerInputSchema,
  interventionInputSchema,
  leaveInputSchema,
  milestoneMarkInputSchema,
  partialRecoveryInputSchema,
  recordMetaSchema,
  sickPeriodInputSchema,
} from '../../shared/domain/entities'
import { issuePath } from '../../shared/domain/validation'
import type { Result } from '../../shared/kernel/errors'
import { sha256Hex } from './attachments'
import { DATA_TABLES, type DataTable } from './db'
import { CURRENT_VERSION } from './schema'
import { compact, type StoreContext } from './write'

export const BACKUP_FORMAT = 'hervat-backup'

const child = z.object({ dossierId: z.string().min(1) })
/** Per table: the shared input schema plus the fields a stored record adds. */
const TABLE_SCHEMAS: Record<DataTable, readonly [z.ZodType, z.ZodType]> = {
  employers: [employerInputSchema, recordMetaSchema],
  employees: [employeeInputSchema, recordMetaSchema],
  dossiers: [dossierInputSchema, recordMetaSchema.extend({ employerId: z.string().min(1) })],
  sickPeriods: [sickPeriodInputSchema, recordMetaSchema.extend(child.shape)],
  partialRecoveries: [partialRecoveryInputSchema, recordMetaSchema.extend(child.shape)],
  leaves: [leaveInputSchema, recordMetaSchema.extend(child.shape)],
  contacts: [contactInputSchema, recordMetaSchema.extend(child.shape)],
  interventions: [interventionInputSchema, recordMetaSchema.extend(child.shape)],
  appointments: [appointmentInputSchema, recordMetaSchema.extend(child.shape)],
  attachments: [
    attachmentInputSchema,
    recordMetaSchema.extend({
      ...child.shape,
      fileName: z.string().min(1).max(200),
      mimeType: z.literal('application/pdf'),
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ],
  milestoneMarks: [milestoneMarkInputSchema, recordMetaSchema.extend(child.shape)],
}

const blobSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), base64: z.string() })

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'Dit is geen back-up van Hervat.' }),
  version: z
    .number()
    .int()
    .min(1)
    .max(CURRENT_VERSION, { error: 'Deze back-up komt uit een nieuwere versie van Hervat.' }),
  exportedAt: z.string(),
  tables: z.record(z.string(), z.array(z.unknown())),
})

export function toBase64(data: Uint8Array): string {
  let s = ''
  for (let i = 0; i < data.length; i += 0x8000)
    s += String.fromCharCode(...data.subarray(i, i + 0x8000))
  return btoa(s)
}

export function fromBase64(text: string): Uint8Array | undefined {
  try {
    const s = atob(text)
    const out = new Uint8Array(s.length)
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
    return out
  } catch {
    return undefined
  }
}

type Failure = Result<never>
const fail = (field: string, message: string): Failure => ({
  ok: false,
  error: { kind: 'validation', field, message: `${field}: ${message}` },
})

type Parsed = {
  rows: Record<DataTable, Record<string, unknown>[]>
  blobs: { sha256: string; data: Uint8Array; size: number }[]
}

/** Validates a whole backup before anything is written: format, every record, every reference. */
async function parseBackup(bytes: Uint8Array): Promise<Result<Parsed>> {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return fail('bestand', 'Het bestand is geen leesbare JSON (beschadigd of afgebroken).')
  }
  const env = envelopeSchema.safeParse(json)
  if (!env.success) {
    const issue = env.error.issues[0]
    return fail(
      issue ? issuePath(issue.path) || 'bestand' : 'bestand',
      issue?.message ?? 'Dit is geen back-up van Hervat.',
    )
  }
  const rows = {} as Parsed['rows']
  const ids = {} as Record<DataTable, Set<string>>
  for (const table of DATA_TABLES) {
    const [inputSchema, metaSchema] = TABLE_SCHEMAS[table]
    const list = env.data.tables[table] ?? []
    rows[table] = []
    ids[table] = new Set()
    for (const [i, raw] of list.entries()) {
      const a = inputSchema.safeParse(raw)
      const b = metaSchema.safeParse(raw)
      const issue = !a.success ? a.error.issues[0] : !b.success ? b.error.issues[0] : undefined
      if (issue || !a.success || !b.success) {
        return fail(
          `${table}[${i}]${issue ? `.${issuePath(issue.path)}` : ''}`,
          issue?.message ?? 'ongeldig',
        )
      }
      const record = compact({ ...(a.data as object), ...(b.data as object) }) as Record<
        string,
        unknown
      > & { id: string }
      if (ids[table].has(record.id)) return fail(`${table}[${i}].id`, 'Dit id komt twee keer voor.')
      ids[table].add(record.id)
      rows[table].push(record)
    }
  }
  for (const [table, field, parent] of [
    ['employees', 'employerId', 'employers'],
    ['dossiers', 'employeeId', 'employees'],
    ['dossiers', 'employerId', 'employers'],
    ...DATA_TABLES.filter((t) => !['employers', 'employees', 'dossiers'].includes(t)).map(
      (t) => [t, 'dossierId', 'dossiers'] as const,
    ),
  ] as const) {
    for (const [i, r] of rows[table].entries()) {
      if (!ids[parent].has(String(r[field])))
        return fail(`${table}[${i}].${field}`, `Verwijst naar een ontbrekend record in ${parent}.`)
    }
  }
  const blobs: Parsed['blobs'] = []
  for (const [i, raw] of (env.data.tables['blobs'] ?? []).entries()) {
    const b = blobSchema.safeParse(raw)
    const data = b.success ? fromBase64(b.data.base64) : undefined
    if (!b.success || !data) return fail(`blobs[${i}]`, 'Ongeldige bijlage-inhoud.')
    if ((await sha256Hex(data)) !== b.data.sha256)
      return fail(`blobs[${i}].sha256`, 'De inhoud klopt niet met de controlesom.')
    blobs.push({ sha256: b.data.sha256, data, size: data.length })
  }
  const have = new Set(blobs.map((b) => b.sha256))
  for (const [i, a] of rows.attachments.entries()) {
    if (!have.has(String(a['sha256'])))
      return fail(`attachments[${i}].sha256`, 'De inhoud van deze bijlage ontbreekt.')
  }
  return { ok: true, value: { rows, blobs } }
}

/** Backup export and import of everything on this computer, and wiping it. */
export function backupRepository(ctx: StoreContext) {
  const { db } = ctx
  const allTables = () => [...DATA_TABLES.map((t) => db.table(t)), db.blobs, db.changes]
  return {
    exportAll: async (): Promise<Uint8Array> => {
      const tables: Record<string, unknown[]> = {}
      await db.transaction('r', allTables(), async () => {
        for (const t of DATA_TABLES) tables[t] = await db.table(t).orderBy('id').toArray()
        tables['blobs'] = (await db.blobs.orderBy('sha256').toArray()).map((b) => ({
          sha256: b.sha256,
          base64: toBase64(b.data),
        }))
      })
      const doc = {
        format: BACKUP_FORMAT,
        version: CURRENT_VERSION,
        exportedAt: ctx.clock().toISOString(),
        tables,
      }
      return new TextEncoder().encode(JSON.stringify(doc, null, 1))
    },
    /** Replaces everything, in one transaction, only after the whole file validated. */
    importAll: async (bytes: Uint8Array): Promise<Result<{ counts: Record<string, number> }>> => {
      const parsed = await parseBackup(bytes)
      if (!parsed.ok) return parsed
      const counts: Record<string, number> = {}
      await db.transaction('rw', allTables(), async () => {
        for (const t of [...DATA_TABLES, 'blobs', 'changes']) await db.table(t).clear()
        for (const t of DATA_TABLES) {
          await db.table(t).bulkAdd(parsed.value.rows[t])
          counts[t] = parsed.value.rows[t].length
        }
        await db.blobs.bulkAdd(parsed.value.blobs)
      })
      return { ok: true, value: { counts } }
    },
    wipe: async (): Promise<void> => {
      await db.transaction('rw', allTables(), async () => {
        for (const t of allTables()) await t.clear()
      })
    },
  }
}
