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
} from '../domain/entities'
import { parseAt } from '../domain/validation'
import type { AppError, Result } from '../kernel/errors'
import { parseIsoDate } from '../kernel/iso-date'
import { dossierDocumentsSchema } from './records'

/**
 * `DossierExport`: the JSON file a dossier export holds (issue 4). Everything is parsed at the
 * boundary with the same schemas the forms use; an error names the field (`contacts.3.date`).
 */

const meta = recordMetaSchema.shape
const inDossier = { ...meta, dossierId: z.string().min(1) }

const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'De inhoud van de bijlage moet base64 zijn.')

export const exportedAttachmentSchema = attachmentInputSchema.extend({
  ...inDossier,
  fileName: z.string().min(1),
  mimeType: z.string().min(1),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 moet 64 hexadecimale tekens zijn.'),
  /** The file's bytes, base64; absent when the export leaves content out. */
  contentBase64: base64.optional(),
})
export type ExportedAttachment = z.output<typeof exportedAttachmentSchema>

export const dossierExportSchema = z.object({
  format: z.literal('hervat-dossier', { error: "format moet 'hervat-dossier' zijn." }),
  version: z.literal(1, { error: 'Alleen versie 1 van het exportformaat wordt ondersteund.' }),
  exportedAt: z
    .string({ error: 'Dit veld is verplicht.' })
    .refine((v) => parseIsoDate(v.slice(0, 10)) !== undefined, 'Vul een datum-tijd in (ISO 8601).'),
  employer: employerInputSchema.extend(meta),
  employee: employeeInputSchema.safeExtend(meta),
  dossier: dossierInputSchema.extend({ ...meta, employerId: z.string().min(1) }),
  sickPeriods: z.array(sickPeriodInputSchema.safeExtend(inDossier)).default([]),
  partialRecoveries: z.array(partialRecoveryInputSchema.extend(inDossier)).default([]),
  leaves: z.array(leaveInputSchema.safeExtend(inDossier)).default([]),
  contacts: z.array(contactInputSchema.extend(inDossier)).default([]),
  interventions: z.array(interventionInputSchema.extend(inDossier)).default([]),
  appointments: z.array(appointmentInputSchema.safeExtend(inDossier)).default([]),
  attachments: z.array(exportedAttachmentSchema).default([]),
  milestoneMarks: z.array(milestoneMarkInputSchema.safeExtend(inDossier)).default([]),
  documents: dossierDocumentsSchema.default({
    probleemanalyses: [],
    planVanAanpak: [],
    evaluaties: [],
    actueelOordelen: [],
  }),
})
export type DossierExportInput = z.input<typeof dossierExportSchema>
export type DossierExport = z.output<typeof dossierExportSchema>

/** Parses an export file's JSON; the error names the first offending field. */
export function parseDossierExport(
  value: unknown,
): Result<DossierExport, Extract<AppError, { kind: 'validation' }>> {
  return parseAt(dossierExportSchema, value)
}
