import type { Hlc, PulledChange, PullResponse, SyncTable } from '../../shared/sync'
import type { AccessClaims } from '../auth/tokens'
import { ACTIVE_DEVICE, checkDevice, revokedDevice } from '../auth/device-check'
import { seesAllDossiers, type Role } from '../auth/roles'
import type { Db, Queryable, Row } from '../db/db'
import { forbidden } from '../http-error'
import { REVOKED_SINCE } from './revocations'

const COLS = `c.seq, c.change_id, c.table_name, c.record_id, c.dossier_id, c.field, c.value, c.hlc, c.base_hlc`
/** Changes of the werknemers that are the `employeeId` of the dossiers the SQL `dossiers` yields. */
const employeesOf = (dossiers: string): string => `c.table_name = 'employees'
  AND c.record_id IN (SELECT (fs.value::jsonb #>> '{}') FROM field_state fs
    WHERE fs.table_name = 'dossiers' AND fs.field = 'employeeId' AND fs.record_id IN (${dossiers}))`

/**
 * Pull since a cursor, paginated. The log is appended in commit order (see push.ts), so a reader
 * that has seen seq N has seen every committed seq below N: the cursor never skips a change.
 * Only what the user may see is returned: their organisation, and for a casemanager only
 * dossiers assigned to them (plus organisation-level records such as employers).
 */
type Source = { sql: string; params: unknown[]; grantee: string | null }

/** The rows a user may receive after a cursor, as one SQL row source (see `pull`). */
function sourceFor(
  who: AccessClaims,
  query: { cursor: number; dossierId?: string | undefined },
): Source {
  const onlyUser = seesAllDossiers(who.role) ? null : who.userId
  // One row source per case, each served by an index: one dossier (changes_by_dossier), the
  // whole organisation (changes_by_org), or a casemanager's own dossiers (one range scan per
  // dossier on changes_by_dossier) plus the organisation-level records (dossier_id IS NULL, also a
  // range scan on changes_by_dossier), instead of filtering every change of the organisation.
  // Werknemers (BSN, address) are organisation records, but a casemanager receives a werknemer
  // only while it is the werknemer of one of their dossiers (field_state_dossier_employee, then
  // changes_by_record), and `?dossierId=` brings the dossier's werknemer along.
  const cols = COLS
  const since = `c.organisation_id = $1 AND c.seq > $2`
  const mine = `SELECT a.dossier_id FROM dossier_access a WHERE a.casemanager_id = $3 AND a.organisation_id = $1`
  if (query.dossierId) {
    return {
      sql: `SELECT ${cols} FROM changes c WHERE ${since} AND c.dossier_id = $3
      UNION ALL
      SELECT ${cols} FROM changes c WHERE ${since} AND ${employeesOf('$3')}`,
      params: [who.organisationId, query.cursor, query.dossierId],
      grantee: null,
    }
  }
  if (onlyUser === null) {
    return {
      sql: `SELECT ${cols} FROM changes c WHERE ${since}`,
      params: [who.organisationId, query.cursor],
      grantee: null,
    }
  }
  return {
    sql: `SELECT ${cols} FROM changes c WHERE ${since} AND c.dossier_id IN (${mine})
      UNION ALL
      SELECT ${cols} FROM changes c WHERE ${since} AND c.dossier_id IS NULL AND c.table_name <> 'employees'
      UNION ALL
      SELECT ${cols} FROM changes c WHERE ${since} AND ${employeesOf(mine)}`,
    params: [who.organisationId, query.cursor, onlyUser],
    grantee: onlyUser,
  }
}

/**
 * Pull since a cursor, paginated, for a caller whose device was already checked. The log is
 * appended in commit order (see push.ts), so a reader that has seen seq N has seen every
 * committed seq below N: the cursor never skips a change. Only what the user may see is
 * returned: their organisation, and for a casemanager only dossiers assigned to them (plus
 * organisation-level records such as employers).
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
  const src = sourceFor(who, query)
  // A casemanager reads in one snapshot: the page, the head and the pending access grants.
  return src.grantee !== null
    ? db.tx(async (q) => {
        await q.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        return readPage(q, src.sql, src.params, query, src.grantee)
      })
    : readPage(db, src.sql, src.params, query, null)
}

/**
 * The sync pull route (GET /api/v1/sync/pull): the device check, the head, the page and whether
 * access grants are pending, in ONE statement (one snapshot, one round trip), for a caller whose
 * token is valid but whose device was not yet checked. The common case, a device catching up
 * with no pending grant, ends there. A role or organisation that changed since the token was
 * issued, or a pending grant (backfill), takes the general path above with the checked caller.
 */
