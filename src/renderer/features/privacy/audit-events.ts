import { useEffect } from 'react'
import type { AuditAction, AuditOutcome } from '../../../shared/audit/chain'
import { refuseMedicalAttachments } from '../../../shared/domain/medical-attachments'
import { repos } from '../../app/services'
import { api } from '../../platform/api'

/**
 * The one call every feature makes to put something in the audit trail (NEN 7513): a document
 * generated, printed or exported, a sync run. Edits are logged by the repositories themselves,
 * in the transaction of the edit; views of a dossier by `useDossierViewAudit`.
 */
export function recordAuditEvent(event: {
  readonly action: AuditAction
  readonly objectType: string
  readonly objectId?: string
  readonly dossierId?: string
  readonly outcome?: AuditOutcome
  readonly detail?: string
}) {
  return repos.audit.record(event)
}

/**
 * Logs that a dossier was opened: once per opening of its page, not per tab or re-render; an
 * address of a dossier that does not exist (any more) is not a view and logs nothing.
 */
export function useDossierViewAudit(dossierId: string) {
  useEffect(() => {
    void repos.dossiers.get(dossierId).then((d) =>
      d
        ? repos.audit.record({
            action: 'view',
            objectType: 'dossiers',
            objectId: d.id,
            dossierId,
          })
        : undefined,
    )
  }, [dossierId])
}

/**
 * Saves a file the user asked for and logs the export when it was saved (a cancelled dialog
 * leaves nothing), or its failure. `objectType` says what left: `backup`, `inzage-export`, a
 * table name for one record's document.
 */
export async function saveAuditedFile(file: {
  readonly suggestedName: string
  readonly mimeType: string
  readonly data: Uint8Array
  readonly objectType: string
  readonly objectId?: string
  readonly dossierId?: string
  readonly detail?: string
}): Promise<Awaited<ReturnType<typeof api.saveFile>>> {
  const base = {
    action: 'export' as const,
    objectType: file.objectType,
    ...(file.objectId ? { objectId: file.objectId } : {}),
    ...(file.dossierId ? { dossierId: file.dossierId } : {}),
  }
  try {
    const r = await api.saveFile({
      suggestedName: file.suggestedName,
      mimeType: file.mimeType,
      data: file.data,
    })
    if (r.saved)
      await recordAuditEvent({ ...base, ...(file.detail ? { detail: file.detail } : {}) })
    return r
  } catch (e) {
    await recordAuditEvent({ ...base, outcome: 'failure' })
    throw e
  }
}

/**
 * For an export of dossier documents: the Dutch refusal message when any of them is marked
 * medical (domain §5.5 item 4), with the refusal logged; undefined when the export may go on.
 */
export async function refuseMedicalExport(
  attachments: readonly { readonly title: string; readonly markedMedical: boolean }[],
  what: string,
  dossierId?: string,
): Promise<string | undefined> {
  const r = refuseMedicalAttachments(attachments, what)
  if (r.ok) return undefined
  await recordAuditEvent({
    action: 'export',
    objectType: 'attachments',
    ...(dossierId ? { dossierId } : {}),
    outcome: 'refused',
    detail: 'Bijlage als medisch gemarkeerd',
  })
  return r.error.message
}
