import { HLC_MAX_DRIFT_MS, parseHlc, type PushRequest, type PushResponse } from '../../shared/sync'
import type { AccessClaims } from '../auth/tokens'
import type { Db } from '../db/db'
import { HttpError } from '../http-error'
import { applyGroup, type Outcome } from './apply-group'

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
