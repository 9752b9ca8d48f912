import { describe, expect, it } from 'vitest'
import { BACKOFF, backoffDelay } from './backoff'

describe('sync backoff', () => {
  it('doubles per failure, between half and the whole step', () => {
    for (const [attempt, step] of [
      [1, 2_000],
      [2, 4_000],
      [3, 8_000],
      [6, 64_000],
    ] as const) {
      expect(backoffDelay(attempt, () => 0)).toBe(step / 2)
      expect(backoffDelay(attempt, () => 0.999_999)).toBe(step)
    }
  })

  it('never waits longer than five minutes, however many failures', () => {
    expect(backoffDelay(50, () => 0.999_999)).toBe(BACKOFF.maxMs)
    expect(backoffDelay(1000, () => 0)).toBe(BACKOFF.maxMs / 2)
  })

  it('spreads retries of many clients (jitter)', () => {
    const delays = new Set(Array.from({ length: 200 }, () => backoffDelay(4)))
    expect(delays.size).toBeGreaterThan(100)
    for (const d of delays) expect(d >= 8_000 && d <= 16_000).toBe(true)
  })
})
