import { copy, type DataKeys } from './keys'

/**
 * The stored (encrypted) and the decrypted shape of a row are different types. A `StoredRow`
 * carries its plaintext fields (primary key, indexed fields, keyed hashes) and one `sealed`
 * envelope with everything else, encrypted with AES-GCM under a fresh random 96-bit IV. The
 * additional data binds the envelope to its table, its primary key and its plaintext fields, so
 * an envelope moved to another record, another table, or next to altered index values fails to
 * decrypt instead of showing someone else's data.
 */

export type Envelope = {
  readonly v: 1
  readonly iv: Uint8Array
  readonly ct: Uint8Array
}

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
  if (typeof value !== 'object' || value === null) return false
  const e = value as Record<string, unknown>
  return e['v'] === 1 && e['iv'] instanceof Uint8Array && e['ct'] instanceof Uint8Array
}

export function isStoredRow(row: unknown): row is StoredRow {
  return (
    typeof row === 'object' &&
    row !== null &&
    isEnvelope((row as Record<string, unknown>)['sealed'])
  )
}

// --- Codec: the sealed fields as bytes. JSON for data, raw bytes for Uint8Array values (PDFs,
// signatures), so a 25 MB attachment is not blown up to base64. Layout: u32 header length,
// header JSON (binaries replaced by {"$bin": index}), then the binaries back to back.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

export function encodeFields(fields: Readonly<Record<string, unknown>>): Uint8Array<ArrayBuffer> {
  const bins: Uint8Array[] = []
  const header = JSON.stringify(fields, (_k, v: unknown) => {
    if (v instanceof Uint8Array) {
      bins.push(v)
      return { $bin: bins.length - 1, n: v.byteLength }
    }
    if (v instanceof ArrayBuffer) {
      bins.push(new Uint8Array(v))
      return { $bin: bins.length - 1, n: v.byteLength }
    }
    return v
  })
  const head = new TextEncoder().encode(header)
  const total = 4 + head.byteLength + bins.reduce((s, b) => s + b.byteLength, 0)
  const out = new Uint8Array(total)
  new DataView(out.buffer).setUint32(0, head.byteLength)
  out.set(head, 4)
  let at = 4 + head.byteLength
  for (const b of bins) {
    out.set(b, at)
    at += b.byteLength
  }
  return out
}

export function decodeFields(bytes: Uint8Array): Record<string, unknown> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headLength = view.getUint32(0)
  const header = new TextDecoder().decode(bytes.subarray(4, 4 + headLength))
  let at = 4 + headLength
  const slices: Uint8Array[] = []
  const parsed = JSON.parse(header, (_k, v: Json) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v['$bin'] === 'number') {
      const n = Number(v['n'])
      const slice = bytes.slice(at, at + n)
      at += n
      slices[v['$bin']] = slice
      return slice
    }
    return v
  }) as Record<string, unknown>
  return parsed
}

/** The additional data: table, primary key and the plaintext fields, in a canonical order. */
export function additionalData(
  table: string,
  primaryKey: unknown,
  plain: Readonly<Record<string, unknown>>,
): Uint8Array<ArrayBuffer> {
  const fields = Object.keys(plain)
    .filter((k) => k !== 'sealed')
    .sort()
    .map((k) => [k, plain[k]])
  return new TextEncoder().encode(JSON.stringify(['hervat/row/v1', table, primaryKey, fields]))
}

export async function seal(
  keys: DataKeys,
  table: string,
  primaryKey: unknown,
  plain: Readonly<Record<string, unknown>>,
  secret: Readonly<Record<string, unknown>>,
): Promise<StoredRow> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const ct = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(table, primaryKey, plain) },
      keys.aes,
      encodeFields(secret),
    ),
  )
  const sealed: Envelope = { v: 1, iv, ct }
  return { ...plain, sealed } as StoredRow
}

/** The whole decrypted row; throws `DecryptionError` when the envelope does not verify. */
export async function unseal(
  keys: DataKeys,
  table: string,
  primaryKey: unknown,
  row: StoredRow,
): Promise<PlainRow> {
  const { sealed, ...plain } = row
  let bytes: ArrayBuffer
  try {
    bytes = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: copy(sealed.iv),
        additionalData: additionalData(table, primaryKey, plain),
      },
      keys.aes,
      copy(sealed.ct),
    )
  } catch {
    throw new DecryptionError(table, primaryKey)
  }
  return { ...decodeFields(new Uint8Array(bytes)), ...plain } as PlainRow
}
