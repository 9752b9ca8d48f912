/**
 * Corrections of append-only records (AVG art. 16 and 17; domain §5.7). A contactmoment and a
 * signature are evidence: once written they never change, also not through sync. Two ways put
 * wrong text right:
 *
 * - a **correction**: a new contactmoment with `corrects` = the id of the one it replaces. Views
 *   and exports show the correcting entry in place of the original (`effectiveContacts`); the
 *   original stays in the record's history.
 * - **verwijderen wegens onrechtmatige registratie**: the record's text fields are overwritten
 *   with `REMOVED_TEXT` on every device (the server accepts exactly this change of an
 *   append-only record and nothing else) and every local copy of the old text (change log,
 *   outbox, field states, conflicts) is rewritten. The audit trail keeps a stub: when, who, why.
 */

/** What a removed text reads everywhere after the removal (views, exports, every device). */
export const REMOVED_TEXT = '[Verwijderd wegens onrechtmatige registratie]'

/** The text fields of each append-only table that a removal overwrites. */
export const REMOVABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  contacts: ['summary', 'participants'],
  documentSignatures: ['reaction'],
}

/** Whether `field` of `table` may be overwritten on an append-only record, and only with REMOVED_TEXT. */
export function isRemovalChange(table: string, field: string, value: unknown): boolean {
  return (REMOVABLE_FIELDS[table]?.includes(field) ?? false) && value === REMOVED_TEXT
}

/** Whether a record's text was removed (its removable fields hold REMOVED_TEXT). */
export function isRemoved(table: string, record: Readonly<Record<string, unknown>>): boolean {
  return (REMOVABLE_FIELDS[table] ?? []).some((f) => record[f] === REMOVED_TEXT)
}

/** Why a text is removed; the code goes in the audit stub (no personal data, no text). */
export const REMOVAL_REASONS = ['medische-informatie', 'onjuist', 'verzoek-werknemer'] as const
export type RemovalReason = (typeof REMOVAL_REASONS)[number]
export const REMOVAL_REASON_LABELS: Record<RemovalReason, string> = {
  'medische-informatie':
    'Medische informatie vastgelegd die de werkgever niet mag verwerken (AVG art. 9 en 17)',
  onjuist: 'Onjuiste of onvolledige gegevens (AVG art. 16)',
  'verzoek-werknemer': 'Op verzoek van de werknemer gewist (AVG art. 17)',
}

type Correctable = {
  readonly id: string
  readonly corrects?: string | undefined
  readonly createdAt: string
}

/**
 * The contactmomenten as views and exports show them: an entry that a later one corrects is
 * left out, the correcting entry stands in its place (a correction of a correction works the
 * same way). Order is kept.
 */
export function effectiveContacts<T extends Correctable>(contacts: readonly T[]): T[] {
  const corrected = new Set(contacts.map((c) => c.corrects).filter((x): x is string => !!x))
  return contacts.filter((c) => !corrected.has(c.id))
}

/** The entry a contactmoment corrects, for the line "correctie van …" in a view. */
export function correctedEntry<T extends Correctable>(contacts: readonly T[], c: T): T | undefined {
  return c.corrects ? contacts.find((x) => x.id === c.corrects) : undefined
}
