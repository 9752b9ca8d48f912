/**
 * Key material for encryption at rest (docs/adr/0006). A random 256-bit data key encrypts the
 * database; it is only ever stored wrapped: by a key derived from the passphrase (PBKDF2-SHA256,
 * 600,000 iterations, WebCrypto) and, in Electron where the OS key store works, by `safeStorage`.
 * From the data key two working keys are derived with HKDF: one for AES-GCM, one for the keyed
 * hashes (HMAC-SHA256) that let an index find a BSN without storing it.
 */

export const PBKDF2_ITERATIONS = 600_000
const KEYSTORE_AAD = new TextEncoder().encode('hervat/keystore/v1')

/** The keys the database needs while the app is unlocked. Never persisted. */
export type DataKeys = {
  readonly aes: CryptoKey
  readonly hmac: CryptoKey
}

/** The data key wrapped by the passphrase: everything needed to unwrap it, except the passphrase. */
export type PassphraseWrap = {
  readonly kdf: 'PBKDF2-SHA256'
  readonly iterations: number
  readonly salt: Uint8Array
  readonly iv: Uint8Array
  readonly wrapped: Uint8Array
}

/** A fresh random data key (raw bytes; keep it only as long as needed). */
export function newDataKey(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(32))
}

/** The working keys from the raw data key; none of them can be exported. */
export async function deriveDataKeys(raw: Uint8Array<ArrayBuffer>): Promise<DataKeys> {
  const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey'])
  const hkdf = (info: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: new TextEncoder().encode(info),
  })
  const [aes, hmac] = await Promise.all([
    crypto.subtle.deriveKey(
      hkdf('hervat/aes-gcm/v1'),
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    ),
    crypto.subtle.deriveKey(
      hkdf('hervat/blind-index/v1'),
      base,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    ),
  ])
  return { aes, hmac }
}

async function passphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  )
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/** Wraps the data key under the passphrase (AES-GCM, so a wrong passphrase is detected). */
export async function wrapWithPassphrase(
  raw: Uint8Array<ArrayBuffer>,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<PassphraseWrap> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const key = await passphraseKey(passphrase, salt, iterations)
  const wrapped = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: KEYSTORE_AAD }, key, raw),
  )
  return { kdf: 'PBKDF2-SHA256', iterations, salt, iv, wrapped }
}

/** The raw data key, or `null` when the passphrase is wrong (the GCM tag does not verify). */
export async function unwrapWithPassphrase(
  wrap: PassphraseWrap,
  passphrase: string,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const key = await passphraseKey(passphrase, copy(wrap.salt), wrap.iterations)
  try {
    const raw = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: copy(wrap.iv), additionalData: KEYSTORE_AAD },
      key,
      copy(wrap.wrapped),
    )
    return new Uint8Array(raw)
  } catch {
    return null
  }
}

/** A copy backed by a plain ArrayBuffer (what WebCrypto's types want). */
export function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.byteLength)
  out.set(bytes)
  return out
}

/** HMAC-SHA256 of `value` under the blind-index key, as lower-case hex. */
export async function blindIndex(keys: DataKeys, purpose: string, value: string): Promise<string> {
  const mac = await crypto.subtle.sign(
    'HMAC',
    keys.hmac,
    new TextEncoder().encode(`${purpose}\u0000${value}`),
  )
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('')
}
