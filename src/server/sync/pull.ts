import type { Hlc, PulledChange, PullResponse, SyncTable } from '../../shared/sync'
import type { AccessClaims } from '../auth/tokens'
import { seesAllDossiers } from '../auth/roles'
import type { Db } from '../db/db'
import { forbidden } from '../http-error'

/**
 * Pull since a cursor, paginated. The log is appended in commit order (see push.ts), so a reader
 * that has seen seq N has seen every committed seq below N: the cursor never skips a change.
 * Only what the user may see is returned: their organisation, and for a casemanager only
 * dossiers assigned to them (plus organisation-level records such as employers).
 */
export async function pull(
  db: Db,
  who: AccessClaims,
  query: { cursor: number; limit: number; dossierId?: string | undefined },
): Promise<PullResponse> {
  const onlyUser = seesAllDossiers(who.role) ? null : who.userId
  const dossierId = query.dossierId ?? null
  if (dossierId) {
    const acc = await db.query(
      'SELECT organisation_id, casemanager_id FROM dossier_access WHERE dossier_id = $1',
      [dossierId],
    )
    const a = acc[0]
    if (
      !a ||
      a.organisation_id !== who.organisationId ||
      (onlyUser && a.casemanager_id !== onlyUser)
    ) {
      throw forbidden('dossierId')
    }
  }
  // One row source per case, each served by an index: one dossier (changes_by_dossier), the
  // whole organisation (changes_by_org), or a casemanager's own dossiers (one range scan per
  // dossier on changes_by_dossier) plus the organisation-level records (dossier_id IS NULL, also a
  // range scan on changes_by_dossier), instead of filtering every change of the organisation.
  const cols = `c.seq, c.change_id, c.table_name, c.record_id, c.dossier_id, c.field, c.value, c.hlc, c.base_hlc`
  const since = `c.organisation_id = $1 AND c.seq > $2`
  let source: string
  let params: unknown[]
  if (dossierId) {
    source = `SELECT ${cols} FROM changes c WHERE ${since} AND c.dossier_id = $3`
    params = [who.organisationId, query.cursor, dossierId]
  } else if (onlyUser === null) {
    source = `SELECT ${cols} FROM changes c WHERE ${since}`
    params = [who.organisationId, query.cursor]
  } else {
    source = `SELECT ${cols} FROM changes c WHERE ${since} AND c.dossier_id IN (
        SELECT a.dossier_id FROM dossier_access a WHERE a.casemanager_id = $3 AND a.organisation_id = $1)
      UNION ALL
      SELECT ${cols} FROM changes c WHERE ${since} AND c.dossier_id IS NULL`
    params = [who.organisationId, query.cursor, onlyUser]
  }
  // One round trip: the page and the head, read in the same snapshot (a LEFT JOIN keeps the head
  // row when the page is empty).
  const rows = await db.query(
    `SELECT h.head, p.* FROM (SELECT coalesce(max(seq), 0) AS head FROM changes) h
     LEFT JOIN (SELECT * FROM (${source}) s ORDER BY s.seq LIMIT ${Math.trunc(query.limit)}) p ON true
     ORDER BY p.seq`,
    params,
  )
  const headSeq = Number(rows[0]?.head ?? 0)
  const page = rows.filter((r) => r.seq !== null && r.seq !== undefined)
  const changes: PulledChange[] = page.map((r) => ({
    seq: Number(r.seq),
    id: String(r.change_id),
    table: r.table_name as SyncTable,
    recordId: String(r.record_id),
    dossierId: r.dossier_id === null ? null : String(r.dossier_id),
    field: String(r.field),
    value: JSON.parse(String(r.value)),
    hlc: r.hlc as Hlc,
    baseHlc: (r.base_hlc ?? null) as Hlc | null,
  }))
  const last = changes[changes.length - 1]
  let total: number | undefined
  if (query.cursor === 0) {
    const t = await db.query(`SELECT count(*) AS n FROM (${source}) s`, params)
    total = Number(t[0]?.n ?? 0)
  }
  return {
    changes,
    cursor: last ? last.seq : query.cursor,
    hasMore: changes.length === query.limit,
    headSeq,
    ...(total === undefined ? {} : { total }),
  }
}
