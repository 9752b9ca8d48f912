import 'fake-indexeddb/auto'
import { deriveDataKeys, newDataKey } from './crypto/keys'
import { Vault } from './crypto/vault'
import { HervatDb } from './db'
import { createRepositories } from './repositories'

let n = 0

/** One data key for the test run: every repository test runs on the encrypted database. */
const testKeys = await deriveDataKeys(newDataKey())

/** An unlocked vault, as after the user entered the passphrase. */
export function unlockedVault(): Vault {
  const vault = new Vault()
  vault.unlock(testKeys)
  vault.strict = true
  return vault
}

/**
 * A fresh database per test (its own name) on fake-indexeddb, an IndexedDB implementation that
 * follows the spec, transactions and aborts included.
 */
export function freshRepos(now = '2026-11-20T10:00:00.000Z') {
  const vault = unlockedVault()
  const db = new HervatDb(`test-${++n}-${Math.random().toString(36).slice(2)}`, vault)
  let seq = 0
  const repos = createRepositories(
    db,
    () => new Date(now),
    () => `id-${String(++seq).padStart(4, '0')}`,
  )
  return { db, repos, vault }
}

export { employerInput, employeeInput, seedDossier } from './test-fixtures'
