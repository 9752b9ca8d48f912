import {
  amendPlanVanAanpak,
  bijstellingSchema,
  isFullySigned,
  type PlanChange,
  type PlanVanAanpak,
} from '../../shared/documents'
import {
  DOCUMENT_SCHEMAS,
  documentInputSchema,
  signatureInputSchema,
  type DocumentType,
  type StoredDocument,
  type StoredSignature,
} from '../../shared/documents/stored'
import type { Result } from '../../shared/kernel/errors'
import { dateInAmsterdam } from '../../shared/kernel/iso-date'
import { sha256Hex } from './attachments'
import { auditConfirmations, guardMedicalText } from './medical-text'
import {
  appendChange,
  compact,
  invalid,
  notFound,
  putWithChange,
  stamp,
  validate,
  writeTransaction,
  type StoreContext,
} from './write'

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
export const MAX_SIGNATURE_BYTES = 1024 * 1024
const isPng = (d: Uint8Array) => d.length > 8 && PNG_MAGIC.every((b, i) => d[i] === b)

const SIGNED_REFUSAL =
  'Deze versie is ondertekend en kan niet meer worden gewijzigd. Een wijziging wordt een nieuwe versie (bijstelling).'

/**
 * Dossier documents (Plan van Aanpak and its versions, evaluations, probleemanalyse, actueel
 * oordeel, eindevaluatie, oordeel werknemer) and their signatures. Every write is one
 * transaction with its change entry. A version with a signature is never edited; signatures are
 * only ever added (append-only, also in sync).
 */
