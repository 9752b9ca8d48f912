import type { Queryable } from '../db/db'

/**
 * Access revocations (ADR 0003): a dossier reassigned away from a casemanager must leave their
 * devices. `access_revocations (user_id, dossier_id, seq)` is written by the reassignment route in
 * its locked transaction, with `seq` from the log's own sequence, exactly like an access grant.
 */
export const INSERT_REVOCATIONS = `
INSERT INTO access_revocations (user_id, dossier_id, seq)
SELECT x.u, x.d, nextval(pg_get_serial_sequence('changes', 'seq'))
FROM jsonb_to_recordset($1::text::jsonb) AS x(u text, d text)`

/**
 * The dossiers `userId` lost after `cursor` (up to `upTo`) and does not have again now, with the highest
 * revocation seq among them (0 when none). Read in the pull's snapshot: when it sees a revocation,
 * it sees every change below its seq, so the cursor may move past it.
 */
export async function revokedSince(
  q: Queryable,
  userId: string,
  cursor: number,
  upTo: number,
): Promise<{ dossierIds: string[]; seq: number }> {
  const rows = await q.query(
    `SELECT r.dossier_id, max(r.seq) AS seq FROM access_revocations r
     WHERE r.user_id = $1 AND r.seq > $2 AND r.seq <= $3
       AND NOT EXISTS (SELECT 1 FROM dossier_access a
         WHERE a.dossier_id = r.dossier_id AND a.casemanager_id = r.user_id)
     GROUP BY r.dossier_id ORDER BY r.dossier_id`,
    [userId, cursor, upTo],
  )
  return {
    dossierIds: rows.map((r) => String(r.dossier_id)),
    seq: rows.reduce((m, r) => Math.max(m, Number(r.seq)), 0),
  }
}
