import { createHash } from 'node:crypto'
import type { Db } from '../db/db'

/**
 * The login limit (ADR 0012), kept in the database (`login_attempts`, migration 5) so that it
 * holds across every server process of one deployment. Two counters per attempt: the account
 * (the normalised e-mail, hashed: unknown addresses are limited exactly like known ones and no
 * address is stored readable) and the source address. An attempt is charged before its password
 * is checked, so parallel guesses cannot all pass a check made before any of them failed; a
 * successful login refunds it. Once a counter reaches its limit it locks for a wait that doubles
 * with every lockout (1 minute, 2, 4, … up to an hour); a lockout of an existing account leaves a
 * notice the organisation's beheerder can list (`login_lockouts`).
 */

export type LoginLimits = {
  /** Failed attempts per account before a lockout. */
  readonly perAccount: number
  /** Failed attempts per source address (across accounts) before a lockout. */
  readonly perSource: number
}

/** Failures older than this are forgotten (a quiet period starts a new count). */
export const LOGIN_WINDOW_MS = 15 * 60_000
/** The first lockout's wait; each further lockout doubles it, up to LOGIN_MAX_WAIT_MS. */
export const LOGIN_FIRST_WAIT_MS = 60_000
export const LOGIN_MAX_WAIT_MS = 60 * 60_000
/** Lockouts are forgotten after a day without attempts. */
const LOCKOUT_MEMORY = '1 day'

export const lockoutWaitMs = (previousLockouts: number): number =>
  Math.min(LOGIN_MAX_WAIT_MS, LOGIN_FIRST_WAIT_MS * 2 ** Math.min(previousLockouts, 30))

const sha = (s: string): string => createHash('sha256').update(s).digest('hex')
export const accountKey = (email: string): string => `a:${sha(email)}`
export const sourceKey = (address: string): string => `s:${sha(address)}`

/**
 * Counts one attempt, unless the key is locked now (a locked key is not charged, so hammering a
 * lockout does not prolong it). An expired lockout or a quiet window starts a new count.
 */
const CHARGE = `
INSERT INTO login_attempts AS l (key, failures, lockouts, last_at) VALUES ($1, 1, 0, $2::timestamptz)
ON CONFLICT (key) DO UPDATE SET
  failures = CASE
    WHEN l.locked_until > excluded.last_at THEN l.failures
    WHEN l.locked_until IS NOT NULL OR l.last_at < excluded.last_at - $3::int * interval '1 millisecond' THEN 1
    ELSE l.failures + 1 END,
  lockouts = CASE WHEN l.last_at < excluded.last_at - interval '${LOCKOUT_MEMORY}' THEN 0 ELSE l.lockouts END,
  locked_until = CASE WHEN l.locked_until > excluded.last_at THEN l.locked_until ELSE NULL END,
  last_at = CASE WHEN l.locked_until > excluded.last_at THEN l.last_at ELSE excluded.last_at END
RETURNING failures, lockouts, (locked_until IS NOT NULL) AS locked,
  (extract(epoch FROM locked_until) * 1000)::float8 AS until_ms`

const LOCK = `
UPDATE login_attempts SET locked_until = $2::timestamptz + $3::int * interval '1 millisecond',
  lockouts = lockouts + 1
WHERE key = $1 RETURNING failures`

/** A lockout notice for the beheerder, if the address belongs to an account. */
const NOTICE = `
INSERT INTO login_lockouts (organisation_id, user_id, locked_until, failures)
SELECT u.organisation_id, u.id, $2::timestamptz + $3::int * interval '1 millisecond', $4::int
FROM users u WHERE u.email = $1`

type Counter = { failures: number; lockouts: number; locked: boolean; untilMs: number }

/** An attempt that may check its password, with the counts it was charged at. */
export type Ticket = {
  readonly email: string
  readonly address: string
  readonly account: Counter
  readonly source: Counter
}

export type Charge =
  | { readonly ok: true; readonly ticket: Ticket }
  | { readonly ok: false; readonly retryAfterMs: number }

export type LoginLimiter = {
  /** Charges the attempt (source first, then account); refused when either is locked or full. */
  charge: (email: string, address: string) => Promise<Charge>
  /** After a wrong password: locks each counter that reached its limit. */
  failed: (t: Ticket) => Promise<void>
  /** After a successful login: the account's count is cleared, the address's attempt refunded. */
  succeeded: (t: Ticket) => Promise<void>
}

export function createLoginLimiter(
  db: Db,
  limits: LoginLimits,
  now: () => number,
  onLockout: (kind: 'account' | 'source') => void = () => undefined,
): LoginLimiter {
  const at = (): string => new Date(now()).toISOString()
  const charge1 = async (key: string): Promise<Counter> => {
    const [r] = await db.query(CHARGE, [key, at(), LOGIN_WINDOW_MS])
    return {
      failures: Number(r?.failures ?? 0),
      lockouts: Number(r?.lockouts ?? 0),
      locked: r?.locked === true,
      untilMs: Number(r?.until_ms ?? 0),
    }
  }
  const refusal = (c: Counter): Charge => ({
    ok: false,
    retryAfterMs: Math.max(1000, (c.locked ? c.untilMs : now() + 1000) - now()),
  })
  return {
    charge: async (email, address) => {
      const source = await charge1(sourceKey(address))
      if (source.locked || source.failures > limits.perSource) return refusal(source)
      const account = await charge1(accountKey(email))
      if (account.locked || account.failures > limits.perAccount) return refusal(account)
      return { ok: true, ticket: { email, address, account, source } }
    },
    failed: async ({ email, address, account, source }) => {
      if (account.failures >= limits.perAccount) {
        const wait = lockoutWaitMs(account.lockouts)
        await db.query(LOCK, [accountKey(email), at(), wait])
        await db.query(NOTICE, [email, at(), wait, account.failures])
        onLockout('account')
      }
      if (source.failures >= limits.perSource) {
        await db.query(LOCK, [sourceKey(address), at(), lockoutWaitMs(source.lockouts)])
        onLockout('source')
      }
    },
    succeeded: async ({ email, address }) => {
      await db.query('DELETE FROM login_attempts WHERE key = $1', [accountKey(email)])
      await db.query(
        `UPDATE login_attempts SET failures = greatest(failures - 1, 0)
         WHERE key = $1 AND locked_until IS NULL`,
        [sourceKey(address)],
      )
    },
  }
}
