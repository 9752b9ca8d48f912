import {
  APPEND_ONLY_TABLES,
  fieldKey,
  HLC_MAX_DRIFT_MS,
  mergeField,
  parseHlc,
  versionOf,
  type FieldState,
  type FieldVersion,
  type Hlc,
  type Json,
  type PushRequest,
  type PushResponse,
  type SyncChange,
} from '../../shared/sync'
import { seesAllDossiers } from '../auth/roles'
import type { AccessClaims } from '../auth/tokens'
import type { Queryable, Db, Row } from '../db/db'
import { forbidden, HttpError } from '../http-error'

/**
 * Applies one push in one transaction: dedupe by change id (a retried push applies nothing
 * twice), authorise every change, merge with the shared rule, append to the log. The advisory lock
 * serialises appends, so `seq` order is commit order and a concurrent pull can never skip one.
 * Any error rolls the whole push back: nothing is applied.
 */

const APPEND_LOCK = 'SELECT pg_advisory_xact_lock(727003)'
const asJson = (x: unknown): string => JSON.stringify(x)
const recordset = (rows: unknown[]): string => asJson(rows)

export async function push(
  db: Db,
  who: AccessClaims,
  req: PushRequest,
  nowMs: number,
): Promise<PushResponse> {
  req.changes.forEach((c, i) => {
    const wall = parseHlc(c.hlc)?.wallMs ?? 0
    if (wall - nowMs > HLC_MAX_DRIFT_MS) {
      throw new HttpError(
        'validation',
        'De klok van dit apparaat loopt te ver voor.',
        `changes.${i}.hlc`,
      )
    }
  })
  return db.tx(async (q) => {
    await q.query(APPEND_LOCK)
    const ids = req.changes.map((c) => c.id)
    const known = new Set(
      (
        await q.query(
          'SELECT change_id FROM changes WHERE change_id = ANY(SELECT jsonb_array_elements_text($1::text::jsonb))',
          [asJson(ids)],
        )
      ).map((r) => String(r.change_id)),
    )
    const fresh: { c: SyncChange; i: number }[] = []
    req.changes.forEach((c, i) => {
      if (known.has(c.id)) return
      known.add(c.id)
      fresh.push({ c, i })
    })
    const duplicates = req.changes.length - fresh.length
    if (fresh.length === 0) return { accepted: 0, duplicates, conflicts: 0, headSeq: await head(q) }
    await authorise(q, who, fresh)
    const conflicts = await mergeAndStore(q, who, fresh)
    await q.query(
      `INSERT INTO changes (change_id, organisation_id, dossier_id, table_name, record_id, field, value, hlc, base_hlc, user_id, device_id)
       SELECT x.id, $2, x.d, x.t, x.r, x.f, x.v, x.h, x.b, $3, $4
       FROM jsonb_to_recordset($1::text::jsonb) AS x(n int, id text, d text, t text, r text, f text, v text, h text, b text)
       ORDER BY x.n`,
      [
        recordset(
          fresh.map(({ c }, n) => ({
            n,
            id: c.id,
            d: c.dossierId,
            t: c.table,
            r: c.recordId,
            f: c.field,
            v: asJson(c.value),
            h: c.hlc,
            b: c.baseHlc,
          })),
        ),
        who.organisationId,
        who.userId,
        who.deviceId,
      ],
    )
    return { accepted: fresh.length, duplicates, conflicts, headSeq: await head(q) }
  })
}

async function head(q: Queryable): Promise<number> {
  const r = await q.query('SELECT coalesce(max(seq), 0) AS head FROM changes')
  return Number(r[0]?.head ?? 0)
}

