import {
  APPEND_ONLY_TABLES,
  fieldKey,
  mergeField,
  versionOf,
  type FieldState,
  type FieldVersion,
  type SyncChange,
} from '../../shared/sync'
import { isRemovalChange } from '../../shared/privacy/corrections'
import { HttpError } from '../http-error'
import type { Layered } from './layered'

/** Where a changed field belongs, for the rows a group writes. */
export type Meta = { t: string; r: string; f: string; d: string | null; org: string }

const asJson = (x: unknown): string => JSON.stringify(x)

/** Fields of a document version that never change once both parties signed it. */
export const SIGNED_FIELDS: ReadonlySet<string> = new Set(['content', 'type'])
export const signedKey = (dossierId: string | null, documentId: string): string =>
  `${dossierId ?? ''}/${documentId}`

/**
 * Merges one push's changes with the shared rule; returns the number of new conflicts. Refuses a
 * change of an append-only record (except the one removal AVG art. 16/17 needs: a removable text
 * field overwritten with exactly REMOVED_TEXT, docs/adr/0009), and of the content of a document version that both employer
 * and employee have signed (signatures counted in push order: a version may be written and then
 * signed in one push, not signed and then changed).
 */
export function merge(
  mine: readonly { c: SyncChange; i: number }[],
  state: Layered<FieldState>,
  signed: Layered<ReadonlySet<string>>,
): number {
  let conflicts = 0
  for (const { c, i } of mine) {
    const k = fieldKey(c.table, c.recordId, c.field)
    const cur = state.get(k)
    if (
      APPEND_ONLY_TABLES.has(c.table) &&
      cur &&
      cur.winner.hlc !== c.hlc &&
      !isRemovalChange(c.table, c.field, c.value)
    ) {
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
export function stateDiff(
  before: ReadonlyMap<string, FieldState>,
  after: ReadonlyMap<string, FieldState>,
  meta: ReadonlyMap<string, Meta>,
): {
  winners: unknown[]
  removed: { t: string; r: string; f: string; h: string }[]
  added: unknown[]
} {
  const winners: unknown[] = []
  const removed: { t: string; r: string; f: string; h: string }[] = []
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
