import type { Result } from '../../shared/kernel/errors'
import { DATA_TABLES, type ChangeEntry } from './db'
import { appendChange, notFound, writeTransaction, type StoreContext } from './write'

const byCommitOrder = (a: ChangeEntry, b: ChangeEntry) => a.seq - b.seq

/** The change log: in commit order, per record (its history) and per dossier. */
export function changesRepository(ctx: StoreContext) {
  const { db } = ctx
  return {
    list: (): Promise<ChangeEntry[]> => db.changes.orderBy('seq').toArray(),
    count: (): Promise<number> => db.changes.count(),
    /** Every change of one record, oldest first: with `previous`, each earlier version. */
    forRecord: async (recordId: string): Promise<ChangeEntry[]> =>
      (await db.changes.where('recordId').equals(recordId).toArray()).sort(byCommitOrder),
    forDossier: async (dossierId: string): Promise<ChangeEntry[]> =>
      (await db.changes.where('dossierId').equals(dossierId).toArray()).sort(byCommitOrder),
    /**
     * Removes a record's earlier values from the log, deliberately (domain §5.2: text that should
     * never have been recorded, such as medical details in a summary, must not live on in the
     * history). Each entry of the record keeps its place and keys, but carries the record's
     * current values (null once deleted) and no `previous`. The redaction itself is logged as
     * one entry of table `changes` that names how many entries it rewrote, not what they held.
     */
    redactHistory: (recordId: string): Promise<Result<{ entries: number }>> =>
      writeTransaction(
        ctx,
        DATA_TABLES.map((t) => db.table(t)),
        async () => {
          const entries = await db.changes.where('recordId').equals(recordId).toArray()
          const first = entries[0]
          if (!first) return notFound('Van dit gegeven is geen geschiedenis bewaard.')
          const table = DATA_TABLES.find((t) => t === first.table)
          const current = table
            ? ((await db.table(table).get(recordId)) as Record<string, unknown> | undefined)
            : undefined
          for (const e of entries) {
            const fields = Object.fromEntries(
              Object.keys(e.fields).map((k) => [k, current?.[k] ?? null]),
            )
            const { previous: _dropped, ...rest } = e
            await db.changes.put({ ...rest, fields })
          }
          await appendChange(ctx, {
            table: 'changes',
            recordId,
            ...(first.dossierId ? { dossierId: first.dossierId } : {}),
            op: 'update',
            fields: { redactedEntries: entries.length },
          })
          return { ok: true, value: { entries: entries.length } }
        },
      ),
  }
}
