import type { Transaction } from 'dexie'
import { DATA_TABLES, type HervatDb } from '../db'
import { ENCRYPTION_STATE_KEY } from '../crypto/state'

/**
 * v3 → v7 (docs/adr/0006). The schema change: a werknemer's last name is no longer indexed and
 * `bsnHash` (a keyed hash) is. The rows themselves cannot be encrypted here: an upgrade runs when
 * the database opens, and the key exists only once the user has unlocked. So the upgrade marks
 * the encryption as pending, and `encryptExistingRows` does it on the first unlock.
 */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  await tx.table('meta').put({ key: ENCRYPTION_STATE_KEY, value: { state: 'pending' } })
}

/** Every table whose rows the encryption layer seals (all but the plaintext ones). */
function encryptedTables(db: HervatDb): string[] {
  return db.tables.map((t) => t.name).filter((t) => t !== 'meta')
}

/**
 * Runs once on the first unlock (and is harmless again): reads every row of every encrypted
 * table through the encryption layer (plaintext rows pass as they are) and writes it back, which
 * seals it. One transaction per table, so a large database does not hold one huge transaction.
 * Afterwards the state is `done` and unencrypted rows are refused from then on.
 */
export async function encryptExistingRows(db: HervatDb): Promise<{ rows: number }> {
  let rows = 0
  const state = await db.meta.get(ENCRYPTION_STATE_KEY)
  if ((state?.value as { state?: string } | undefined)?.state === 'done') return { rows }
  const ordered = [
    ...DATA_TABLES,
    ...encryptedTables(db).filter((t) => !(DATA_TABLES as readonly string[]).includes(t)),
  ]
  for (const name of ordered) {
    const table = db.table(name)
    await db.transaction('rw', table, async () => {
      const all: unknown[] = await table.toArray()
      if (all.length > 0) await table.bulkPut(all)
      rows += all.length
    })
  }
  await db.meta.put({
    key: ENCRYPTION_STATE_KEY,
    value: { state: 'done', at: new Date().toISOString(), rows },
  })
  return { rows }
}
