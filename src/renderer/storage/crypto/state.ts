/** Meta keys of the encryption layer (meta is plaintext: these are needed before unlocking). */
export const ENCRYPTION_STATE_KEY = 'encryption'
export const KEYSTORE_KEY = 'keystore'
export const UNLOCK_FAILURES_KEY = 'unlockFailures'
/** `true` while the user (or the idle timer) locked Hervat: it then starts locked, too. */
export const LOCKED_KEY = 'locked'