/** Every change: the record belongs to the user's organisation and dossier, and the dossier to them. */
async function authorise(
  q: Queryable,
  who: AccessClaims,
  fresh: { c: SyncChange; i: number }[],
): Promise<void> {
  const recs = [
    ...new Map(
      fresh.map(({ c }) => [`${c.table}/${c.recordId}`, { t: c.table, r: c.recordId }]),
    ).values(),
  ]
  const scopes = new Map<string, Row>()
  for (const s of await q.query(
    `SELECT s.table_name, s.record_id, s.organisation_id, s.dossier_id FROM record_scope s
     JOIN jsonb_to_recordset($1::text::jsonb) AS x(t text, r text) ON s.table_name = x.t AND s.record_id = x.r`,
    [recordset(recs)],
  )) {
    scopes.set(`${String(s.table_name)}/${String(s.record_id)}`, s)
  }
  const dossierIds = [
    ...new Set(fresh.map(({ c }) => c.dossierId).filter((d): d is string => d !== null)),
  ]
  const access = new Map<string, Row>()
  for (const a of await q.query(
    `SELECT dossier_id, organisation_id, casemanager_id FROM dossier_access
     WHERE dossier_id = ANY(SELECT jsonb_array_elements_text($1::text::jsonb))`,
    [asJson(dossierIds)],
  )) {
    access.set(String(a.dossier_id), a)
  }
  const newScopes: { t: string; r: string; d: string | null }[] = []
  const newAccess: string[] = []
  for (const { c, i } of fresh) {
    const key = `${c.table}/${c.recordId}`
    const scope = scopes.get(key)
    if (scope) {
      if (scope.organisation_id !== who.organisationId) throw forbidden(`changes.${i}.recordId`)
      if ((scope.dossier_id ?? null) !== c.dossierId) {
        throw new HttpError(
          'validation',
          'Dit record hoort bij een ander dossier.',
          `changes.${i}.dossierId`,
        )
      }
    } else {
      const s = { organisation_id: who.organisationId, dossier_id: c.dossierId }
      scopes.set(key, s)
      newScopes.push({ t: c.table, r: c.recordId, d: c.dossierId })
    }
    if (c.dossierId === null) continue
    const acc = access.get(c.dossierId)
    if (acc) {
      if (acc.organisation_id !== who.organisationId) throw forbidden(`changes.${i}.dossierId`)
      if (!seesAllDossiers(who.role) && acc.casemanager_id !== who.userId)
        throw forbidden(`changes.${i}.dossierId`)
    } else {
      access.set(c.dossierId, { organisation_id: who.organisationId, casemanager_id: who.userId })
      newAccess.push(c.dossierId)
    }
  }
  if (newScopes.length) {
    await q.query(
      `INSERT INTO record_scope (table_name, record_id, organisation_id, dossier_id)
       SELECT x.t, x.r, $2, x.d FROM jsonb_to_recordset($1::text::jsonb) AS x(t text, r text, d text)`,
      [recordset(newScopes), who.organisationId],
    )
  }
  if (newAccess.length) {
    await q.query(
      `INSERT INTO dossier_access (dossier_id, organisation_id, casemanager_id)
       SELECT x, $2, $3 FROM jsonb_array_elements_text($1::text::jsonb) AS x`,
      [asJson(newAccess), who.organisationId, who.userId],
    )
  }
}

const toVersion = (r: Row): FieldVersion => ({
  value: JSON.parse(String(r.value)) as Json,
  hlc: r.hlc as Hlc,
  baseHlc: (r.base_hlc ?? null) as Hlc | null,
  changeId: String(r.change_id),
})

