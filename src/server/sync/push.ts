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
import { seesAllDossiers, type Role } from '../auth/roles'
import type { AccessClaims } from '../auth/tokens'
import type { Db, Queryable, Row } from '../db/db'
import { forbidden, HttpError } from '../http-error'

/**
 * Group commit (ADR 0003). Pushes that arrive while a transaction is running wait in a queue; the
 * next transaction applies all of them at once with one statement per table instead of several
 * round trips per push. Inside it each push is still all-or-nothing: it is deduplicated by change
 * id (a retried push applies nothing twice), every change is authorised and merged in memory
 * against the state read under the append lock, and a push that fails leaves no trace in what the
 * group writes. The advisory lock is held from the first read until commit, so `seq` order is
 * commit order (also across several server processes on one PostgreSQL) and a pull can never
 * skip a change that commits later with a lower seq. A response is sent only after its group has
 * committed, so an acknowledged change is durable.
 */

/** The advisory lock that serialises appends to the log (db.tx takes it with BEGIN). */
export const APPEND_LOCK = 727003
/** Caps one group so a huge backlog cannot make one transaction arbitrarily long. */
const MAX_GROUP_CHANGES = 10_000
const asJson = (x: unknown): string => JSON.stringify(x)

export type Pusher = ((
  who: AccessClaims,
  req: PushRequest,
  nowMs: number,
) => Promise<PushResponse>) & {
  /** Committed group transactions and the pushes they carried (tests, bench). */
  readonly stats: { groups: number; pushes: number }
}

type Job = {
  readonly who: AccessClaims
  readonly req: PushRequest
  readonly resolve: (r: PushResponse) => void
  readonly reject: (e: unknown) => void
}

/** Checks what needs no database (clock drift), then queues the push for the next group. */
export function createPusher(db: Db): Pusher {
  let waiting: Job[] = []
  let running = false
  const stats = { groups: 0, pushes: 0 }

  const takeGroup = (): Job[] => {
    let n = 0
    let k = 0
    while (
      k < waiting.length &&
      (k === 0 || n + waiting[k]!.req.changes.length <= MAX_GROUP_CHANGES)
    ) {
      n += waiting[k]!.req.changes.length
      k++
    }
    const group = waiting.slice(0, k)
    waiting = waiting.slice(k)
    return group
  }

  const settle = (jobs: readonly Job[], outcomes: readonly Outcome[]): void =>
    jobs.forEach((j, i) => {
      const o = outcomes[i]!
      if (o.ok) j.resolve(o.res)
      else j.reject(o.error)
    })

  const drain = async (): Promise<void> => {
    running = true
    try {
      while (waiting.length) {
        // The group is taken when the transaction starts, not when it is queued: pushes that
        // arrive while it waits for a connection (PostgreSQL) or behind other queries (PGlite's
        // single queue) join it. No timer: a timer could wait forever behind a busy microtask loop.
        let group: Job[] = []
        try {
          const outcomes = await db.tx(
            (q) => {
              group = takeGroup()
              return applyGroup(q, group)
            },
            { lock: APPEND_LOCK },
          )
          stats.groups++
          stats.pushes += group.length
          settle(group, outcomes)
        } catch (e) {
          // The transaction itself failed (a database error). Nothing of the group was written.
          // Failed before it began (no connection): every waiting push gets the error. Otherwise
          // apply each push on its own so one push's failure cannot fail the others.
          if (group.length === 0) for (const j of takeGroup()) j.reject(e)
          else if (group.length === 1) group[0]!.reject(e)
          else
            for (const j of group) {
              try {
                settle([j], await db.tx((q) => applyGroup(q, [j]), { lock: APPEND_LOCK }))
              } catch (e1) {
                j.reject(e1)
              }
            }
        }
      }
    } finally {
      running = false
    }
  }

  const pusher = (who: AccessClaims, req: PushRequest, nowMs: number): Promise<PushResponse> => {
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
    return new Promise<PushResponse>((resolve, reject) => {
      waiting.push({ who, req, resolve, reject })
      if (!running) void drain()
    })
  }
  return Object.assign(pusher, { stats })
}

