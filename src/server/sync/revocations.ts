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
 * The revocations (`'r'`, dossier, seq) of user `$1` with `$2 < seq <= $3` whose dossier is not
 * assigned to them now; a branch of the pull's grant lookup (pull.ts), read in its snapshot: when
 * it sees a revocation, it sees every change below its seq, so the cursor may move past it.
 */
export const REVOKED_SINCE = `SELECT 'r' AS k, r.dossier_id, r.seq FROM access_revocations r
  WHERE r.user_id = $1 AND r.seq > $2 AND r.seq <= $3
    AND NOT EXISTS (SELECT 1 FROM dossier_access a
      WHERE a.dossier_id = r.dossier_id AND a.casemanager_id = r.user_id)`
