import type { AppError, Result } from '../kernel/errors'

/**
 * Domain §5.5 item 4: medical documents never leave through Hervat (they go from the bedrijfsarts
 * to UWV directly). Every export of dossier data refuses while an attachment is marked medical,
 * with a Dutch message that names the documents and says what to do.
 */
export function refuseMedicalAttachments(
  attachments: readonly { readonly title: string; readonly markedMedical: boolean }[],
  what: string,
): Result<true, Extract<AppError, { kind: 'validation' }>> {
  const medical = attachments.filter((a) => a.markedMedical)
  if (medical.length === 0) return { ok: true, value: true }
  const titles = medical.map((a) => `“${a.title}”`).join(', ')
  return {
    ok: false,
    error: {
      kind: 'validation',
      field: 'attachments',
      message: `${what} is geweigerd: ${medical.length === 1 ? 'een bijlage is' : `${medical.length} bijlagen zijn`} als medisch gemarkeerd (${titles}). Medische stukken mogen Hervat niet verlaten. Verwijder ze, of haal het vinkje ‘medisch’ weg als het onterecht is gezet.`,
    },
  }
}
