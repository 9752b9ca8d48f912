import type { Transaction } from 'dexie'
import { SEALED_SYNC_KEYS } from '../sync-log'

/**
 * v7 → v8 (docs/adr/0006): the sync login leaves plaintext `meta` for `sealedMeta`, which the
 * encryption layer seals like every other table. The database opens on the first unlock, so the
 * key is there while this runs and the rows written here are sealed at once; the plaintext copy
 * is deleted in the same upgrade transaction, so no state with both (or neither) is ever stored.
 */
export async function upgradeToV8(tx: Transaction): Promise<void> {
  const meta = tx.table('meta')
  const sealed = tx.table('sealedMeta')
  for (const key of SEALED_SYNC_KEYS) {
    const row = (await meta.get(key)) as { key: string; value: unknown } | undefined
    if (!row) continue
    await sealed.put({ key, value: row.value })
    await meta.delete(key)
  }
}
