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
  sickPeriodInputSchema,
} from '../domain/entities'
import { signatureInputSchema } from '../documents/stored'
import { auditEntrySchema } from '../audit/chain'

/**
 * The closed list of tables the sync protocol carries, and the fields each may set. Field names
 * come from the domain input schemas plus the stored metadata of each record type
 * (src/shared/domain/entities.ts), so a field added there is synced without a second list.
 */
export const SYNC_TABLES = [
  'employers',
  'employees',
  'dossiers',
  'sickPeriods',
  'partialRecoveries',
  'leaves',
  'contacts',
  'interventions',
  'appointments',
  'attachments',
  'milestoneMarks',
  'documents',
  'documentSignatures',
  'audit',
] as const
export type SyncTable = (typeof SYNC_TABLES)[number]

/** How a table's records relate to a dossier: the dossier itself, a child of one, or neither. */
export type TableScope = 'organisation' | 'dossier' | 'dossier-child'

/**
 * Append-only tables (peers-and-sync.md C.2 item 2): a record is written once, by the client that
 * created it, and never edited afterwards, so it can never conflict. Contactmomenten are evidence
 * (verslagen), attachments are content-addressed documents, audit entries are hash-chained
 * evidence (src/shared/audit/chain.ts).
 */
export const APPEND_ONLY_TABLES: ReadonlySet<SyncTable> = new Set([
  'contacts',
  'attachments',
  // Signatures of dossier documents: a signed version never changes (a change is a new version).
  'documentSignatures',
  'audit',
])

/** Tombstone field: a delete is a change `deleted = true`; deletes win on rows (C.2 item 2). */
export const DELETED_FIELD = 'deleted'
const META_FIELDS = ['createdAt', 'updatedAt', DELETED_FIELD] as const

const shapeKeys = (schema: { shape: Record<string, unknown> }): string[] =>
  Object.keys(schema.shape)

const TABLE_DEFS: Record<SyncTable, { scope: TableScope; fields: readonly string[] }> = {
  employers: { scope: 'organisation', fields: shapeKeys(employerInputSchema) },
  employees: { scope: 'organisation', fields: shapeKeys(employeeInputSchema) },
  dossiers: {
    scope: 'dossier',
    fields: [...shapeKeys(dossierInputSchema), 'employerId', 'legalHold'],
  },
  sickPeriods: { scope: 'dossier-child', fields: shapeKeys(sickPeriodInputSchema) },
  partialRecoveries: { scope: 'dossier-child', fields: shapeKeys(partialRecoveryInputSchema) },
  leaves: { scope: 'dossier-child', fields: shapeKeys(leaveInputSchema) },
  contacts: { scope: 'dossier-child', fields: shapeKeys(contactInputSchema) },
  interventions: { scope: 'dossier-child', fields: shapeKeys(interventionInputSchema) },
  appointments: { scope: 'dossier-child', fields: shapeKeys(appointmentInputSchema) },
  attachments: {
    scope: 'dossier-child',
    fields: [...shapeKeys(attachmentInputSchema), 'fileName', 'mimeType', 'size', 'sha256'],
  },
  milestoneMarks: { scope: 'dossier-child', fields: shapeKeys(milestoneMarkInputSchema) },
  // One version of a dossier document; its content is parsed with the type's schema on write.
  documents: { scope: 'dossier-child', fields: ['type', 'content'] },
  documentSignatures: { scope: 'dossier-child', fields: shapeKeys(signatureInputSchema) },
  /**
   * Organisation-wide, like werkgevers: not every entry concerns a dossier (a sync, a backup), so
   * the dossier the entry is about travels as the field `dossierId`, not as the change's scope.
   */
  audit: { scope: 'organisation', fields: shapeKeys(auditEntrySchema).filter((k) => k !== 'id') },
}

const FIELD_SETS = new Map<SyncTable, ReadonlySet<string>>(
  SYNC_TABLES.map((t) => [t, new Set([...TABLE_DEFS[t].fields, ...META_FIELDS])]),
)

export function isSyncTable(value: unknown): value is SyncTable {
  return typeof value === 'string' && (SYNC_TABLES as readonly string[]).includes(value)
}

export function tableScope(table: SyncTable): TableScope {
  return TABLE_DEFS[table].scope
}

export function isSyncField(table: SyncTable, field: string): boolean {
  return FIELD_SETS.get(table)?.has(field) ?? false
}

export function syncFields(table: SyncTable): readonly string[] {
  return [...(FIELD_SETS.get(table) ?? [])]
}