type Outcome = { ok: true; res: PushResponse } | { ok: false; error: unknown }
type Scope = { organisationId: string; dossierId: string | null; createdBy: string | null }
type Access = { organisationId: string; casemanagerId: string }
type Meta = { t: string; r: string; f: string; d: string | null; org: string }

/**
 * A map with a pending layer: a push writes into the layer, which is folded into the base only
 * when the whole push was accepted.
 */
class Layered<V> {
  private pending = new Map<string, V>()
  constructor(readonly base: Map<string, V>) {}
  get(k: string): V | undefined {
    return this.pending.has(k) ? this.pending.get(k) : this.base.get(k)
  }
  has(k: string): boolean {
    return this.pending.has(k) || this.base.has(k)
  }
  set(k: string, v: V): void {
    this.pending.set(k, v)
  }
  commit(): void {
    for (const [k, v] of this.pending) this.base.set(k, v)
    this.pending = new Map()
  }
  discard(): void {
    this.pending = new Map()
  }
}

/** A version from a READ_GROUP row (`d` value, `e` hlc, `f` base hlc, `g` change id). */
const toVersion = (r: Row): FieldVersion => ({
  value: JSON.parse(String(r.d)) as Json,
  hlc: r.e as Hlc,
  baseHlc: (r.f ?? null) as Hlc | null,
  changeId: String(r.g),
})

const uniq = <T>(xs: Iterable<[string, T]>): T[] => [...new Map(xs).values()]

/**
 * Everything a group needs, read in one statement under the lock: known change ids (`i`), record
 * scopes (`s`), dossier access (`a`), field winners (`w`) and conflicts (`c`), and the pushing
 * devices (`u`). The devices part also stamps `last_seen_at`, and returns only devices that are
 * not revoked and whose user is not disabled, with the user's current role and organisation.
 */
const READ_GROUP = `
WITH ids AS (SELECT jsonb_array_elements_text($1::text::jsonb) AS id),
  recs AS (SELECT * FROM jsonb_to_recordset($2::text::jsonb) AS x(t text, r text)),
  dos AS (SELECT jsonb_array_elements_text($3::text::jsonb) AS d),
  keys AS (SELECT * FROM jsonb_to_recordset($4::text::jsonb) AS x(t text, r text, f text)),
  devs AS (
    UPDATE devices d SET last_seen_at = now() FROM users u
    WHERE u.id = d.user_id AND d.id IN (SELECT jsonb_array_elements_text($5::text::jsonb))
      AND d.revoked_at IS NULL AND NOT u.disabled
    RETURNING d.id, d.user_id, u.role, u.organisation_id)
SELECT 'i' AS k, c.change_id AS a, NULL AS b, NULL AS c, NULL AS d, NULL AS e, NULL AS f, NULL AS g
  FROM changes c JOIN ids ON c.change_id = ids.id
UNION ALL SELECT 's', s.table_name, s.record_id, s.organisation_id, s.dossier_id, s.created_by, NULL, NULL
  FROM record_scope s JOIN recs x ON s.table_name = x.t AND s.record_id = x.r
UNION ALL SELECT 'a', a.dossier_id, a.organisation_id, a.casemanager_id, NULL, NULL, NULL, NULL
  FROM dossier_access a JOIN dos ON a.dossier_id = dos.d
UNION ALL SELECT 'w', s.table_name, s.record_id, s.field, s.value, s.hlc, s.base_hlc, s.change_id
  FROM field_state s JOIN keys x ON s.table_name = x.t AND s.record_id = x.r AND s.field = x.f
UNION ALL SELECT 'c', s.table_name, s.record_id, s.field, s.value, s.hlc, s.base_hlc, s.change_id
  FROM conflicts s JOIN keys x ON s.table_name = x.t AND s.record_id = x.r AND s.field = x.f
UNION ALL SELECT 'u', id, user_id, role, organisation_id, NULL, NULL, NULL FROM devs
UNION ALL SELECT 'e', (fs.value::jsonb #>> '{}'), fs.record_id, a.organisation_id, a.casemanager_id,
    NULL, NULL, NULL
  FROM field_state fs JOIN dossier_access a ON a.dossier_id = fs.record_id
  WHERE fs.table_name = 'dossiers' AND fs.field = 'employeeId'
    AND (fs.value::jsonb #>> '{}') IN (SELECT jsonb_array_elements_text($6::text::jsonb))`

