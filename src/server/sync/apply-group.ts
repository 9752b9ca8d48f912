import {
  fieldKey,
  type FieldState,
  type FieldVersion,
  type Hlc,
  type Json,
  type PushRequest,
  type PushResponse,
  type SyncChange,
} from '../../shared/sync'
import type { Role } from '../auth/roles'
import type { AccessClaims } from '../auth/tokens'
import type { Queryable, Row } from '../db/db'
import { HttpError } from '../http-error'
import { authorise, linkedEmployee, type Access, type Scope } from './authorise'
import { Layered } from './layered'
import { merge, signedKey, SIGNED_FIELDS, stateDiff, type Meta } from './merge-push'
import { isRemovalChange, REMOVED_TEXT } from '../../shared/privacy/corrections'
import {
  INSERT_GRANTS,
  PURGE_REMOVED,
  READ_GROUP,
  READ_SIGNATURES,
  WRITE_GROUP,
} from './statements'

/** The result of one push in a group: its response, or the error that refused it. */
export type Outcome = { ok: true; res: PushResponse } | { ok: false; error: unknown }

const asJson = (x: unknown): string => JSON.stringify(x)

/** A version from a READ_GROUP row (`d` value, `e` hlc, `f` base hlc, `g` change id). */
const toVersion = (r: Row): FieldVersion => ({
  value: JSON.parse(String(r.d)) as Json,
  hlc: r.e as Hlc,
  baseHlc: (r.f ?? null) as Hlc | null,
  changeId: String(r.g),
})

const uniq = <T>(xs: Iterable<[string, T]>): T[] => [...new Map(xs).values()]

/**
 * Applies a group of pushes in the caller's transaction, which must hold APPEND_LOCK; one outcome
 * per push, in order.
 */
export async function applyGroup(
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
  const recs = uniq([
    ...all.map((c): [string, [string, string]] => [
      `${c.table}/${c.recordId}`,
      [c.table, c.recordId],
    ]),
    ...employees.map((e): [string, [string, string]] => [`employees/${e}`, ['employees', e]]),
  ])
  const keys = uniq(
    all.map((c): [string, [string, string, string]] => [
      fieldKey(c.table, c.recordId, c.field),
      [c.table, c.recordId, c.field],
    ]),
  )
  // Plain text arrays, not JSON: the planner knows their length (index lookups, not scans).
  for (const r of await q.query(READ_GROUP, [
    [...new Set(all.map((c) => c.id))],
    recs.map((x) => x[0]),
    recs.map((x) => x[1]),
    [...new Set(all.map((c) => c.dossierId).filter((d): d is string => d !== null))],
    keys.map((x) => x[0]),
    keys.map((x) => x[1]),
    keys.map((x) => x[2]),
    [...new Set(jobs.map((j) => j.who.deviceId))],
    employees,
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
  /** Accepted removals of an append-only record's text: the old text leaves the server's log. */
  const removals: [string, string, string][] = []
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
        if (isRemovalChange(c.table, c.field, c.value))
          removals.push([c.table, c.recordId, c.field])
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
    removed.map((x) => x.t),
    removed.map((x) => x.r),
    removed.map((x) => x.f),
    removed.map((x) => x.h),
    asJson(added),
    asJson(rows),
  ])
  const head = Number(w?.head ?? 0)
  if (newGrants.length) await q.query(INSERT_GRANTS, [asJson(newGrants)])
  if (removals.length)
    await q.query(PURGE_REMOVED, [
      removals.map((x) => x[0]),
      removals.map((x) => x[1]),
      removals.map((x) => x[2]),
      asJson(REMOVED_TEXT),
    ])
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
