import {
  currentConfirmations,
  newConfirmations,
  unconfirmedMedicalTexts,
  unconfirmedMessage,
  type NonMedicalConfirmations,
} from '../../shared/privacy/medical-text'
import type { Result } from '../../shared/kernel/errors'
import { appendAudit } from './audit'
import { invalid, type StoreContext } from './write'

/**
 * The write side of the medical-text rule (docs/adr/0009): a record whose free text the privacy
 * guard flags is saved only when each flagged text was reworded or confirmed as "geen medische
 * informatie" for exactly that text. Returns the confirmations that still hold (stale ones, of a
 * text since edited, are dropped), or the first unconfirmed field with a Dutch message naming
 * the words (the path is the form's field name).
 */
export function guardMedicalText(
  value: object & { readonly nonMedical?: NonMedicalConfirmations },
): Result<Record<string, string> | undefined> {
  const open = unconfirmedMedicalTexts(value, value.nonMedical)
  const first = open[0]
  if (first) return invalid(first.path, unconfirmedMessage(first.words))
  return { ok: true, value: currentConfirmations(value, value.nonMedical) }
}

/**
 * One audit entry per newly confirmed field, in the write's transaction: who confirmed which
 * field of which record (never the text itself).
 */
export async function auditConfirmations(
  ctx: StoreContext,
  table: string,
  record: { readonly id: string; readonly dossierId?: string },
  before: NonMedicalConfirmations | undefined,
  after: NonMedicalConfirmations | undefined,
): Promise<void> {
  for (const path of newConfirmations(before, after)) {
    await appendAudit(ctx, {
      action: 'confirm-non-medical',
      objectType: table,
      objectId: record.id,
      ...(record.dossierId ? { dossierId: record.dossierId } : {}),
      detail: `Veld ${path}`,
    })
  }
}