/**
 * Everything a group writes, in one statement. The data-modifying parts touch different rows
 * (a conflict is either removed or added), and the log insert assigns `seq` in push order.
 */
const WRITE_GROUP = `
WITH ns AS (
    INSERT INTO record_scope (table_name, record_id, organisation_id, dossier_id, created_by)
    SELECT x.t, x.r, x.o, x.d, x.c FROM jsonb_to_recordset($1::text::jsonb)
      AS x(t text, r text, d text, o text, c text)),
  na AS (
    INSERT INTO dossier_access (dossier_id, organisation_id, casemanager_id)
    SELECT x.d, x.o, x.u FROM jsonb_to_recordset($2::text::jsonb) AS x(d text, o text, u text)),
  fw AS (
    INSERT INTO field_state (table_name, record_id, field, value, hlc, base_hlc, change_id)
    SELECT x.t, x.r, x.f, x.v, x.h, x.b, x.id FROM jsonb_to_recordset($3::text::jsonb)
      AS x(t text, r text, f text, v text, h text, b text, id text)
    ON CONFLICT (table_name, record_id, field) DO UPDATE SET value = excluded.value,
      hlc = excluded.hlc, base_hlc = excluded.base_hlc, change_id = excluded.change_id),
  cr AS (
    DELETE FROM conflicts s USING jsonb_to_recordset($4::text::jsonb) AS x(t text, r text, f text, h text)
    WHERE s.table_name = x.t AND s.record_id = x.r AND s.field = x.f AND s.hlc = x.h),
  ca AS (
    INSERT INTO conflicts (table_name, record_id, field, hlc, value, base_hlc, change_id, dossier_id, organisation_id)
    SELECT x.t, x.r, x.f, x.h, x.v, x.b, x.id, x.d, x.o FROM jsonb_to_recordset($5::text::jsonb)
      AS x(t text, r text, f text, h text, v text, b text, id text, d text, o text)),
  ins AS (
    INSERT INTO changes (change_id, organisation_id, dossier_id, table_name, record_id, field, value, hlc, base_hlc, user_id, device_id)
    SELECT x.id, x.o, x.d, x.t, x.r, x.f, x.v, x.h, x.b, x.u, x.dev
    FROM jsonb_to_recordset($6::text::jsonb)
      AS x(n int, id text, o text, d text, t text, r text, f text, v text, h text, b text, u text, dev text)
    ORDER BY x.n
    RETURNING seq)
SELECT coalesce((SELECT max(seq) FROM ins), (SELECT max(seq) FROM changes), 0) AS head`

/**
 * Access grants (ADR 0003): run after WRITE_GROUP in the same locked transaction, so each grant's
 * seq is above every change of the group and below every later one.
 */
export const INSERT_GRANTS = `
INSERT INTO access_grants (user_id, dossier_id, seq)
SELECT x.u, x.d, nextval(pg_get_serial_sequence('changes', 'seq'))
FROM jsonb_to_recordset($1::text::jsonb) AS x(u text, d text)`

/**
 * The signatures (document, role) of the document versions a group changes the content of, with
 * the dossier each signature belongs to (`record_scope`), so a signature elsewhere cannot lock a
 * version (index `field_state_signature_document`, migration 4).
 */
