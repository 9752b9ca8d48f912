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
import { documentInputSchema, signatureInputSchema } from '../../shared/documents/stored'
import { legalHoldInputSchema } from '../../shared/domain/legal-hold'
import { issuePath } from '../../shared/domain/validation'
import type { Result } from '../../shared/kernel/errors'
import type { IsoDate } from '../../shared/kernel/iso-date'
import { refuseMedicalAttachments } from '../../shared/domain/medical-attachments'
import { sha256Hex } from './attachments'
import { appendAudit, auditScope } from './audit'
import { DATA_TABLES, type DataTable } from './db'
import { CURRENT_VERSION } from './schema'
import { checkSickPeriods } from './sick-period-rules'
import {
  backupSyncSchema,
  exportFieldStates,
  parseFieldStates,
  recordRestore,
  type BackupFieldState,
} from './restore-sync'
import { CURSOR_KEY } from './sync-log'
import { appendChange, compact, writeTransaction, type StoreContext } from './write'

export const BACKUP_FORMAT = 'hervat-backup'

const child = z.object({ dossierId: z.string().min(1) })
/** Per table: the shared input schema plus the fields a stored record adds. */
const TABLE_SCHEMAS: Record<DataTable, readonly [z.ZodType, z.ZodType]> = {
  employers: [employerInputSchema, recordMetaSchema],
  employees: [employeeInputSchema, recordMetaSchema],
  dossiers: [
    dossierInputSchema,
    recordMetaSchema.extend({
      employerId: z.string().min(1),
      legalHold: legalHoldInputSchema.optional(),
    }),
  ],
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
  documents: [documentInputSchema, recordMetaSchema.extend(child.shape)],
  documentSignatures: [signatureInputSchema, recordMetaSchema.extend(child.shape)],
}

const blobSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), base64: z.string() })

/**
 * Every table a backup holds: the dossier tables and the attachment contents. The change log
 * stays on this computer (ADR 0002): a backup carries the current data, not every earlier value.
 */
const KNOWN_TABLES = new Set<string>([...DATA_TABLES, 'blobs'])

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'Dit is geen back-up van Hervat.' }),
  version: z
    .number()
    .int()
    .min(1)
    .max(CURRENT_VERSION, { error: 'Deze back-up komt uit een nieuwere versie van Hervat.' }),
  exportedAt: z.string(),
  tables: z.record(z.string(), z.array(z.unknown())),
  /** Since v8: the sync state of every field (restore-sync.ts), so a restore can sync. */
  sync: backupSyncSchema.optional(),
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

/** Fallback for issues whose schema has no Dutch message of its own (ids, timestamps, log rows). */
const DUTCH = { error: () => 'Ontbreekt of is ongeldig.' }

type Failure = Result<never>
const fail = (field: string, message: string): Failure => ({
  ok: false,
  error: { kind: 'validation', field, message: `${field}: ${message}` },
})

type Row = Record<string, unknown> & { id: string }
type Parsed = {
  version: number
  exportedAt: string
  rows: Record<DataTable, Row[]>
  blobs: { sha256: string; data: Uint8Array; size: number }[]
  /** Absent in a backup from before v8. */
  fieldStates: BackupFieldState[] | undefined
}

/** The werkgevers, werknemers and dossiers a backup holds, and those on this computer now. */
export type BackupSummary = {
  readonly employers: number
  readonly employees: number
  readonly dossiers: number
  /** When the backup was made (ISO instant); absent when the file's stamp is not a date. */
  readonly exportedAt?: string
  readonly version: number
  readonly current: {
    readonly employers: number
    readonly employees: number
    readonly dossiers: number
  }
}

/** A validated backup, not yet written: its summary, and the restore to confirm. */
export type BackupPreview = {
  readonly summary: BackupSummary
  readonly restore: () => Promise<Result<{ counts: Record<string, number> }>>
}

