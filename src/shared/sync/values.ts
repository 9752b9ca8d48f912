import { z } from 'zod'
import { nl } from 'zod/locales'
import { auditEntrySchema } from '../audit/chain'
import { DOCUMENT_TYPES, signatureInputSchema } from '../documents/stored'
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
import { legalHoldInputSchema } from '../domain/legal-hold'
import { ID_PATTERN } from './protocol'
import { DELETED_FIELD, type SyncTable } from './tables'

/**
 * The value a pushed change may carry, per table and field (ADR 0012): the field's schema from
 * the same shared zod schemas the app validates its forms and backups with, plus the stored
 * metadata a record adds. `null` is a cleared field (the client records a removed value as
 * null) and is always accepted; the tombstone `deleted` is a boolean. Values a database index
 * holds (a dossier's werknemer, a signature's document) must be ids, so they stay far below the
 * index's size limit.
 */

const id = z.string().regex(ID_PATTERN, 'Ongeldige id.')
const timestamp = z.string().min(1).max(64)
const shape = (s: { shape: Record<string, z.ZodType> }): Record<string, z.ZodType> => s.shape

const FIELD_SCHEMAS: Record<SyncTable, Record<string, z.ZodType>> = {
  employers: shape(employerInputSchema),
  employees: { ...shape(employeeInputSchema), employerId: id },
  dossiers: {
    ...shape(dossierInputSchema),
    employeeId: id,
    employerId: id,
    legalHold: legalHoldInputSchema,
  },
  sickPeriods: shape(sickPeriodInputSchema),
  partialRecoveries: shape(partialRecoveryInputSchema),
  leaves: shape(leaveInputSchema),
  contacts: shape(contactInputSchema),
  interventions: shape(interventionInputSchema),
  appointments: shape(appointmentInputSchema),
  attachments: {
    ...shape(attachmentInputSchema),
    fileName: z.string().min(1).max(200),
    mimeType: z.string().min(1).max(200),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Geen SHA-256 (hex).'),
  },
  milestoneMarks: shape(milestoneMarkInputSchema),
  // A version's content is checked against its type's schema when the app writes it; here it is
  // an object of fields (the type may arrive in another push).
  documents: {
    type: z.enum(DOCUMENT_TYPES),
    content: z.record(z.string(), z.unknown()),
  },
  documentSignatures: { ...shape(signatureInputSchema), documentId: id },
  audit: shape(auditEntrySchema),
}

const META_SCHEMAS: Record<string, z.ZodType> = {
  createdAt: timestamp,
  updatedAt: timestamp,
  [DELETED_FIELD]: z.boolean(),
}

/** The schema of one field's value, or undefined for a field the table does not have. */
export function fieldValueSchema(table: SyncTable, field: string): z.ZodType | undefined {
  return Object.hasOwn(META_SCHEMAS, field)
    ? META_SCHEMAS[field]
    : Object.hasOwn(FIELD_SCHEMAS[table], field)
      ? FIELD_SCHEMAS[table][field]
      : undefined
}

const dutch = nl().localeError

/**
 * Checks a pushed value against its field's schema. The error names the path inside the value
 * (`[]` for the value itself) with a Dutch message.
 */
export function checkFieldValue(
  table: SyncTable,
  field: string,
  value: unknown,
): { ok: true } | { ok: false; path: string[]; message: string } {
  if (value === null) return { ok: true }
  const schema = fieldValueSchema(table, field)
  if (!schema) return { ok: false, path: [], message: `Onbekend veld voor ${table}.` }
  const r = schema.safeParse(value, { error: dutch })
  if (r.success) return { ok: true }
  const issue = r.error.issues[0]
  return {
    ok: false,
    path: (issue?.path ?? []).map(String),
    message: issue?.message ?? 'Ongeldige waarde.',
  }
}