const READ_SIGNATURES = `
SELECT (d.value::jsonb #>> '{}') AS doc, (r.value::jsonb #>> '{}') AS role, s.dossier_id
FROM field_state d
JOIN field_state r ON r.table_name = 'documentSignatures' AND r.record_id = d.record_id
  AND r.field = 'role'
JOIN record_scope s ON s.table_name = 'documentSignatures' AND s.record_id = d.record_id
WHERE d.table_name = 'documentSignatures' AND d.field = 'documentId'
  AND (d.value::jsonb #>> '{}') = ANY($1::text[])`

/** Fields of a document version that never change once both parties signed it. */
const SIGNED_FIELDS: ReadonlySet<string> = new Set(['content', 'type'])
const signedKey = (dossierId: string | null, documentId: string): string =>
  `${dossierId ?? ''}/${documentId}`

/**
 * Applies a group of pushes in the caller's transaction, which must hold APPEND_LOCK; one outcome
 * per push, in order.
 */
async function applyGroup(
  q: Queryable,
  jobs: readonly { who: AccessClaims; req: PushRequest }[],
): Promise<Outcome[]> {
  const all = jobs.flatMap((j) => j.req.changes)
  const known = new Set<string>()
  const scopes = new Map<string, Scope>()
  const access = new Map<string, Access>()
  const before = new Map<string, FieldState>()
  const devicesOk = new Map<string, { userId: string; role: Role; organisationId: string }>()
  const conflictRows: Row[] = []
  /** Werknemer id -> the dossiers whose `employeeId` it is (winners on the server). */
  const links = new Map<string, string[]>()
  const str = (x: unknown): string => String(x)
  // Werknemers a push changes, or points a dossier at: their scope and dossiers are read too.
  const employees = [
    ...new Set([
      ...all.filter((c) => c.table === 'employees').map((c) => c.recordId),
      ...all.flatMap(linkedEmployee),
    ]),
  ]
  for (const r of await q.query(READ_GROUP, [
    asJson([...new Set(all.map((c) => c.id))]),
    asJson(
      uniq([
        ...all.map((c): [string, unknown] => [
          `${c.table}/${c.recordId}`,
          { t: c.table, r: c.recordId },
        ]),
        ...employees.map((e): [string, unknown] => [`employees/${e}`, { t: 'employees', r: e }]),
      ]),
    ),
    asJson([...new Set(all.map((c) => c.dossierId).filter((d): d is string => d !== null))]),
    asJson(
      uniq(
        all.map((c) => [
          fieldKey(c.table, c.recordId, c.field),
          { t: c.table, r: c.recordId, f: c.field },
        ]),
      ),
    ),
    asJson([...new Set(jobs.map((j) => j.who.deviceId))]),
    asJson(employees),
  ])) {
    switch (r.k) {
      case 'i':
        known.add(str(r.a))
        break
      case 's':
        scopes.set(`${str(r.a)}/${str(r.b)}`, {
          organisationId: str(r.c),
          dossierId: r.d === null ? null : str(r.d),
          createdBy: r.e === null || r.e === undefined ? null : str(r.e),
        })
        break
      case 'a':
        access.set(str(r.a), { organisationId: str(r.b), casemanagerId: str(r.c) })
        break
      case 'w':
        before.set(fieldKey(str(r.a), str(r.b), str(r.c)), {
          winner: toVersion(r),
          conflicts: [],
        })
        break
      case 'c':
        conflictRows.push(r)
        break
      case 'e':
        links.set(str(r.a), [...(links.get(str(r.a)) ?? []), str(r.b)])
        access.set(str(r.b), { organisationId: str(r.c), casemanagerId: str(r.d) })
        break
      case 'u':
        devicesOk.set(str(r.a), {
          userId: str(r.b),
          role: r.c as Role,
          organisationId: str(r.d),
        })
        break
    }
  }
  // Signature roles per document version, for pushes that change a version's content.
  const signed = new Map<string, ReadonlySet<string>>()
  const changedDocs = [
    ...new Set(
      all
        .filter((c) => c.table === 'documents' && SIGNED_FIELDS.has(c.field))
        .map((c) => c.recordId),
    ),
  ]
  if (changedDocs.length) {
    for (const r of await q.query(READ_SIGNATURES, [changedDocs])) {
      const k = signedKey(r.dossier_id === null ? null : str(r.dossier_id), str(r.doc))
      signed.set(k, new Set([...(signed.get(k) ?? []), str(r.role)]))
    }
  }
  conflictRows.sort((x, y) => (str(x.e) < str(y.e) ? -1 : str(x.e) > str(y.e) ? 1 : 0))
  for (const r of conflictRows) {
    const k = fieldKey(str(r.a), str(r.b), str(r.c))
    const st = before.get(k)
    if (st) before.set(k, { winner: st.winner, conflicts: [...st.conflicts, toVersion(r)] })
  }

  // Each push in order, all-or-nothing, against the state left by the pushes before it.
  const scopeL = new Layered(scopes)
  const accessL = new Layered(access)
  const linksL = new Layered(links)
  const stateL = new Layered(new Map(before))
  const signedL = new Layered(signed)
  const meta = new Map<string, Meta>()
  const newScopes: unknown[] = []
  const newAccess: unknown[] = []
  const newGrants: unknown[] = []
  const rows: unknown[] = []
  const results: (
    | { ok: true; accepted: number; duplicates: number; conflicts: number }
    | { ok: false; error: unknown }
  )[] = []
  for (const job of jobs) {
    const { req } = job
    const ids = new Set<string>()
    const mine: { c: SyncChange; i: number }[] = []
    req.changes.forEach((c, i) => {
      if (known.has(c.id) || ids.has(c.id)) return
      ids.add(c.id)
      mine.push({ c, i })
    })
    try {
      // Revoking a device or disabling a user takes effect at once, also for a queued push.
      const dev = devicesOk.get(job.who.deviceId)
      if (!dev || dev.userId !== job.who.userId)
        throw new HttpError('unauthorized', 'Dit apparaat of account is ingetrokken.')
      const who: AccessClaims = { ...job.who, role: dev.role, organisationId: dev.organisationId }
      const added = authorise(who, mine, scopeL, accessL, linksL)
      const conflicts = merge(mine, stateL, signedL)
      scopeL.commit()
      accessL.commit()
      linksL.commit()
      stateL.commit()
      signedL.commit()
      for (const id of ids) known.add(id)
      for (const s of added.scopes) newScopes.push({ ...s, o: who.organisationId, c: who.userId })
      newGrants.push(...added.grants)
      for (const d of added.access) newAccess.push({ d, o: who.organisationId, u: who.userId })
      for (const { c } of mine) {
        meta.set(fieldKey(c.table, c.recordId, c.field), {
          t: c.table,
          r: c.recordId,
          f: c.field,
          d: c.dossierId,
          org: who.organisationId,
        })
        rows.push({
          n: rows.length,
          id: c.id,
          o: who.organisationId,
          d: c.dossierId,
          t: c.table,
          r: c.recordId,
          f: c.field,
          v: asJson(c.value),
          h: c.hlc,
          b: c.baseHlc,
          u: who.userId,
          dev: who.deviceId,
        })
      }
      results.push({
        ok: true,
        accepted: mine.length,
        duplicates: req.changes.length - mine.length,
        conflicts,
      })
    } catch (error) {
      scopeL.discard()
      accessL.discard()
      linksL.discard()
      stateL.discard()
      signedL.discard()
      results.push({ ok: false, error })
    }
  }

  const { winners, removed, added } = stateDiff(before, stateL.base, meta)
  const [w] = await q.query(WRITE_GROUP, [
    asJson(newScopes),
    asJson(newAccess),
    asJson(winners),
    asJson(removed),
    asJson(added),
    asJson(rows),
  ])
  const head = Number(w?.head ?? 0)
  if (newGrants.length) await q.query(INSERT_GRANTS, [asJson(newGrants)])
  return results.map((r) =>
    r.ok
      ? {
          ok: true,
          res: {
            accepted: r.accepted,
            duplicates: r.duplicates,
            conflicts: r.conflicts,
            headSeq: head,
          },
        }
      : r,
  )
}