/** Validates a whole backup before anything is written: format, every record, every reference. */
async function parseBackup(bytes: Uint8Array): Promise<Result<Parsed>> {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return fail('bestand', 'Het bestand is geen leesbare JSON (beschadigd of afgebroken).')
  }
  const marker = typeof json === 'object' && json !== null ? Reflect.get(json, 'format') : undefined
  if (marker !== BACKUP_FORMAT) return fail('format', 'Dit is geen back-up van Hervat.')
  const env = envelopeSchema.safeParse(json, DUTCH)
  if (!env.success) {
    const issue = env.error.issues[0]
    return fail(
      issue ? issuePath(issue.path) || 'bestand' : 'bestand',
      issue?.message ?? 'Dit is geen back-up van Hervat.',
    )
  }
  for (const name of Object.keys(env.data.tables)) {
    if (!KNOWN_TABLES.has(name)) return fail(`tables.${name}`, 'Onbekende tabel in deze back-up.')
  }
  const rows = {} as Parsed['rows']
  const ids = {} as Record<DataTable, Set<string>>
  for (const table of DATA_TABLES) {
    const [inputSchema, metaSchema] = TABLE_SCHEMAS[table]
    const list = env.data.tables[table] ?? []
    rows[table] = []
    ids[table] = new Set()
    for (const [i, raw] of list.entries()) {
      const a = inputSchema.safeParse(raw, DUTCH)
      const b = metaSchema.safeParse(raw, DUTCH)
      const issue = !a.success ? a.error.issues[0] : !b.success ? b.error.issues[0] : undefined
      if (issue || !a.success || !b.success) {
        return fail(
          `${table}[${i}]${issue ? `.${issuePath(issue.path)}` : ''}`,
          issue?.message ?? 'ongeldig',
        )
      }
      const record = compact({ ...(a.data as object), ...(b.data as object) }) as Row
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
  const consistency = checkConsistency(rows)
  if (!consistency.ok) return consistency
  const blobs: Parsed['blobs'] = []
  for (const [i, raw] of (env.data.tables['blobs'] ?? []).entries()) {
    const b = blobSchema.safeParse(raw, DUTCH)
    const data = b.success ? fromBase64(b.data.base64) : undefined
    if (!b.success || !data) return fail(`blobs[${i}]`, 'Ongeldige bijlage-inhoud.')
    if ((await sha256Hex(data)) !== b.data.sha256)
      return fail(`blobs[${i}].sha256`, 'De inhoud klopt niet met de controlesom.')
    if (blobs.some((x) => x.sha256 === b.data.sha256))
      return fail(`blobs[${i}].sha256`, 'Deze inhoud komt twee keer voor.')
    blobs.push({ sha256: b.data.sha256, data, size: data.length })
  }
  const have = new Set(blobs.map((b) => b.sha256))
  for (const [i, a] of rows.attachments.entries()) {
    if (!have.has(String(a['sha256'])))
      return fail(`attachments[${i}].sha256`, 'De inhoud van deze bijlage ontbreekt.')
  }
  for (const [i, s] of rows.documentSignatures.entries()) {
    if (!ids.documents.has(String(s['documentId'])))
      return fail(`documentSignatures[${i}].documentId`, 'Verwijst naar een ontbrekend document.')
    if (s['imageSha256'] !== undefined && !have.has(String(s['imageSha256'])))
      return fail(`documentSignatures[${i}].imageSha256`, 'De handtekening ontbreekt.')
  }
  let fieldStates: BackupFieldState[] | undefined
  if (env.data.sync) {
    const states = parseFieldStates(env.data.sync.fieldStates, rows)
    if (!states.ok) return states
    fieldStates = states.value
  }
  return {
    ok: true,
    value: { version: env.data.version, exportedAt: env.data.exportedAt, rows, blobs, fieldStates },
  }
}

/**
 * Rules across records that a repository checks on every write, checked again on the whole file:
 * a dossier's werkgever is its werknemer's, and a dossier's sick periods do not overlap.
 */
function checkConsistency(rows: Parsed['rows']): Result<true> {
  const employerOf = new Map(rows.employees.map((e) => [e.id, e['employerId']]))
  for (const [i, d] of rows.dossiers.entries()) {
    if (employerOf.get(String(d['employeeId'])) !== d['employerId'])
      return fail(`dossiers[${i}].employerId`, 'Dit is niet de werkgever van de werknemer.')
  }
  const seen = new Map<string, { start: IsoDate; end?: IsoDate }[]>()
  for (const [i, p] of rows.sickPeriods.entries()) {
    const period = p as unknown as { dossierId: string; start: IsoDate; end?: IsoDate }
    const siblings = seen.get(period.dossierId) ?? []
    // `today` far ahead: a backup may be restored on an earlier day than it was made.
    const checked = checkSickPeriods(period, siblings, '9999-12-31' as IsoDate)
    if (!checked.ok && checked.error.kind === 'validation')
      return fail(`sickPeriods[${i}].${checked.error.field ?? 'start'}`, checked.error.message)
    seen.set(period.dossierId, [...siblings, period])
  }
  return { ok: true, value: true }
}

/**
 * Backup export and import of everything on this computer, and wiping it. The change log and
 * this computer's settings (`meta`) stay out of backups.
 */
export function backupRepository(ctx: StoreContext) {
  const { db } = ctx
  const dataTables = () => [...DATA_TABLES.map((t) => db.table(t)), db.blobs]
  const exportAll = async (): Promise<Uint8Array> => {
    const tables: Record<string, unknown[]> = {}
    let fieldStates: BackupFieldState[] = []
    await db.transaction('r', [...dataTables(), db.fieldStates], async () => {
      for (const t of DATA_TABLES) tables[t] = await db.table(t).orderBy('id').toArray()
      tables['blobs'] = (await db.blobs.orderBy('sha256').toArray()).map((b) => ({
        sha256: b.sha256,
        base64: toBase64(b.data),
      }))
      fieldStates = await exportFieldStates(db, tables as Record<string, { id: string }[]>)
    })
    const doc = {
      format: BACKUP_FORMAT,
      version: CURRENT_VERSION,
      exportedAt: ctx.clock().toISOString(),
      tables,
      sync: { fieldStates },
    }
    return new TextEncoder().encode(JSON.stringify(doc, null, 1))
  }
  const restore = async (parsed: Parsed): Promise<Result<{ counts: Record<string, number> }>> => {
    const { rows, blobs, exportedAt, version } = parsed
    const counts: Record<string, number> = {}
    for (const t of DATA_TABLES) counts[t] = rows[t].length
    counts['blobs'] = blobs.length
    return writeTransaction(ctx, dataTables(), async () => {
      for (const t of dataTables()) await t.clear()
      for (const t of DATA_TABLES) await db.table(t).bulkAdd(rows[t])
      await db.blobs.bulkAdd(blobs)
      // The restored fields go to the outbox in this same transaction (docs/adr/0005).
      await recordRestore(db, rows, parsed.fieldStates, ctx.clock().getTime(), () =>
        crypto.randomUUID(),
      )
      await appendChange(ctx, {
        table: 'backup',
        recordId: ctx.newId(),
        op: 'create',
        fields: { exportedAt, version, counts },
      })
      return { ok: true, value: { counts } }
    })
  }
  return {
    /** UTF-8 JSON of every dossier table and the attachment contents (base64). */
    exportAll,
    /**
     * The backup a user saves to a file: refused (and the refusal logged in the audit trail)
     * while any attachment is marked medical (domain §5.5 item 4).
     */
    exportChecked: async (): Promise<Result<Uint8Array>> => {
      const refused = refuseMedicalAttachments(await db.attachments.toArray(), 'De back-up')
      if (!refused.ok) {
        await db.transaction('rw', auditScope(db), () =>
          appendAudit(ctx, {
            action: 'export',
            objectType: 'backup',
            outcome: 'refused',
            detail: 'Bijlage als medisch gemarkeerd',
          }),
        )
        return refused
      }
      return { ok: true, value: await exportAll() }
    },
    /**
     * Replaces the dossier tables and contents in ONE transaction, only after the whole file
     * validated; the restore is appended to the change log as one `backup` entry (the log itself
     * is kept: what this computer did before stays on record). A refused file changes nothing;
     * the error names the table, index and field.
     */
    importAll: async (bytes: Uint8Array): Promise<Result<{ counts: Record<string, number> }>> => {
      const parsed = await parseBackup(bytes)
      return parsed.ok ? restore(parsed.value) : parsed
    },
    /**
     * Validates a backup exactly as `importAll` does and writes nothing: what the file holds and
     * what is on this computer now, for the casemanager to confirm, and `restore` to replace
     * this computer's data with it (the file is not parsed twice). A refused file gives the
     * same error as `importAll`.
     */
    inspect: async (bytes: Uint8Array): Promise<Result<BackupPreview>> => {
      const parsed = await parseBackup(bytes)
      if (!parsed.ok) return parsed
      const { rows, exportedAt, version } = parsed.value
      const current = await db.transaction(
        'r',
        [db.employers, db.employees, db.dossiers],
        async () => ({
          employers: await db.employers.count(),
          employees: await db.employees.count(),
          dossiers: await db.dossiers.count(),
        }),
      )
      const made = Date.parse(exportedAt)
      return {
        ok: true,
        value: {
          summary: {
            employers: rows.employers.length,
            employees: rows.employees.length,
            dossiers: rows.dossiers.length,
            ...(Number.isFinite(made) ? { exportedAt: new Date(made).toISOString() } : {}),
            version,
            current,
          },
          restore: () => restore(parsed.value),
        },
      }
    },
    /**
     * Clears every table, the change log and the sync outbox and field states included; this
     * computer's settings and the audit trail stay (the trail is append-only; the wipe itself is
     * its last entry). The sync cursor restarts, so a signed-in device pulls again.
     */
    wipe: async (): Promise<void> => {
      const all = [...dataTables(), db.changes, db.outbox, db.fieldStates, db.refusedChanges]
      await db.transaction('rw', [...all, ...auditScope(db)], async () => {
        for (const t of all) await t.clear()
        await db.meta.delete(CURSOR_KEY)
        await appendAudit(ctx, { action: 'wipe', objectType: 'database' })
      })
    },
  }
}
