import { createRepositories, openDb } from '../storage'
import { Vault } from '../storage/crypto/vault'
import { createLockSession } from '../storage/keystore'
import { api } from '../platform/api'

/**
 * The one database and its repositories for this window. The database is encrypted at rest
 * (docs/adr/0006): it opens on the first unlock (`lockSession`), and while locked the vault holds
 * no key, so nothing personal can be read.
 */
export const vault = new Vault()
export const db = openDb('hervat', vault)
export const repos = createRepositories(db)
export const lockSession = createLockSession({
  db,
  vault,
  os: { protect: (key) => api.protectDataKey(key), unprotect: (w) => api.unprotectDataKey(w) },
})

export type Repos = typeof repos
