import { z } from 'zod'
import { dateField, optionalDateField, optionalText, requiredText } from '../domain/fields'
import { nonMedicalSchema } from '../privacy/medical-text'

/**
 * Building blocks shared by every dossier document (uwv-forms.md §1).
 *
 * UWV vorm-beleidsregels art. 2 lid 3: each element of the re-integratieverslag is dated and
 * carries the name and function of who made it. Drafts may still lack them; the completeness
 * check (`checkRivCompleteness`) names what is missing before anything goes to UWV.
 */

export const idField = z
  .string({ error: 'Dit veld is verplicht.' })
  .min(1, 'Dit veld is verplicht.')

/** Name and function of the author or signatory (vorm art. 2 lid 3). */
export const authorSchema = z.object({
  name: optionalText(200),
  function: optionalText(200),
})
export type Author = z.output<typeof authorSchema>

export const SIGNATURE_ROLES = ['werkgever', 'werknemer'] as const
export type SignatureRole = (typeof SIGNATURE_ROLES)[number]
export const SIGNATURE_ROLE_LABELS: Record<SignatureRole, string> = {
  werkgever: 'Werkgever',
  werknemer: 'Werknemer',
}

/** uwv-forms §2.3: an employee may sign "voor gezien" and add a dated reaction. */
export const SIGNATURE_KINDS = ['akkoord', 'voor-gezien'] as const
export const SIGNATURE_KIND_LABELS: Record<(typeof SIGNATURE_KINDS)[number], string> = {
  akkoord: 'Voor akkoord',
  'voor-gezien': 'Voor gezien',
}

const base64Png = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'De handtekening moet een PNG-afbeelding (base64) zijn.')
  .refine((v) => v.startsWith('iVBORw0KGgo'), 'De handtekening moet een PNG-afbeelding zijn.')

export const signatureSchema = z.object({
  role: z.enum(SIGNATURE_ROLES, { error: 'Kies werkgever of werknemer.' }),
  name: requiredText(200),
  function: requiredText(200),
  signedAt: dateField,
  kind: z.enum(SIGNATURE_KINDS).default('akkoord'),
  /** Reaction when signed "voor gezien" (uwv-forms §2.3). */
  reaction: optionalText(4000),
  /** The drawn signature, PNG as base64 without a data: prefix; absent for a typed signature. */
  imagePngBase64: base64Png.optional(),
})
export type Signature = z.output<typeof signatureSchema>

export const DISTRIBUTION_RECIPIENTS = ['werknemer', 'casemanager', 'bedrijfsarts'] as const
/** Regeling procesgang art. 4 lid 3: copies without delay to employee, casemanager and BA. */
export const distributionSchema = z.object({
  recipient: z.enum(DISTRIBUTION_RECIPIENTS),
  sentOn: dateField,
})
export type Distribution = z.output<typeof distributionSchema>

/** The fields every document has: identity, date, author, hand-over to the employee (§1.6). */
export const documentBaseShape = {
  id: idField,
  /** The document's date; optional only while it is a draft. */
  date: optionalDateField,
  author: authorSchema.default({}),
  /** uwv-forms §1.6: the employee holds a copy of every RIV document by week 91. */
  handedToEmployeeOn: optionalDateField,
  /** Per field path, the text confirmed as "geen medische informatie" (privacy/medical-text.ts). */
  nonMedical: nonMedicalSchema,
}

/** Both parties have signed: the version is final and immutable. */
export function isFullySigned(signatures: readonly Signature[]): boolean {
  return (
    signatures.some((s) => s.role === 'werkgever') && signatures.some((s) => s.role === 'werknemer')
  )
}

export function missingSignatureRoles(signatures: readonly Signature[]): SignatureRole[] {
  return SIGNATURE_ROLES.filter((r) => !signatures.some((s) => s.role === r))
}