export function documentRepository(ctx: StoreContext) {
  const { db } = ctx
  const signaturesOf = (documentId: string) =>
    db.documentSignatures.where('documentId').equals(documentId).toArray()

  /** Creates (no id) or edits an unsigned version; the content is parsed with its type's schema. */
  const save = async (
    dossierId: string,
    type: DocumentType,
    content: unknown,
    id?: string,
  ): Promise<Result<StoredDocument>> => {
    const parsed = validate(DOCUMENT_SCHEMAS[type], content)
    if (!parsed.ok) return parsed
    const guarded = guardMedicalText(parsed.value as object)
    if (!guarded.ok) return guarded
    return writeTransaction(ctx, [db.documents, db.documentSignatures, db.dossiers], async () => {
      if (!(await db.dossiers.get(dossierId))) return notFound('Dit dossier bestaat niet (meer).')
      const existing = id === undefined ? undefined : await db.documents.get(id)
      if (id !== undefined && !existing) return notFound('Dit document bestaat niet (meer).')
      if (existing && existing.type !== type)
        return invalid('type', 'Het soort document wijzigt niet.')
      if (existing && (await signaturesOf(existing.id)).length > 0)
        return invalid('content', SIGNED_REFUSAL)
      const meta = stamp(ctx, existing)
      const record: StoredDocument = compact({
        type,
        content: {
          ...(parsed.value as object),
          nonMedical: guarded.value,
          id: meta.id,
          signatures: [],
        },
        dossierId,
        ...meta,
      })
      const saved = await putWithChange(ctx, db.documents, record, existing)
      if (saved === record)
        await auditConfirmations(
          ctx,
          'documents',
          record,
          existing?.content['nonMedical'] as Record<string, string> | undefined,
          guarded.value,
        )
      return { ok: true, value: saved }
    })
  }

  return {
    listByDossier: (dossierId: string): Promise<StoredDocument[]> =>
      db.documents.where('dossierId').equals(dossierId).sortBy('createdAt'),
    signaturesByDossier: (dossierId: string): Promise<StoredSignature[]> =>
      db.documentSignatures.where('dossierId').equals(dossierId).sortBy('createdAt'),
    get: (id: string) => db.documents.get(id),
    create: (dossierId: string, type: DocumentType, content: unknown) =>
      save(dossierId, type, content),
    /** Edits a version nobody has signed yet; refused (field `content`) once signed. */
    update: async (id: string, content: unknown): Promise<Result<StoredDocument>> => {
      const existing = await db.documents.get(id)
      if (!existing) return notFound('Dit document bestaat niet (meer).')
      return save(existing.dossierId, existing.type, content, id)
    },
    /** Removes an unsigned draft; a signed version stays (it is evidence). */
    remove: (id: string): Promise<Result<void>> =>
      writeTransaction(ctx, [db.documents, db.documentSignatures], async () => {
        const existing = await db.documents.get(id)
        if (!existing) return notFound('Dit document bestaat niet (meer).')
        if ((await signaturesOf(id)).length > 0) return invalid('content', SIGNED_REFUSAL)
        await db.documents.delete(id)
        await appendChange(ctx, {
          table: 'documents',
          recordId: id,
          dossierId: existing.dossierId,
          op: 'delete',
          fields: {},
          previous: { ...existing },
        })
        return { ok: true, value: undefined }
      }),

    /**
     * A bijstelling of the Plan van Aanpak (Regeling art. 4 lid 5): the plan signed by both
     * parties stays as it is and the change becomes version n+1 with its reason and trigger.
     * A plan nobody signed is simply edited; a plan signed by one party only is refused.
     */
    amendPlan: async (
      id: string,
      change: unknown,
      bijstelling: unknown,
      author: { name?: string; function?: string },
    ): Promise<Result<StoredDocument>> => {
      const planParsed = validate(DOCUMENT_SCHEMAS['plan-van-aanpak'], change)
      if (!planParsed.ok) return planParsed
      const planGuarded = guardMedicalText(planParsed.value)
      if (!planGuarded.ok) return planGuarded
      const reason = validate(bijstellingSchema, bijstelling)
      if (!reason.ok)
        return { ...reason, error: { ...reason.error, field: `bijstelling.${reason.error.field}` } }
      const current = await db.documents.get(id)
      if (!current || current.type !== 'plan-van-aanpak')
        return notFound('Dit Plan van Aanpak bestaat niet (meer).')
      const sigs = await signaturesOf(id)
      if (sigs.length > 0 && !isFullySigned(sigs)) return invalid('content', SIGNED_REFUSAL)
      const plan = { ...(current.content as PlanVanAanpak), signatures: sigs }
      const c = planParsed.value
      const delta: PlanChange = {
        goal: c.goal,
        goalMotivation: c.goalMotivation,
        activities: c.activities,
        contactFrequency: c.contactFrequency,
        evaluationMoments: c.evaluationMoments,
        casemanager: c.casemanager,
        employeeView: c.employeeView,
        employerView: c.employerView,
      }
      const newId = ctx.newId()
      const amended = amendPlanVanAanpak(plan, delta, {
        newId,
        date: c.date ?? dateInAmsterdam(ctx.clock()),
        author: { name: author.name, function: author.function },
        bijstelling: reason.value,
      })
      if (!amended.ok) return invalid('bijstelling.reason', amended.error)
      if (amended.value.version === plan.version)
        return save(current.dossierId, 'plan-van-aanpak', amended.value, id)
      return writeTransaction(ctx, [db.documents, db.documentSignatures, db.dossiers], async () => {
        // The newest version only: amending an older one would fork the plan.
        const siblings = await db.documents.where('dossierId').equals(current.dossierId).toArray()
        const newer = siblings.some(
          (d) =>
            d.type === 'plan-van-aanpak' && (d.content as PlanVanAanpak).previousVersionId === id,
        )
        if (newer)
          return invalid('content', 'Er is al een nieuwere versie van dit plan; stel die bij.')
        const now = ctx.clock().toISOString()
        const record: StoredDocument = compact({
          id: newId,
          dossierId: current.dossierId,
          type: 'plan-van-aanpak',
          content: { ...amended.value, signatures: [] },
          createdAt: now,
          updatedAt: now,
        })
        return { ok: true, value: await putWithChange(ctx, db.documents, record, undefined) }
      })
    },

    /**
     * Adds a signature with its drawing (PNG, stored once per content hash). Each role signs a
     * version once; the document must be complete enough to be signed (its schema accepts it).
     */
    sign: async (input: unknown, png?: Uint8Array): Promise<Result<StoredSignature>> => {
      const parsed = validate(signatureInputSchema, input)
      if (!parsed.ok) return parsed
      const guarded = guardMedicalText(parsed.value)
      if (!guarded.ok) return guarded
      if (png && (!isPng(png) || png.length > MAX_SIGNATURE_BYTES))
        return invalid('image', 'De handtekening moet een PNG-afbeelding zijn (hoogstens 1 MB).')
      const imageSha256 = png ? await sha256Hex(png) : undefined
      return writeTransaction(ctx, [db.documents, db.documentSignatures, db.blobs], async () => {
        const doc = await db.documents.get(parsed.value.documentId)
        if (!doc) return notFound('Dit document bestaat niet (meer).')
        const existing = await signaturesOf(doc.id)
        if (existing.some((s) => s.role === parsed.value.role))
          return invalid('role', `Deze versie is al ondertekend door de ${parsed.value.role}.`)
        if (png && imageSha256 && !(await db.blobs.get(imageSha256)))
          await db.blobs.add({ sha256: imageSha256, data: png.slice(), size: png.length })
        const record: StoredSignature = compact({
          ...parsed.value,
          nonMedical: guarded.value,
          ...(imageSha256 ? { imageSha256 } : {}),
          dossierId: doc.dossierId,
          ...stamp(ctx),
        })
        await db.documentSignatures.add(record)
        await appendChange(ctx, {
          table: 'documentSignatures',
          recordId: record.id,
          dossierId: doc.dossierId,
          op: 'create',
          fields: { ...record },
        })
        await auditConfirmations(ctx, 'documentSignatures', record, undefined, record.nonMedical)
        return { ok: true, value: record }
      })
    },
    /** The drawn signature's PNG bytes. */
    signatureImage: async (sha256: string): Promise<Uint8Array | undefined> =>
      (await db.blobs.get(sha256))?.data,
  }
}

export type DocumentRepository = ReturnType<typeof documentRepository>
export { documentInputSchema }
