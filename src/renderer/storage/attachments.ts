import { attachmentInputSchema, type Attachment } from '../../shared/domain/entities'
import type { Result } from '../../shared/kernel/errors'
import { change, compact, invalid, notFound, stamp, validate, type StoreContext } from './write'

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

const isPdf = (d: Uint8Array) =>
  d.length > 5 && String.fromCharCode(...d.subarray(0, 5)) === '%PDF-'

/** PDF documents of a dossier; the bytes are stored once per content hash. */
export function attachmentRepository(ctx: StoreContext) {
  const { db } = ctx
  return {
    listByDossier: async (dossierId: string) =>
      (await db.attachments.where('dossierId').equals(dossierId).toArray()).sort((a, b) =>
        a.receivedOn < b.receivedOn ? 1 : -1,
      ),
    add: async (
      dossierId: string,
      input: unknown,
      file: { name: string; mimeType: string; data: Uint8Array },
    ): Promise<Result<Attachment>> => {
      const parsed = validate(attachmentInputSchema, input)
      if (!parsed.ok) return parsed
      if (!(await db.dossiers.get(dossierId))) return notFound('Dit dossier bestaat niet (meer).')
      if (file.data.length > MAX_ATTACHMENT_BYTES)
        return invalid('file', 'Het bestand is groter dan 25 MB.')
      if (!isPdf(file.data))
        return invalid('file', 'Alleen PDF-bestanden kunnen worden toegevoegd.')
      const sha256 = await sha256Hex(file.data)
      const record: Attachment = compact({
        ...parsed.value,
        dossierId,
        fileName: file.name.replace(/[/\\]/g, '_').slice(0, 200) || 'document.pdf',
        mimeType: 'application/pdf',
        size: file.data.length,
        sha256,
        ...stamp(ctx),
      })
      await db.transaction('rw', db.attachments, db.blobs, db.changes, async () => {
        if (!(await db.blobs.get(sha256)))
          await db.blobs.add({ sha256, data: file.data, size: file.data.length })
        await db.attachments.add(record)
        await db.changes.add(change(ctx, 'attachments', 'create', record, { ...record }))
      })
      return { ok: true, value: record }
    },
    getContent: async (id: string): Promise<Uint8Array | undefined> => {
      const a = await db.attachments.get(id)
      return a ? (await db.blobs.get(a.sha256))?.data : undefined
    },
    remove: async (id: string): Promise<Result<void>> => {
      const existing = await db.attachments.get(id)
      if (!existing) return notFound('Dit document bestaat niet (meer).')
      await db.transaction('rw', db.attachments, db.blobs, db.changes, async () => {
        await db.attachments.delete(id)
        const stillUsed = await db.attachments.where('sha256').equals(existing.sha256).count()
        if (stillUsed === 0) await db.blobs.delete(existing.sha256)
        await db.changes.add(change(ctx, 'attachments', 'delete', existing, {}))
      })
      return { ok: true, value: undefined }
    },
  }
}
