import type { Transaction } from 'dexie'
import { USER_NAME_KEY } from '../settings'

/**
 * v9 → v10 (docs/adr/0006): the casemanager's name leaves the plaintext settings row in `meta`
 * for `sealedMeta`. Nothing reads it before unlock (the lock screen shows no name; audit entries
 * are written only while unlocked). As in v8, the database opens on the first unlock, so the key
 * is there and the row is sealed at once; the plaintext copy goes in the same transaction.
 */
export async function upgradeToV10(tx: Transaction): Promise<void> {
  const meta = tx.table('meta')
  const row = (await meta.get('settings')) as { key: string; value: unknown } | undefined
  if (!row || typeof row.value !== 'object' || row.value === null) return
  const { userName, ...rest } = row.value as Record<string, unknown>
  if (typeof userName === 'string' && userName.trim() !== '')
    await tx.table('sealedMeta').put({ key: USER_NAME_KEY, value: userName.trim() })
  if ('userName' in row.value) await meta.put({ key: row.key, value: rest })
}
