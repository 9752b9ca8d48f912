/**
 * Retry delays after a failed sync: exponential (2 s, 4 s, 8 s, … at most 5 minutes) with "equal
 * jitter" (half fixed, half random), so a fleet of laptops coming back online at once does not
 * hammer the server in lockstep, yet no retry comes sooner than half its step.
 */
export const BACKOFF = { baseMs: 2_000, maxMs: 5 * 60_000 } as const

/** `attempt` counts failures in a row (1 after the first). `random` returns [0, 1). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(step / 2 + (step / 2) * random())
}
