import { attachmentInputSchema, type Attachment } from '../../shared/domain/entities'
import type { Result } from '../../shared/kernel/errors'
import {
  appendChange,
  compact,
  deleteWithChange,
  invalid,
  notFound,
  putWithChange,
  stamp,
  validate,
  writeTransaction,
  type StoreContext,
} from './write'
import { auditConfirmations, guardMedicalText } from './medical-text'

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
const PDF_MAGIC = '%PDF-'
/** What a file picker may report for a PDF: its type, or nothing/generic when it cannot tell. */
const ACCEPTED_MIME_TYPES = new Set([
  'application/pdf',
  'application/x-pdf',
  '',
  'application/octet-stream',
])

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

export const isPdf = (d: Uint8Array): boolean =>
  d.length > PDF_MAGIC.length && String.fromCharCode(...d.subarray(0, 5)) === PDF_MAGIC

/** A copy with its own buffer: IndexedDB would otherwise store the whole buffer behind a view. */
const ownBytes = (d: Uint8Array): Uint8Array =>
  d.byteOffset === 0 && d.byteLength === d.buffer.byteLength ? d : d.slice()

const safeFileName = (name: string) => name.replace(/[/\\]/g, '_').slice(0, 200) || 'document.pdf'

/** PDF documents of a dossier; the bytes are stored once per content hash (SHA-256). */
export function attachmentRepository(ctx: StoreContext) {
  const { db } = ctx
  return {
    listByDossier: async (dossierId: string): Promise<Attachment[]> =>
      (await db.attachments.where('dossierId').equals(dossierId).toArray()).sort((a, b) =>
        a.receivedOn < b.receivedOn ? 1 : a.receivedOn > b.receivedOn ? -1 : 0,
      ),
    get: (id: string) => db.attachments.get(id),
    /** Only PDF (checked on its first bytes, not its name), at most 25 MB. Errors at field `file`. */
    add: async (
      dossierId: string,
      input: unknown,
      file: { name: string; mimeType: string; data: Uint8Array },
    ): Promise<Result<Attachment>> => {
      const parsed = validate(attachmentInputSchema, input)
      if (!parsed.ok) return parsed
      // The title of a document marked medical never leaves (a count at most): nothing to confirm.
      const guarded = parsed.value.markedMedical
        ? ({ ok: true, value: undefined } as const)
        : guardMedicalText(parsed.value)
      if (!guarded.ok) return guarded
      if (file.data.length > MAX_ATTACHMENT_BYTES)
        return invalid('file', 'Het bestand is groter dan 25 MB.')
      if (!ACCEPTED_MIME_TYPES.has(file.mimeType) || !isPdf(file.data))
        return invalid('file', 'Alleen PDF-bestanden kunnen worden toegevoegd.')
      const data = ownBytes(file.data)
      const sha256 = await sha256Hex(data)
      return writeTransaction(ctx, [db.attachments, db.blobs, db.dossiers], async () => {
        if (!(await db.dossiers.get(dossierId))) return notFound('Dit dossier bestaat niet (meer).')
        const record: Attachment = compact({
          ...parsed.value,
          nonMedical: guarded.value,
          dossierId,
          fileName: safeFileName(file.name),
          mimeType: 'application/pdf',
          size: data.length,
          sha256,
          ...stamp(ctx),
        })
        if (!(await db.blobs.get(sha256))) await db.blobs.add({ sha256, data, size: data.length })
        await db.attachments.add(record)
        await appendChange(ctx, {
          table: 'attachments',
          recordId: record.id,
          dossierId,
          op: 'create',
          fields: { ...record },
        })
        await auditConfirmations(ctx, 'attachments', record, undefined, record.nonMedical)
        return { ok: true, value: record }
      })
    },
    /** Changes the description (title, source, kind, date, medical mark); the file stays. */
    update: async (id: string, input: unknown): Promise<Result<Attachment>> => {
      const parsed = validate(attachmentInputSchema, input)
      if (!parsed.ok) return parsed
      const guarded = parsed.value.markedMedical
        ? ({ ok: true, value: undefined } as const)
        : guardMedicalText(parsed.value)
      if (!guarded.ok) return guarded
      return writeTransaction(ctx, [db.attachments], async () => {
        const existing = await db.attachments.get(id)
        if (!existing) return notFound('Dit document bestaat niet (meer).')
        const { dossierId, fileName, mimeType, size, sha256 } = existing
        const record: Attachment = compact({
          ...parsed.value,
          nonMedical: guarded.value,
          ...{ dossierId, fileName, mimeType, size, sha256 },
          ...stamp(ctx, existing),
        })
        const saved = await putWithChange(ctx, db.attachments, record, existing)
        if (saved === record)
          await auditConfirmations(
            ctx,
            'attachments',
            record,
            existing.nonMedical,
            record.nonMedical,
          )
        return { ok: true, value: saved }
      })
    },
    getContent: async (id: string): Promise<Uint8Array | undefined> => {
      const a = await db.attachments.get(id)
      return a ? (await db.blobs.get(a.sha256))?.data : undefined
    },
    /** Removes the attachment, and its content when no other attachment refers to it. */
    remove: (id: string): Promise<Result<void>> =>
      writeTransaction(ctx, [db.attachments, db.blobs], async () => {
        const existing = await db.attachments.get(id)
        if (!existing) return notFound('Dit document bestaat niet (meer).')
        await deleteWithChange(ctx, db.attachments, existing)
        const stillUsed = await db.attachments.where('sha256').equals(existing.sha256).count()
        if (stillUsed === 0) await db.blobs.delete(existing.sha256)
        return { ok: true, value: undefined }
      }),
  }
}
