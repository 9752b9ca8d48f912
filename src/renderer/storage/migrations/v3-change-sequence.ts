import type { Transaction } from 'dexie'

type OldChange = { id: string; at: string; seq?: number }

/** Commit order as far as version 2 recorded it: by instant, then by id (the only tie-break left). */
export function byRecordedOrder(a: OldChange, b: OldChange): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * v2 → v3. Version 2 ordered the change log by `at` alone, so writes within one millisecond (an
 * import, a cascade) had no order. From v3 every entry carries `seq`, counting from 1 in commit
 * order; existing entries are numbered in the order v2 would have listed them.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const table = tx.table<OldChange, string>('changes')
  const rows = (await table.toArray()).sort(byRecordedOrder)
  await table.bulkPut(rows.map((row, i) => ({ ...row, seq: i + 1 })))
}