/**
 * Every change: the record belongs to the user's organisation and dossier, and the dossier to them.
 * A werknemer (organisation-scoped, but personal data) may be changed by a casemanager only while
 * it is the werknemer of one of their dossiers, or while it belongs to no dossier and they created
 * it; a werknemer not yet on the server may be created by anyone of the organisation (a new
 * dossier pushes its new werknemer just before itself). Linking a dossier to a werknemer that was
 * already on the server grants the dossier's casemanager a backfill (ADR 0003, access grants).
 */
function authorise(
  who: AccessClaims,
  mine: readonly { c: SyncChange; i: number }[],
  scopes: Layered<Scope>,
  access: Layered<Access>,
  links: Layered<string[]>,
): {
  scopes: { t: string; r: string; d: string | null }[]
  access: string[]
  grants: { u: string; d: string }[]
} {
  const newScopes: { t: string; r: string; d: string | null }[] = []
  const newAccess: string[] = []
  const grants: { u: string; d: string }[] = []
  const all = seesAllDossiers(who.role)
  /** A werknemer of one of their dossiers, or of none and created by them (or new). */
  const ownsEmployee = (employeeId: string): boolean => {
    const scope = scopes.get(`employees/${employeeId}`)
    if (!scope) return true
    if (scope.organisationId !== who.organisationId) return false
    const dossiers = links.get(employeeId) ?? []
    return dossiers.length === 0
      ? scope.createdBy === who.userId
      : dossiers.some((d) => access.get(d)?.casemanagerId === who.userId)
  }
  for (const { c, i } of mine) {
    const key = `${c.table}/${c.recordId}`
    const scope = scopes.get(key)
    if (scope) {
      if (scope.organisationId !== who.organisationId) throw forbidden(`changes.${i}.recordId`)
      if (scope.dossierId !== c.dossierId) {
        throw new HttpError(
          'validation',
          'Dit record hoort bij een ander dossier.',
          `changes.${i}.dossierId`,
        )
      }
      if (c.table === 'employees' && !all && !ownsEmployee(c.recordId))
        throw forbidden(`changes.${i}.recordId`)
    } else {
      scopes.set(key, {
        organisationId: who.organisationId,
        dossierId: c.dossierId,
        createdBy: who.userId,
      })
      newScopes.push({ t: c.table, r: c.recordId, d: c.dossierId })
    }
    if (c.dossierId === null) continue
    const acc = access.get(c.dossierId)
    if (acc) {
      if (acc.organisationId !== who.organisationId) throw forbidden(`changes.${i}.dossierId`)
      if (!all && acc.casemanagerId !== who.userId) {
        // Typically a dossier reassigned away: the client keeps such changes aside (ADR 0005).
        throw new HttpError(
          'forbidden',
          'Dit dossier is niet (meer) aan u toegewezen.',
          `changes.${i}.dossierId`,
        )
      }
    } else {
      access.set(c.dossierId, { organisationId: who.organisationId, casemanagerId: who.userId })
      newAccess.push(c.dossierId)
    }
    for (const employee of linkedEmployee(c)) {
      // Pointing a dossier at a werknemer needs the same right as changing the werknemer.
      if (!all && !ownsEmployee(employee)) throw forbidden(`changes.${i}.value`)
      links.set(employee, [...(links.get(employee) ?? []), c.dossierId])
      // A werknemer created before this push has history the dossier's casemanager may lack.
      if (scopes.base.has(`employees/${employee}`)) {
        grants.push({ u: access.get(c.dossierId)?.casemanagerId ?? who.userId, d: c.dossierId })
      }
    }
  }
  return { scopes: newScopes, access: newAccess, grants }
}

