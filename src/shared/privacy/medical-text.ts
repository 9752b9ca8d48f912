import { z } from 'zod'
import { sha256Hex } from '../audit/chain'
import { STRUCTURED_TEXT_KEYS } from '../domain/free-text'
import { findMedicalTerms } from '../domain/privacy'

/**
 * Medical text (domain §5.2, §5.3, §5.5 item 1): the privacy guard's words are a hint, not a
 * verdict ("fysiotherapie" may be an intervention the employer pays for). Saving flagged text
 * therefore needs an explicit choice, reword or confirm "dit is geen medische informatie", and
 * an export carries no flagged text that nobody confirmed.
 *
 * A confirmation is stored with the record, per field, bound to the exact text: the map
 * `nonMedical` holds, per field path (`summary`, `activities.2.description`), the SHA-256 of the
 * text that was confirmed. Editing the text changes its fingerprint, so the old confirmation no
 * longer counts and the guard asks again.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'Een bevestiging moet een SHA-256 (hex) zijn.')

/** The per-field confirmations of a record (absent when none). */
export const nonMedicalSchema = z.record(z.string().min(1).max(200), hex64).optional()
export type NonMedicalConfirmations = Readonly<Record<string, string>>

/** The fingerprint a confirmation binds to: the text exactly as saved (NFC, no trimming). */
export function textFingerprint(text: string): string {
  return sha256Hex(`hervat-geen-medische-informatie\n${text.normalize('NFC')}`)
}

export function isConfirmedNonMedical(
  confirmations: NonMedicalConfirmations | undefined,
  path: string,
  text: string,
): boolean {
  return confirmations?.[path] === textFingerprint(text)
}

/**
 * Keys that never hold a description: names of people and organisations, address parts, ids,
 * content hashes and bytes, bookkeeping. Every other string a record holds is scanned.
 */
const NAME_KEYS = new Set(['bedrijfsarts', 'arbodienst', 'function', 'postcode', 'bsn', 'email'])
const TECHNICAL_KEY = /^(id|.*Id|sha256|.*Sha256|.*Base64|mimeType|format|createdAt|updatedAt)$/
/** Choices from a fixed list (an enum's value is no one's description). */
const CHOICE_KEYS = new Set([
  'kind',
  'type',
  'role',
  'state',
  'status',
  'source',
  'advisedBy',
  'approvalStatus',
  'reimbursementStatus',
  'policyProfile',
  'safetyNet',
  'workPossibilities',
  'spoor2Decision',
  'adjustmentSignals',
  'trigger',
])
/** Bookkeeping of this module and of corrections: not text a user wrote. */
const OWN_KEYS = new Set(['nonMedical', 'corrects', 'removal'])

function isScannedKey(key: string): boolean {
  return (
    !Object.hasOwn(STRUCTURED_TEXT_KEYS, key) &&
    !NAME_KEYS.has(key) &&
    !CHOICE_KEYS.has(key) &&
    !TECHNICAL_KEY.test(key) &&
    !OWN_KEYS.has(key)
  )
}

/** Every text a value holds that the guard reads, with its dotted path (`progress.0.explanation`). */
export function scannedTexts(value: unknown, prefix = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return prefix && value ? [{ path: prefix, text: value }] : []
  if (Array.isArray(value))
    return value.flatMap((v, i) => scannedTexts(v, prefix ? `${prefix}.${i}` : String(i)))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    isScannedKey(k) ? scannedTexts(v, prefix ? `${prefix}.${k}` : k) : [],
  )
}

/** One flagged text nobody confirmed: where it is and which words the guard found. */
export type UnconfirmedText = { readonly path: string; readonly words: readonly string[] }

/** The flagged texts of one record's value that its confirmations do not cover. */
export function unconfirmedMedicalTexts(
  value: unknown,
  confirmations: NonMedicalConfirmations | undefined,
): UnconfirmedText[] {
  const out: UnconfirmedText[] = []
  for (const { path, text } of scannedTexts(value)) {
    const words = findMedicalTerms(text)
    if (words.length > 0 && !isConfirmedNonMedical(confirmations, path, text))
      out.push({ path, words })
  }
  return out
}

/**
 * The confirmations that still hold for `value`: a confirmation of a text that has since been
 * edited (or of a text that is no longer flagged) is dropped, so it is never reused by accident.
 */
export function currentConfirmations(
  value: unknown,
  confirmations: NonMedicalConfirmations | undefined,
): Record<string, string> | undefined {
  if (!confirmations) return undefined
  const out: Record<string, string> = {}
  for (const { path, text } of scannedTexts(value)) {
    if (isConfirmedNonMedical(confirmations, path, text) && findMedicalTerms(text).length > 0)
      out[path] = confirmations[path] as string
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/** Paths confirmed in `after` that were not confirmed (for the same text) in `before`. */
export function newConfirmations(
  before: NonMedicalConfirmations | undefined,
  after: NonMedicalConfirmations | undefined,
): string[] {
  return Object.entries(after ?? {})
    .filter(([path, hash]) => before?.[path] !== hash)
    .map(([path]) => path)
}

/** The Dutch message at a field whose flagged text was neither reworded nor confirmed. */
export function unconfirmedMessage(words: readonly string[]): string {
  return `Deze tekst lijkt medische informatie te bevatten (${words.join(', ')}). Pas de tekst aan, of bevestig dat dit geen medische informatie is.`
}

// ── The export gate ────────────────────────────────────────────────────────────────────────

/** A record as the scan reads it: its id, where its text is, and its confirmations. */
export type ScannedRecord = {
  readonly id: string
  readonly nonMedical?: NonMedicalConfirmations
  readonly [key: string]: unknown
}

/** The records of one dossier an export carries, per table (as stored). */
export type DossierTexts = {
  readonly dossierId: string
  readonly tables: Readonly<Record<string, readonly ScannedRecord[]>>
}

/** One place an export refuses on: dossier, record, field and the words found. */
export type MedicalFinding = {
  readonly dossierId: string
  readonly table: string
  readonly recordId: string
  /** Field path within the record's text (`summary`; for a document, within its content). */
  readonly field: string
  readonly words: readonly string[]
}

/** A document keeps its text in `content`; every other record in its own fields. */
const textOf = (table: string, record: ScannedRecord): unknown =>
  table === 'documents' ? record['content'] : record

/**
 * The export gate (pure): every flagged, unconfirmed text in the given dossiers' records, in
 * table order and record order. An export goes ahead only when this is empty.
 */
export function scanForMedicalText(dossiers: readonly DossierTexts[]): MedicalFinding[] {
  const out: MedicalFinding[] = []
  for (const d of dossiers) {
    for (const [table, records] of Object.entries(d.tables)) {
      for (const r of records) {
        // The title of a document marked medical never leaves in any export (a count at most).
        if (table === 'attachments' && r['markedMedical'] === true) continue
        for (const u of unconfirmedMedicalTexts(textOf(table, r), r.nonMedical)) {
          out.push({ dossierId: d.dossierId, table, recordId: r.id, field: u.path, words: u.words })
        }
      }
    }
  }
  return out
}

/** The Dutch refusal of an export while findings stand. */
export function medicalExportRefusal(what: string, findings: readonly MedicalFinding[]): string {
  const n = findings.length
  return `${what} is geweigerd: ${n === 1 ? 'één tekst lijkt' : `${n} teksten lijken`} medische informatie te bevatten. Pas elke tekst aan, corrigeer het contactmoment, of bevestig bij het veld dat het geen medische informatie is.`
}
