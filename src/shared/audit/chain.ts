import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import { z } from 'zod'

/**
 * The audit trail (NEN 7513-style logging, domain §5.5 item 5): who did what with which dossier,
 * when, from which device, and with what outcome. Entries are append-only and hash-chained per
 * device: each entry's `hash` is SHA-256 over the previous entry's hash and the entry itself in
 * canonical JSON, so a changed, removed or inserted entry breaks the chain from that point on.
 *
 * One chain per device, not one global chain: devices work offline and cannot agree on a single
 * order; each device's chain is complete on its own and the server can verify it (pure code here,
 * synchronous SHA-256 so that an entry can be chained inside the IndexedDB write transaction).
 *
 * An entry holds ids, never names, BSNs or content of the dossier: the trail may outlive the
 * dossier (retention erasure leaves an anonymous stub), so it must not be personal data itself.
 */

export const AUDIT_ACTIONS = [
  'view',
  'create',
  'update',
  'delete',
  'generate',
  'print',
  'export',
  'import',
  'sync',
  'redact',
  'legal-hold',
  'erase',
  'wipe',
  'transfer',
  // Medical text (docs/adr/0009): a text confirmed as not medical, a contactmoment corrected, a
  // text removed as unlawfully recorded (AVG art. 16/17; the stub keeps when, who and why).
  'confirm-non-medical',
  'correct',
  'remove-unlawful',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  view: 'Ingezien',
  create: 'Toegevoegd',
  update: 'Gewijzigd',
  delete: 'Verwijderd',
  generate: 'Document gemaakt',
  print: 'Afgedrukt',
  export: 'Geëxporteerd',
  import: 'Geïmporteerd',
  sync: 'Gesynchroniseerd',
  redact: 'Geschiedenis geschoond',
  'legal-hold': 'Juridische blokkade gewijzigd',
  erase: 'Gewist na bewaartermijn',
  wipe: 'Alle gegevens gewist',
  transfer: 'Overgedragen; van dit apparaat verwijderd',
  'confirm-non-medical': 'Bevestigd: geen medische informatie',
  correct: 'Gecorrigeerd',
  'remove-unlawful': 'Verwijderd wegens onrechtmatige registratie',
}

export const AUDIT_OUTCOMES = ['success', 'refused', 'failure'] as const
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number]
export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = {
  success: 'Gelukt',
  refused: 'Geweigerd',
  failure: 'Mislukt',
}

/** The hash the first entry of every device's chain links to. */
export const GENESIS_HASH = '0'.repeat(64)

const hex64 = z.string().regex(/^[0-9a-f]{64}$/)

/** One stored audit entry (also the shape synced to the server). */
export const auditEntrySchema = z
  .object({
    id: z.string().min(1),
    /** The device that wrote it; its own chain. */
    deviceId: z.string().min(1),
    /** 1, 2, 3, … per device, without gaps. */
    seq: z.number().int().min(1),
    /** ISO timestamp (UTC). */
    at: z.string().min(1),
    /** Who: the configured user name, and the account id once the device is signed in. */
    actorName: z.string().min(1),
    actorId: z.string().min(1).optional(),
    action: z.enum(AUDIT_ACTIONS),
    /** What kind of thing: a table name (`dossiers`, `contacts`), `backup`, `inzage-export`, … */
    objectType: z.string().min(1),
    objectId: z.string().min(1).optional(),
    /** The dossier it concerns, if any. */
    dossierId: z.string().min(1).optional(),
    /** SHA-256 of the dossier id: how an erased dossier's stub refers to it. */
    dossierRef: hex64.optional(),
    outcome: z.enum(AUDIT_OUTCOMES),
    /** A short note without personal data (a count, a reason code, a file kind). */
    detail: z.string().max(500).optional(),
    prevHash: hex64,
    hash: hex64,
  })
  .strict()
export type AuditEntry = z.output<typeof auditEntrySchema>
export type UnsealedAuditEntry = Omit<AuditEntry, 'hash'>