/** The werknemer a change points its dossier at, if any. */
const linkedEmployee = (c: SyncChange): string[] =>
  c.table === 'dossiers' && c.field === 'employeeId' && typeof c.value === 'string' ? [c.value] : []

/**
 * Merges one push's changes with the shared rule; returns the number of new conflicts. Refuses a
 * change of an append-only record, and of the content of a document version that both employer
 * and employee have signed (signatures counted in push order: a version may be written and then
 * signed in one push, not signed and then changed).
 */
function merge(
  mine: readonly { c: SyncChange; i: number }[],
  state: Layered<FieldState>,
  signed: Layered<ReadonlySet<string>>,
): number {
  let conflicts = 0
  for (const { c, i } of mine) {
    const k = fieldKey(c.table, c.recordId, c.field)
    const cur = state.get(k)
    if (APPEND_ONLY_TABLES.has(c.table) && cur && cur.winner.hlc !== c.hlc) {
      throw new HttpError(
        'append-only',
        'Dit record kan niet meer worden gewijzigd.',
        `changes.${i}.field`,
      )
    }
    if (c.table === 'documents' && SIGNED_FIELDS.has(c.field)) {
      const roles = signed.get(signedKey(c.dossierId, c.recordId))
      if (roles?.has('werkgever') && roles.has('werknemer')) {
        throw new HttpError(
          'signed-version',
          'Deze versie is door werkgever en werknemer ondertekend en kan niet meer worden gewijzigd. Een wijziging wordt een nieuwe versie (bijstelling).',
          `changes.${i}.field`,
        )
      }
    }
    const out = mergeField(cur, versionOf(c))
    if (out.newConflict) conflicts++
    state.set(k, out.state)
    if (c.table === 'documentSignatures' && (c.field === 'documentId' || c.field === 'role')) {
      const doc = state.get(fieldKey(c.table, c.recordId, 'documentId'))?.winner.value
      const role = state.get(fieldKey(c.table, c.recordId, 'role'))?.winner.value
      if (typeof doc === 'string' && typeof role === 'string') {
        const sk = signedKey(c.dossierId, doc)
        signed.set(sk, new Set([...(signed.get(sk) ?? []), role]))
      }
    }
  }
  return conflicts
}

