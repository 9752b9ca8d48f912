import { copy, type DataKeys } from './keys'

/**
 * The stored (encrypted) and the decrypted shape of a row are different types. A `StoredRow`
 * carries its plaintext fields (primary key, indexed fields, keyed hashes) and one `sealed`
 * envelope with everything else, encrypted with AES-GCM under a fresh random 96-bit IV. The
 * additional data binds the envelope to its table, its primary key and its plaintext fields, so
 * an envelope moved to another record, another table, or next to altered index values fails to
 * decrypt instead of showing someone else's data.
 */

/**
 * One byte string: format version (1), the 96-bit IV, then the AES-GCM ciphertext and tag. One
 * typed array per row (not one per part) keeps reading 20,000 rows from IndexedDB cheap.
 */
export type Envelope = Uint8Array & { readonly __envelope?: never }

const ENVELOPE_VERSION = 1
const IV_BYTES = 12

declare const storedBrand: unique symbol
declare const plainBrand: unique symbol

/** A row as IndexedDB holds it: plaintext fields plus the sealed rest. */
export type StoredRow = { readonly [field: string]: unknown } & {
  readonly sealed: Envelope
  readonly [storedBrand]: true
}

/** A decrypted row, as the repositories see it. Never handed to IndexedDB. */
export type PlainRow = { readonly [field: string]: unknown } & { readonly [plainBrand]?: true }

/** Raised when an envelope does not decrypt: wrong key, altered bytes or a moved ciphertext. */
export class DecryptionError extends Error {
  override readonly name = 'DecryptionError'
  constructor(
    readonly table: string,
    readonly primaryKey: unknown,
  ) {
    super(
      `Versleutelde gegevens in tabel ${table} (sleutel ${JSON.stringify(primaryKey)}) zijn beschadigd of gewijzigd: ontsleutelen is mislukt.`,
    )
  }
}

export function isEnvelope(value: unknown): value is Envelope {
  return (
    value instanceof Uint8Array && value.byteLength > IV_BYTES + 16 && value[0] === ENVELOPE_VERSION
  )
}

export function isStoredRow(row: unknown): row is StoredRow {
  return (
    typeof row === 'object' &&
    row !== null &&
    isEnvelope((row as Record<string, unknown>)['sealed'])
  )
}

// --- Codec: the sealed fields as bytes. Flag byte 0: plain JSON. Flag byte 1: JSON with the
// Uint8Array values (PDFs, signatures) replaced by {"$bin": i, "n": length}, then a u32 header
// length, the header and the binaries back to back, so a 25 MB attachment is not blown up to
// base64.

const utf8 = new TextEncoder()
const fromUtf8 = new TextDecoder()

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

export function encodeFields(fields: Readonly<Record<string, unknown>>): Uint8Array<ArrayBuffer> {
  const bins: Uint8Array[] = []
  const header = JSON.stringify(fields, (_k, v: unknown) => {
    if (v instanceof Uint8Array || v instanceof ArrayBuffer) {
      const b = v instanceof Uint8Array ? v : new Uint8Array(v)
      bins.push(b)
      return { $bin: bins.length - 1, n: b.byteLength }
    }
    return v
  })
  const head = utf8.encode(header)
  if (bins.length === 0) {
    const out = new Uint8Array(1 + head.byteLength)
    out[0] = 0
    out.set(head, 1)
    return out
  }
  const total = 5 + head.byteLength + bins.reduce((s, b) => s + b.byteLength, 0)
  const out = new Uint8Array(total)
  out[0] = 1
  new DataView(out.buffer).setUint32(1, head.byteLength)
  out.set(head, 5)
  let at = 5 + head.byteLength
  for (const b of bins) {
    out.set(b, at)
    at += b.byteLength
  }
  return out
}

export function decodeFields(bytes: Uint8Array): Record<string, unknown> {
  if (bytes[0] === 0)
    return JSON.parse(fromUtf8.decode(bytes.subarray(1))) as Record<string, unknown>
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headLength = view.getUint32(1)
  const header = fromUtf8.decode(bytes.subarray(5, 5 + headLength))
  let at = 5 + headLength
  return JSON.parse(header, (_k, v: Json) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v['$bin'] === 'number') {
      const n = Number(v['n'])
      const slice = bytes.slice(at, at + n)
      at += n
      return slice
    }
    return v
  }) as Record<string, unknown>
}

/** The additional data: table, primary key and the plaintext fields, in a canonical order. */
export function additionalData(
  table: string,
  primaryKey: unknown,
  plain: Readonly<Record<string, unknown>>,
): Uint8Array<ArrayBuffer> {
  return utf8.encode(additionalText(table, primaryKey, plain))
}

function additionalText(
  table: string,
  primaryKey: unknown,
  plain: Readonly<Record<string, unknown>>,
): string {
  let text = `hervat/row/v1\u0000${table}\u0000${JSON.stringify(primaryKey)}`
  for (const k of Object.keys(plain).sort())
    if (k !== 'sealed') text += `\u0000${k}=${JSON.stringify(plain[k])}`
  return text
}

/**
 * The additional data written into one reused buffer, for decrypting: WebCrypto copies its inputs
 * before `decrypt` returns, so the buffer can be overwritten by the next row (saves an allocation
 * per row in a bulk read).
 */
let scratch = new Uint8Array(1024)
function additionalDataForDecrypt(
  table: string,
  primaryKey: unknown,
  plain: Readonly<Record<string, unknown>>,
): Uint8Array<ArrayBuffer> {
  const text = additionalText(table, primaryKey, plain)
  if (text.length * 3 > scratch.byteLength) scratch = new Uint8Array(text.length * 3)
  const { written } = utf8.encodeInto(text, scratch)
  return scratch.subarray(0, written)
}

/** The bytes as WebCrypto's types want them, without a copy when they already fit. */
function buffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : copy(bytes)
}

export async function seal(
  keys: DataKeys,
  table: string,
  primaryKey: unknown,
  plain: Readonly<Record<string, unknown>>,
  secret: Readonly<Record<string, unknown>>,
): Promise<StoredRow> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(table, primaryKey, plain) },
    keys.aes,
    encodeFields(secret),
  )
  const sealed = new Uint8Array(1 + IV_BYTES + ct.byteLength)
  sealed[0] = ENVELOPE_VERSION
  sealed.set(iv, 1)
  sealed.set(new Uint8Array(ct), 1 + IV_BYTES)
  return { ...plain, sealed } as StoredRow
}

/** The whole decrypted row; throws `DecryptionError` when the envelope does not verify. */
export async function unseal(
  keys: DataKeys,
  table: string,
  primaryKey: unknown,
  row: StoredRow,
  /** Plaintext fields verified but left out of the result (keyed hashes, for the index only). */
  omit?: ReadonlySet<string>,
): Promise<PlainRow> {
  // A loop, not `{ sealed, ...plain }`: this runs for every row of a bulk read.
  const plain: Record<string, unknown> = {}
  for (const k in row) if (k !== 'sealed') plain[k] = row[k]
  const bytes = buffer(row.sealed)
  let clear: ArrayBuffer
  try {
    clear = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: bytes.subarray(1, 1 + IV_BYTES),
        additionalData: additionalDataForDecrypt(table, primaryKey, plain),
      },
      keys.aes,
      bytes.subarray(1 + IV_BYTES),
    )
  } catch {
    throw new DecryptionError(table, primaryKey)
  }
  const fields = decodeFields(new Uint8Array(clear))
  for (const k in plain) if (!omit?.has(k)) fields[k] = plain[k]
  return fields as PlainRow
}