/**
 * Canonical JSON: object keys sorted (recursively), no whitespace, `undefined` members left out,
 * so that the same entry always gives the same bytes on every platform.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value)
    return s === undefined ? 'null' : s
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)))
}

/** SHA-256 of the dossier id: the reference an erased dossier's audit stub keeps. */
export function dossierRefOf(dossierId: string): string {
  return sha256Hex(`hervat-dossier:${dossierId}`)
}

/** The hash of an entry: SHA-256 over the previous hash, a newline and the canonical entry. */
export function entryHash(entry: UnsealedAuditEntry): string {
  const { hash: _ignored, ...rest } = entry as AuditEntry
  return sha256Hex(`${entry.prevHash}\n${canonicalJson(rest)}`)
}

/** Completes an entry with its hash (the previous hash is already in it). */
export function sealEntry(entry: UnsealedAuditEntry): AuditEntry {
  return { ...entry, hash: entryHash(entry) }
}

export type ChainBreak = {
  readonly deviceId: string
  /** The seq the broken entry has (or should have had, for a missing one). */
  readonly seq: number
  /** 1-based place of the entry in that device's chain. */
  readonly position: number
  readonly entryId?: string
  readonly reason: 'hash' | 'link' | 'gap' | 'shape'
  readonly message: string
}

export type ChainReport = {
  readonly ok: boolean
  readonly entries: number
  readonly devices: number
  /** The first broken entry of each broken chain, in device order. */
  readonly breaks: readonly ChainBreak[]
}

/**
 * Walks every device's chain in seq order and reports, per device, the first entry that does not
 * hold: its contents changed (hash), it does not link to the entry before it (link: an entry
 * before it was changed, removed or inserted), a seq is missing (gap), or it is malformed.
 * `altered`: ids of entries whose stored form failed its own integrity check before they could
 * be read (an encrypted row changed outside the app); such an entry is reported as changed.
 */
export function verifyChain(
  rows: readonly unknown[],
  altered: ReadonlySet<string> = new Set(),
): ChainReport {
  const byDevice = new Map<string, { row: Record<string, unknown>; seq: number }[]>()
  const breaks: ChainBreak[] = []
  for (const row of rows) {
    const r = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>
    const deviceId = typeof r['deviceId'] === 'string' ? r['deviceId'] : '?'
    const seq = typeof r['seq'] === 'number' ? r['seq'] : 0
    const list = byDevice.get(deviceId)
    if (list) list.push({ row: r, seq })
    else byDevice.set(deviceId, [{ row: r, seq }])
  }
  for (const deviceId of [...byDevice.keys()].sort()) {
    const list = (byDevice.get(deviceId) ?? []).sort((a, b) => a.seq - b.seq)
    let prev = GENESIS_HASH
    for (const [i, { row, seq }] of list.entries()) {
      const position = i + 1
      const entryId = typeof row['id'] === 'string' ? row['id'] : undefined
      const at = { deviceId, seq, position, ...(entryId ? { entryId } : {}) }
      if (entryId !== undefined && altered.has(entryId)) {
        breaks.push({
          ...at,
          reason: 'hash',
          message: `Regel ${position} is na het vastleggen gewijzigd.`,
        })
        break
      }
      const parsed = auditEntrySchema.safeParse(row)
      if (!parsed.success) {
        breaks.push({ ...at, reason: 'shape', message: `Regel ${position} is onleesbaar.` })
        break
      }
      if (seq !== position) {
        breaks.push({
          ...at,
          seq: position,
          reason: 'gap',
          message: `Regel ${position} ontbreekt (verwijderd).`,
        })
        break
      }
      if (parsed.data.prevHash !== prev) {
        breaks.push({
          ...at,
          reason: 'link',
          message: `Regel ${position} sluit niet aan op de regel ervoor.`,
        })
        break
      }
      if (entryHash(parsed.data) !== parsed.data.hash) {
        breaks.push({
          ...at,
          reason: 'hash',
          message: `Regel ${position} is na het vastleggen gewijzigd.`,
        })
        break
      }
      prev = parsed.data.hash
    }
  }
  return { ok: breaks.length === 0, entries: rows.length, devices: byDevice.size, breaks }
}