/** The difference between the fields' states before and after the group, as rows to write. */
function stateDiff(
  before: ReadonlyMap<string, FieldState>,
  after: ReadonlyMap<string, FieldState>,
  meta: ReadonlyMap<string, Meta>,
): { winners: unknown[]; removed: unknown[]; added: unknown[] } {
  const winners: unknown[] = []
  const removed: unknown[] = []
  const added: unknown[] = []
  for (const [k, m] of meta) {
    const st = after.get(k)
    if (!st) continue
    const old = before.get(k)
    const id = { t: m.t, r: m.r, f: m.f }
    if (old?.winner.hlc !== st.winner.hlc) winners.push({ ...id, ...row(st.winner) })
    const oldH = new Set(old?.conflicts.map((x) => x.hlc))
    const newH = new Set(st.conflicts.map((x) => x.hlc))
    for (const x of old?.conflicts ?? []) if (!newH.has(x.hlc)) removed.push({ ...id, h: x.hlc })
    for (const x of st.conflicts)
      if (!oldH.has(x.hlc)) added.push({ ...id, ...row(x), d: m.d, o: m.org })
  }
  return { winners, removed, added }
}

const row = (v: FieldVersion): { v: string; h: string; b: string | null; id: string } => ({
  v: asJson(v.value),
  h: v.hlc,
  b: v.baseHlc,
  id: v.changeId,
})
