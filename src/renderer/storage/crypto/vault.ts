import type { DataKeys } from './keys'

/** Raised by the database while the app is locked: nothing personal can be read or written. */
export class LockedError extends Error {
  override readonly name = 'LockedError'
  constructor() {
    super('Hervat is vergrendeld: ontgrendel de app om gegevens te lezen of op te slaan.')
  }
}

/**
 * The data keys while the app is unlocked, in memory only. `lock()` drops them; from then on
 * every read or write of an encrypted table fails with `LockedError` until `unlock()`.
 * `strict`: once existing plaintext rows have been encrypted (v7 migration), a row without an
 * envelope is refused instead of being read as plaintext (it can only be planted).
 */
export class Vault {
  private current: DataKeys | undefined
  strict = false

  unlock(keys: DataKeys): void {
    this.current = keys
  }

  lock(): void {
    this.current = undefined
    this.strict = false
  }

  get unlocked(): boolean {
    return this.current !== undefined
  }

  keys(): DataKeys {
    if (!this.current) throw new LockedError()
    return this.current
  }
}
