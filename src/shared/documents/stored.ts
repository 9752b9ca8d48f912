import { z } from 'zod'
import { dateField, optionalText, requiredText } from '../domain/fields'
import { nonMedicalSchema } from '../privacy/medical-text'
import { SIGNATURE_KINDS, SIGNATURE_ROLES, type Signature } from './common'
import { planVanAanpakSchema } from './plan-van-aanpak'
import {
  actueelOordeelSchema,
  eerstejaarsevaluatieSchema,
  eindevaluatieSchema,
  evaluatieSchema,
  functieEnBekwaamhedenSchema,
  melding42Schema,
  oordeelWerknemerSchema,
  probleemanalyseSchema,
} from './records'

/**
 * How the dossier documents are stored on this computer and synced (issue 4): one record per
 * document version (`documents`), its content parsed with the same schema as the form and the
 * export; and one record per signature (`documentSignatures`, append-only), the drawn image kept
 * by content hash in the blob store. A version with a signature never changes again; a change to
 * a plan signed by both parties is a new version (bijstelling).
 */

export const DOCUMENT_TYPES = [
  'functie-en-bekwaamheden',
  'probleemanalyse',
  'plan-van-aanpak',
  'evaluatie',
  'eerstejaarsevaluatie',
  'actueel-oordeel',
  'eindevaluatie',
  'oordeel-werknemer',
  'melding-42',
] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  'functie-en-bekwaamheden': 'Functie en bekwaamheden',
  probleemanalyse: 'Probleemanalyse (niet-medisch deel)',
  'plan-van-aanpak': 'Plan van Aanpak',
  evaluatie: 'Evaluatie',
  eerstejaarsevaluatie: 'Eerstejaarsevaluatie',
  'actueel-oordeel': 'Actueel oordeel bedrijfsarts',
  eindevaluatie: 'Eindevaluatie',
  'oordeel-werknemer': 'Oordeel werknemer',
  'melding-42': '42e-weeksmelding aan UWV',
}

/** The content schema of each type: the very schema the export and the PDF renderers read. */
export const DOCUMENT_SCHEMAS = {
  'functie-en-bekwaamheden': functieEnBekwaamhedenSchema,
  probleemanalyse: probleemanalyseSchema,
  'plan-van-aanpak': planVanAanpakSchema,
  evaluatie: evaluatieSchema,
  eerstejaarsevaluatie: eerstejaarsevaluatieSchema,
  'actueel-oordeel': actueelOordeelSchema,
  eindevaluatie: eindevaluatieSchema,
  'oordeel-werknemer': oordeelWerknemerSchema,
  'melding-42': melding42Schema,
} as const satisfies Record<DocumentType, z.ZodType>

export type DocumentContent<T extends DocumentType = DocumentType> = z.output<
  (typeof DOCUMENT_SCHEMAS)[T]
>

/** Types whose versions carry signatures of employer and employee. */
export const SIGNED_TYPES: ReadonlySet<DocumentType> = new Set([
  'plan-van-aanpak',
  'evaluatie',
  'eerstejaarsevaluatie',
  'eindevaluatie',
  'oordeel-werknemer',
])

/** A stored document: `content` as its type's schema parsed it, without signatures. */
export const documentInputSchema = z
  .object({
    type: z.enum(DOCUMENT_TYPES, { error: 'Kies het soort document.' }),
    content: z.record(z.string(), z.unknown()),
  })
  .superRefine((v, ctx) => {
    const r = DOCUMENT_SCHEMAS[v.type].safeParse(v.content)
    if (!r.success) {
      for (const issue of r.error.issues) {
        ctx.addIssue({ ...issue, path: ['content', ...issue.path] } as never)
      }
    }
  })

export type StoredDocument = {
  readonly id: string
  readonly dossierId: string
  readonly type: DocumentType
  readonly content: Record<string, unknown>
  readonly createdAt: string
  readonly updatedAt: string
}

/** A signature as stored: who, in which role, when; the drawing by hash in the blob store. */
export const signatureInputSchema = z.object({
  documentId: z.string({ error: 'Dit veld is verplicht.' }).min(1, 'Dit veld is verplicht.'),
  role: z.enum(SIGNATURE_ROLES, { error: 'Kies werkgever of werknemer.' }),
  name: requiredText(200),
  function: requiredText(200),
  signedAt: dateField,
  kind: z.enum(SIGNATURE_KINDS).default('akkoord'),
  reaction: optionalText(4000),
  /** Per field, the text confirmed as "geen medische informatie" (privacy/medical-text.ts). */
  nonMedical: nonMedicalSchema,
  imageSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'De handtekening ontbreekt.')
    .optional(),
})
export type SignatureInput = z.input<typeof signatureInputSchema>

export type StoredSignature = z.output<typeof signatureInputSchema> & {
  readonly id: string
  readonly dossierId: string
  readonly createdAt: string
  readonly updatedAt: string
}

/** The signatures of one version as the shared document schema holds them. */
export function toDocumentSignatures(
  rows: readonly StoredSignature[],
  pngBase64: (sha256: string) => string | undefined,
): Signature[] {
  return [...rows]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((s) => {
      const image = s.imageSha256 ? pngBase64(s.imageSha256) : undefined
      return {
        role: s.role,
        name: s.name,
        function: s.function,
        signedAt: s.signedAt,
        kind: s.kind,
        ...(s.reaction ? { reaction: s.reaction } : {}),
        ...(image ? { imagePngBase64: image } : {}),
      }
    })
}
