import type { ChangeEntry, HervatDb } from './db'

/** The change log, read-only: in commit order, per record (its history) and per dossier. */
export function changesRepository(db: HervatDb) {
  return {
    list: (): Promise<ChangeEntry[]> => db.changes.orderBy('seq').toArray(),
    count: (): Promise<number> => db.changes.count(),
    /** Every change of one record, oldest first: with `previous`, each earlier version. */
    forRecord: async (recordId: string): Promise<ChangeEntry[]> =>
      (await db.changes.where('recordId').equals(recordId).toArray()).sort((a, b) => a.seq - b.seq),
    forDossier: async (dossierId: string): Promise<ChangeEntry[]> =>
      (await db.changes.where('dossierId').equals(dossierId).toArray()).sort(
        (a, b) => a.seq - b.seq,
      ),
  }
}
