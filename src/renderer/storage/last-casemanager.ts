import type { Repositories } from './repositories'

/** Where versions before docs/adr/0008 kept the last casemanager: plaintext localStorage. */
export const LEGACY_CASEMANAGER_KEY = 'hervat.casemanager'

type StorageLike = Pick<Storage, 'getItem' | 'removeItem'>

/**
 * The default casemanager for a new dossier, from sealed storage. A name an earlier version left
 * in localStorage (readable in the browser profile without the passphrase) is moved into sealed
 * storage first and removed.
 */
export async function lastCasemanager(
  settings: Repositories['settings'],
  storage: StorageLike = localStorage,
): Promise<string> {
  const legacy = storage.getItem(LEGACY_CASEMANAGER_KEY)
  if (legacy !== null) {
    if (!(await settings.lastCasemanager())) await settings.rememberCasemanager(legacy)
    storage.removeItem(LEGACY_CASEMANAGER_KEY)
  }
  return settings.lastCasemanager()
}
