import { z } from 'zod'
import { dateField, requiredText } from './fields'

/**
 * A legal hold on a dossier (domain §5.6): while a loonsanctie, an objection (bezwaar) or a court
 * case is pending, the dossier is evidence and may not be erased, whatever its retention term.
 * Kept on the dossier record, set and lifted only through its own repository call (the dossier
 * form never touches it), with the reason and the date it applies from.
 */
export const LEGAL_HOLD_KINDS = ['loonsanctie', 'bezwaar', 'rechtszaak'] as const
export type LegalHoldKind = (typeof LEGAL_HOLD_KINDS)[number]
export const LEGAL_HOLD_LABELS: Record<LegalHoldKind, string> = {
  loonsanctie: 'Loonsanctie loopt',
  bezwaar: 'Bezwaar of beroep loopt',
  rechtszaak: 'Rechtszaak loopt',
}

export const legalHoldInputSchema = z.object({
  kind: z.enum(LEGAL_HOLD_KINDS, { error: 'Kies waarom het dossier geblokkeerd is.' }),
  /** What is pending (a case number, the UWV decision), without medical information. */
  reason: requiredText(500),
  since: dateField,
})
export type LegalHoldInput = z.input<typeof legalHoldInputSchema>
export type LegalHoldRecord = z.output<typeof legalHoldInputSchema>
