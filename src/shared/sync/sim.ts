import { hlcClock, receiveAll, type HlcClock } from './index'
import { applyChanges, fieldKey, type ReplicaState } from './merge'
import { changesToApply, recordLocalWrite } from './outbox'
import type { Json, PulledChange, SyncChange } from './protocol'
import type { SyncTable } from './tables'

/**
 * An in-memory model of the whole protocol (clients with outboxes, a server with a log), built
 * only from the shared functions. Tests use it to check convergence under any interleaving; the
 * real server is checked against the same model in src/server.
 */

export type SimClient = {
  nodeId: string
  clock: HlcClock
  replica: ReplicaState
  outbox: SyncChange[]
  cursor: number
  nextId: number
}

export type SimServer = { log: PulledChange[]; ids: Set<string>; replica: ReplicaState }

export const simServer = (): SimServer => ({ log: [], ids: new Set(), replica: new Map() })

export const simClient = (nodeId: string): SimClient => ({
  nodeId,
  clock: hlcClock(nodeId),
  replica: new Map(),
  outbox: [],
  cursor: 0,
  nextId: 0,
})

export function simWrite(
  c: SimClient,
  nowMs: number,
  table: SyncTable,
  recordId: string,
  dossierId: string | null,
  fields: Record<string, Json>,
): void {
  const out = recordLocalWrite(
    { table, recordId, dossierId, fields },
    {
      clock: c.clock,
      nowMs,
      newId: () => `${c.nodeId}-${c.nextId++}`,
      currentHlc: (t, r, f) => c.replica.get(fieldKey(t, r, f))?.winner.hlc,
    },
  )
  c.clock = out.clock
  applyChanges(c.replica, out.changes)
  c.outbox.push(...out.changes)
}

/** A push; `delivered` < outbox length models a connection dropped mid-push (then retried). */
export function simPush(c: SimClient, s: SimServer, delivered = c.outbox.length): void {
  const fresh = c.outbox.slice(0, delivered).filter((ch) => !s.ids.has(ch.id))
  for (const ch of fresh) {
    s.ids.add(ch.id)
    s.log.push({ ...ch, seq: s.log.length + 1 })
  }
  applyChanges(s.replica, fresh)
  if (delivered >= c.outbox.length) c.outbox = []
}

export function simPull(c: SimClient, s: SimServer, nowMs: number, limit = 1000): void {
  const page = s.log.filter((ch) => ch.seq > c.cursor).slice(0, limit)
  const mine = changesToApply(page, c.nodeId)
  c.clock = receiveAll(c.clock, mine, nowMs)
  applyChanges(c.replica, mine)
  const last = page[page.length - 1]
  if (last) c.cursor = last.seq
}

/** A comparable snapshot: winner value and hlc per field, and the conflicting hlcs. */
export function snapshot(r: ReplicaState): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of [...r.keys()].sort()) {
    const st = r.get(key)
    if (!st) continue
    out[key] = { v: st.winner.value, h: st.winner.hlc, c: st.conflicts.map((x) => x.hlc) }
  }
  return out
}