export async function pullForDevice(
  db: Db,
  claims: AccessClaims,
  query: { cursor: number; limit: number; dossierId?: string | undefined },
): Promise<PullResponse> {
  if (query.dossierId) return pull(db, await checkDevice(db, claims), query)
  const src = sourceFor(claims, query)
  // Access grants and revocations above the cursor (ADR 0003) are rare: when there are any, the
  // general path handles them in its own snapshot.
  const grants =
    src.grantee === null
      ? '0'
      : `(SELECT count(*) FROM access_grants g WHERE g.user_id = $3 AND g.seq > $2)
         + (SELECT count(*) FROM access_revocations r WHERE r.user_id = $3 AND r.seq > $2)`
  const rows = await db.query(
    `WITH dev AS (${ACTIVE_DEVICE.replace('$1', '$4').replace('$2', '$3')})
     SELECT dev.role AS dev_role, dev.organisation_id AS dev_org, h.head, ${grants} AS grants, p.*
     FROM dev CROSS JOIN (SELECT coalesce(max(seq), 0) AS head FROM changes) h
     LEFT JOIN (SELECT * FROM (${src.sql}) s ORDER BY s.seq LIMIT $5) p ON true
     ORDER BY p.seq`,
    [claims.organisationId, query.cursor, claims.userId, claims.deviceId, Math.trunc(query.limit)],
  )
  const first = rows[0]
  if (!first) throw revokedDevice()
  const who: AccessClaims = {
    ...claims,
    role: first.dev_role as Role,
    organisationId: String(first.dev_org),
  }
  const page = rows.filter((r) => r.seq !== null && r.seq !== undefined)
  const hasMore = page.length === query.limit
  if (
    who.role !== claims.role ||
    who.organisationId !== claims.organisationId ||
    Number(first.grants) > 0
  ) {
    return pull(db, who, query)
  }
  const changes = page.map(toChange)
  const last = changes[changes.length - 1]
  return {
    changes,
    cursor: last ? last.seq : query.cursor,
    hasMore,
    headSeq: Number(first.head ?? 0),
    revoked: [],
    ...(query.cursor === 0 ? { total: await countAll(db, src) } : {}),
  }
}

const countAll = async (db: Queryable, src: Source): Promise<number> => {
  const t = await db.query(`SELECT count(*) AS n FROM (${src.sql}) s`, src.params)
  return Number(t[0]?.n ?? 0)
}

async function readPage(
  db: Queryable,
  source: string,
  params: unknown[],
  query: { cursor: number; limit: number },
  grantee: string | null,
): Promise<PullResponse> {
  // One round trip: the page and the head, read in the same snapshot (a LEFT JOIN keeps the head
  // row when the page is empty).
  const rows = await db.query(
    `SELECT h.head, p.* FROM (SELECT coalesce(max(seq), 0) AS head FROM changes) h
     LEFT JOIN (SELECT * FROM (${source}) s ORDER BY s.seq LIMIT $${params.length + 1}) p ON true
     ORDER BY p.seq`,
    [...params, Math.trunc(query.limit)],
  )
  const headSeq = Number(rows[0]?.head ?? 0)
  const page = rows.filter((r) => r.seq !== null && r.seq !== undefined)
  const changes: PulledChange[] = page.map(toChange)
  const last = changes[changes.length - 1]
  const hasMore = changes.length === query.limit
  let cursor = last ? last.seq : query.cursor
  // Backfill (ADR 0003, "Access grants"): a dossier (re)assigned to this casemanager, or one that
  // got a werknemer already on the server, has a grant with a seq taken from the log's sequence
  // under the append lock. Once the page reaches the head, every change of such a dossier and its
  // werknemer at or below the request's cursor (the ones the cursor would skip) is added, and the
  // cursor moves past the grant. In this snapshot every change below the grant's seq is visible.
  let backfill: PulledChange[] = []
  let revoked: string[] = []
  // A page with more to come handles the grants and revocations its own range passed (its
  // cursor may pass them; seeing a change above one means seeing the grant, committed earlier
  // under the lock); the last page handles every one above the request's cursor.
  if (grantee !== null) {
    const upTo = hasMore ? cursor : Number.MAX_SAFE_INTEGER
    // Grants (`k = 'g'`) and revocations (`k = 'r'`, revocations.ts) in one round trip.
    const found = await db.query(
      `SELECT 'g' AS k, g.dossier_id, g.seq FROM access_grants g
       JOIN dossier_access a ON a.dossier_id = g.dossier_id AND a.casemanager_id = g.user_id
       WHERE g.user_id = $1 AND g.seq > $2 AND g.seq <= $3
       UNION ALL ${REVOKED_SINCE}`,
      [grantee, query.cursor, upTo],
    )
    const grants = found.filter((r) => r.k === 'g')
    if (grants.length) {
      const ids = [...new Set(grants.map((g) => String(g.dossier_id)))]
      const old = await db.query(
        `SELECT ${COLS} FROM changes c WHERE c.dossier_id = ANY($1::text[]) AND c.seq <= $2
           AND c.organisation_id = $3
         UNION ALL
         SELECT ${COLS} FROM changes c WHERE ${employeesOf('SELECT unnest($1::text[])')}
           AND c.seq <= $2 AND c.organisation_id = $3
         ORDER BY seq`,
        [ids, query.cursor, params[0]],
      )
      backfill = old.map(toChange)
      cursor = Math.max(cursor, ...grants.map((g) => Number(g.seq)))
    }
    // Revocations (ADR 0003): dossiers reassigned away after the cursor, not theirs again now.
    const lost = found.filter((r) => r.k === 'r')
    revoked = [...new Set(lost.map((r) => String(r.dossier_id)))]
    cursor = Math.max(cursor, ...lost.map((r) => Number(r.seq)))
  }
  const total =
    query.cursor === 0 ? await countAll(db, { sql: source, params, grantee }) : undefined
  return {
    changes: [...backfill, ...changes],
    cursor,
    hasMore,
    headSeq,
    revoked,
    ...(total === undefined ? {} : { total }),
  }
}

const toChange = (r: Row): PulledChange => ({
  seq: Number(r.seq),
  id: String(r.change_id),
  table: r.table_name as SyncTable,
  recordId: String(r.record_id),
  dossierId: r.dossier_id === null ? null : String(r.dossier_id),
  field: String(r.field),
  value: JSON.parse(String(r.value)),
  hlc: r.hlc as Hlc,
  baseHlc: (r.base_hlc ?? null) as Hlc | null,
})