/** Loads the touched fields' states, merges in order, writes back what changed. */
async function mergeAndStore(
  q: Queryable,
  who: AccessClaims,
  fresh: { c: SyncChange; i: number }[],
): Promise<number> {
  const keys = [
    ...new Map(
      fresh.map(({ c }) => [
        fieldKey(c.table, c.recordId, c.field),
        { t: c.table, r: c.recordId, f: c.field },
      ]),
    ).values(),
  ]
  const keySet = recordset(keys)
  const join = `JOIN jsonb_to_recordset($1::text::jsonb) AS x(t text, r text, f text)
                ON s.table_name = x.t AND s.record_id = x.r AND s.field = x.f`
  const before = new Map<string, FieldState>()
  for (const r of await q.query(`SELECT s.* FROM field_state s ${join}`, [keySet])) {
    before.set(fieldKey(String(r.table_name), String(r.record_id), String(r.field)), {
      winner: toVersion(r),
      conflicts: [],
    })
  }
  for (const r of await q.query(`SELECT s.* FROM conflicts s ${join} ORDER BY s.hlc`, [keySet])) {
    const k = fieldKey(String(r.table_name), String(r.record_id), String(r.field))
    const st = before.get(k)
    if (st) before.set(k, { winner: st.winner, conflicts: [...st.conflicts, toVersion(r)] })
  }
  const after = new Map(before)
  const meta = new Map<string, SyncChange>()
  let conflicts = 0
  for (const { c, i } of fresh) {
    const k = fieldKey(c.table, c.recordId, c.field)
    const cur = after.get(k)
    if (APPEND_ONLY_TABLES.has(c.table) && cur && cur.winner.hlc !== c.hlc) {
      throw new HttpError(
        'append-only',
        'Dit record kan niet meer worden gewijzigd.',
        `changes.${i}.field`,
      )
    }
    const out = mergeField(cur, versionOf(c))
    if (out.newConflict) conflicts++
    after.set(k, out.state)
    meta.set(k, c)
  }
  const winners: unknown[] = []
  const removed: unknown[] = []
  const added: unknown[] = []
  for (const [k, st] of after) {
    const c = meta.get(k)
    if (!c) continue
    const old = before.get(k)
    const id = { t: c.table, r: c.recordId, f: c.field }
    if (old?.winner.hlc !== st.winner.hlc) winners.push({ ...id, ...row(st.winner) })
    const oldH = new Set(old?.conflicts.map((x) => x.hlc))
    const newH = new Set(st.conflicts.map((x) => x.hlc))
    for (const x of old?.conflicts ?? []) if (!newH.has(x.hlc)) removed.push({ ...id, h: x.hlc })
    for (const x of st.conflicts)
      if (!oldH.has(x.hlc)) added.push({ ...id, ...row(x), d: c.dossierId })
  }
  if (winners.length) {
    await q.query(
      `INSERT INTO field_state (table_name, record_id, field, value, hlc, base_hlc, change_id)
       SELECT x.t, x.r, x.f, x.v, x.h, x.b, x.id FROM jsonb_to_recordset($1::text::jsonb)
         AS x(t text, r text, f text, v text, h text, b text, id text)
       ON CONFLICT (table_name, record_id, field) DO UPDATE SET value = excluded.value,
         hlc = excluded.hlc, base_hlc = excluded.base_hlc, change_id = excluded.change_id`,
      [recordset(winners)],
    )
  }
  if (removed.length) {
    await q.query(
      `DELETE FROM conflicts s USING jsonb_to_recordset($1::text::jsonb) AS x(t text, r text, f text, h text)
       WHERE s.table_name = x.t AND s.record_id = x.r AND s.field = x.f AND s.hlc = x.h`,
      [recordset(removed)],
    )
  }
  if (added.length) {
    await q.query(
      `INSERT INTO conflicts (table_name, record_id, field, hlc, value, base_hlc, change_id, dossier_id, organisation_id)
       SELECT x.t, x.r, x.f, x.h, x.v, x.b, x.id, x.d, $2 FROM jsonb_to_recordset($1::text::jsonb)
         AS x(t text, r text, f text, h text, v text, b text, id text, d text)`,
      [recordset(added), who.organisationId],
    )
  }
  return conflicts
}

const row = (v: FieldVersion): { v: string; h: string; b: string | null; id: string } => ({
  v: asJson(v.value),
  h: v.hlc,
  b: v.baseHlc,
  id: v.changeId,
})
